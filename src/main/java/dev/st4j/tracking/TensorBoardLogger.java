package dev.st4j.tracking;

import com.google.protobuf.CodedOutputStream;
import dev.st4j.trainer.EvaluationLog;
import dev.st4j.trainer.StepLog;
import dev.st4j.trainer.TrainingListener;
import dev.st4j.trainer.TrainingPlan;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code log = tensorboard}: writes the training loss, learning rate and every evaluation metric as
 * TensorBoard scalar events under {@code project_name/runs/}, in a real event file
 * ({@code events.out.tfevents.<time>.<host>}) that TensorBoard reads.
 */
public final class TensorBoardLogger implements TrainingListener, AutoCloseable {
    private final Path dir;
    private OutputStream stream;
    private TfRecordWriter records;

    /** A logger writing under {@code project/runs/}. */
    public TensorBoardLogger(Path project) {
        this.dir = project.resolve("runs");
    }

    @Override
    public void onTrainBegin(TrainingPlan plan) {
        try {
            Files.createDirectories(dir);
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
            long seconds = System.currentTimeMillis() / 1000;
            stream = new BufferedOutputStream(new java.io.FileOutputStream(dir.resolve("events.out.tfevents." + seconds + "." + host).toFile()));
            records = new TfRecordWriter(stream);
            records.write(fileVersionEvent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onLog(StepLog log) {
        scalar("train/loss", log.step(), log.loss());
        scalar("train/learning_rate", log.step(), log.learningRate());
        scalar("train/grad_norm", log.step(), log.gradNorm());
        scalar("train/epoch", log.step(), log.epoch());
    }

    @Override
    public void onEvaluation(EvaluationLog log) {
        for (Map.Entry<String, Double> m : log.metrics().entrySet()) {
            scalar("eval/" + m.getKey(), log.step(), m.getValue());
        }
    }

    @Override
    public void onTrainEnd(dev.st4j.trainer.TrainingResult result) {
        close();
    }

    private void scalar(String tag, long step, double value) {
        if (records == null) {
            return;
        }
        try {
            records.write(scalarEvent(tag, step, (float) value, System.currentTimeMillis() / 1000.0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@code Event} whose {@code file_version} is {@code brain.Event:2}, the first record of every event file. */
    static byte[] fileVersionEvent() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeDouble(1, System.currentTimeMillis() / 1000.0);
        out.writeString(3, "brain.Event:2");
        out.flush();
        return bytes.toByteArray();
    }

    /** An {@code Event{wall_time=1, step=2, summary=5{value=1{tag=1, simple_value=2}}}}. */
    static byte[] scalarEvent(String tag, long step, float value, double wallTime) throws IOException {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        CodedOutputStream valueOut = CodedOutputStream.newInstance(v);
        valueOut.writeString(1, tag);
        valueOut.writeFloat(2, value);
        valueOut.flush();
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        CodedOutputStream summaryOut = CodedOutputStream.newInstance(s);
        summaryOut.writeByteArray(1, v.toByteArray());
        summaryOut.flush();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        CodedOutputStream eventOut = CodedOutputStream.newInstance(e);
        eventOut.writeDouble(1, wallTime);
        eventOut.writeInt64(2, step);
        eventOut.writeByteArray(5, s.toByteArray());
        eventOut.flush();
        return e.toByteArray();
    }

    @Override
    public void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                stream = null;
                records = null;
            }
        }
    }
}
