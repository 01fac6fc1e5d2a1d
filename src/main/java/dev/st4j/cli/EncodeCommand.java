package dev.st4j.cli;

import dev.st4j.io.AtomicFiles;
import dev.st4j.model.EncodeOptions;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.params.PromptFlags;
import dev.st4j.spark.EncodeSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code st4j encode}: one embedding row per input line, written as CSV. */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Encode the lines of a text file into embeddings (one CSV row of floats per line, in input order).",
            "With --spark: encode a text/CSV/JSONL/Parquet corpus on Apache Spark into a Parquet folder (id, text, embedding)."})
final class EncodeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model folder or Hub id (with --spark on a cluster: one every executor can read).")
    String model;

    @Option(names = "--input", required = true, description = "Text file, one text per line (with --spark also CSV, JSONL or Parquet).")
    Path input;

    @Option(names = "--output", required = true, description = "CSV file to write (with --spark: a Parquet folder).")
    Path output;

    @Mixin
    SparkFlags spark;

    @Mixin
    SparkColumnFlags columns;

    @Option(names = "--normalize", description = "L2-normalize the embeddings.")
    boolean normalize;

    @Mixin
    EncodingFlags encoding;

    @Option(names = "--truncate-dim", description = "Keep the first N dimensions of each embedding (Matryoshka models), before --normalize.")
    Integer truncateDim;

    @Mixin
    PromptFlags prompt;

    @Override
    public Integer call() throws IOException {
        encoding.validate();
        spark.validate();
        columns.requireSpark(spark.enabled);
        if (spark.enabled) {
            return encodeOnSpark();
        }
        if (!Files.isRegularFile(input)) {
            throw new IOException("--input " + input + ": no such file");
        }
        List<String> texts = Files.readAllLines(input, StandardCharsets.UTF_8);
        try (SentenceTransformer st = ModelResolver.load(model)) {
            encoding.applyTo(st);
            try {
                st.setTruncateDim(truncateDim);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--truncate-dim: " + truncateDim + " is not between 1 and the model's dimension "
                        + st.dimension(), e);
            }
            float[][] emb = st.encode(texts, prompt.apply(new EncodeOptions(encoding.batchSize, normalize, true)));
            AtomicFiles.write(output, out -> {
                StringBuilder line = new StringBuilder();
                for (float[] row : emb) {
                    line.setLength(0);
                    for (int j = 0; j < row.length; j++) {
                        if (j > 0) {
                            line.append(',');
                        }
                        line.append(row[j]);
                    }
                    line.append('\n');
                    out.write(line.toString().getBytes(StandardCharsets.UTF_8));
                }
            });
            System.err.println("encode: wrote " + emb.length + " embeddings of dimension " + st.dimension() + " to " + output);
        }
        return 0;
    }

    private int encodeOnSpark() throws IOException {
        EncodeOptions prompted = prompt.apply(EncodeOptions.DEFAULTS);
        EncodeSettings settings = new EncodeSettings(model, encoding.batchSize, encoding.maxSeqLength, truncateDim, normalize,
                prompted.promptName(), prompted.prompt(), EncodeSettings.DEFAULT_WINDOW);
        SparkJobs.encode(spark.master, settings, input, columns, output);
        return 0;
    }
}
