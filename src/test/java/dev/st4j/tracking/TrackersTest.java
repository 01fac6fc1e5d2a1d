package dev.st4j.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.task.SentenceTransformersTask;
import dev.st4j.testing.RecordingServer;
import dev.st4j.testing.RecordingServer.Response;
import dev.st4j.testing.Shared;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** log = tensorboard, mlflow and wandb, each on a real training run of the tiny model. */
class TrackersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private SentenceTransformersParams.Builder params(String project) {
        return SentenceTransformersParams.builder().model(Shared.tinyModel("bert").toString()).dataPath(Shared.data("stsb").toString())
                .trainer("pair_score").targetColumn("score").validSplit("validation").maxSamples(16).batchSize(8).epochs(1)
                .maxSeqLength(32).loggingSteps(1).token("hf_SECRET_TOKEN").projectName(tmp.resolve(project).toString());
    }

    /** CRC-32C bit by bit (Castagnoli, reflected polynomial 0x82F63B78): an oracle independent of java.util.zip. */
    private static int referenceCrc32c(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte value : data) {
            crc ^= value & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc >>> 1) ^ ((crc & 1) != 0 ? 0x82F63B78 : 0);
            }
        }
        return ~crc;
    }

    /** TensorFlow's record checksum: the CRC-32C rotated right by 15 bits, plus 0xa282ead8. */
    private static int referenceMaskedCrc(byte[] data) {
        int crc = referenceCrc32c(data);
        return Integer.rotateRight(crc, 15) + 0xa282ead8;
    }

    @Test
    void recordChecksumsMatchPublishedCrc32cVectors() {
        byte[] ff = new byte[32];
        java.util.Arrays.fill(ff, (byte) 0xFF);
        byte[] ascending = new byte[32];
        for (int i = 0; i < 32; i++) {
            ascending[i] = (byte) i;
        }
        // RFC 3720 (iSCSI), appendix B.4, and the usual "123456789" check value.
        assertEquals(0x8A9136AA, referenceCrc32c(new byte[32]));
        assertEquals(0x62A8AB43, referenceCrc32c(ff));
        assertEquals(0x46DD794E, referenceCrc32c(ascending));
        assertEquals(0xE3069283, referenceCrc32c("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        for (byte[] v : List.of(new byte[32], ff, ascending, new byte[0], "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            assertEquals(referenceMaskedCrc(v), TfRecordWriter.maskedCrc(v));
        }
    }

    @Test
    void tensorBoardEventFilesHaveValidFramingAndScalars() throws Exception {
        SentenceTransformersParams p = params("tb").log("tensorboard").build();
        SentenceTransformersTask.train(p, List.of(), Map.of());
        Path runs = Path.of(p.projectName()).resolve("runs");
        Path file;
        try (var files = Files.list(runs)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents.")).findFirst().orElseThrow();
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<String> tags = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        String version = null;
        while (b.hasRemaining()) {
            byte[] len = new byte[8];
            b.get(len);
            assertEquals(referenceMaskedCrc(len), b.getInt(), "length CRC");
            byte[] data = new byte[(int) ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong()];
            b.get(data);
            assertEquals(referenceMaskedCrc(data), b.getInt(), "data CRC");
            CodedInputStream in = CodedInputStream.newInstance(data);
            long step = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag >>> 3) {
                    case 1 -> in.readDouble();
                    case 2 -> step = in.readInt64();
                    case 3 -> version = in.readString();
                    case 5 -> {
                        CodedInputStream summary = CodedInputStream.newInstance(in.readByteArray());
                        summary.readTag();
                        CodedInputStream value = CodedInputStream.newInstance(summary.readByteArray());
                        value.readTag();
                        tags.add(value.readString());
                        steps.add(step);
                    }
                    default -> in.skipField(tag);
                }
            }
        }
        assertEquals("brain.Event:2", version);
        assertTrue(tags.contains("train/loss") && tags.contains("train/learning_rate") && tags.contains("eval/spearman_cosine"), tags.toString());
        assertEquals(2L, steps.get(tags.lastIndexOf("train/loss")));
    }

    @Test
    void mlflowRunIsCreatedLoggedAndFinished() throws Exception {
        try (RecordingServer server = new RecordingServer(r -> switch (r.path()) {
            case "/api/2.0/mlflow/experiments/get-by-name" -> new Response(404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\"}");
            case "/api/2.0/mlflow/experiments/create" -> new Response(200, "{\"experiment_id\":\"7\"}");
            case "/api/2.0/mlflow/runs/create" -> new Response(200, "{\"run\":{\"info\":{\"run_id\":\"r1\"}}}");
            default -> new Response(200, "{}");
        })) {
            SentenceTransformersParams p = params("ml").log("mlflow").build();
            SentenceTransformersTask.train(p, List.of(), Map.of("MLFLOW_TRACKING_URI", server.url(), "MLFLOW_EXPERIMENT_NAME", "st4j-test"));
            List<String> paths = server.requests().stream().map(RecordingServer.Request::path).toList();
            assertEquals("/api/2.0/mlflow/experiments/get-by-name", paths.get(0));
            assertEquals("st4j-test", JSON.readTree(server.requests().get(1).body()).get("name").asText());
            JsonNode run = JSON.readTree(server.requests().get(2).body());
            assertEquals("7", run.get("experiment_id").asText());
            JsonNode params = JSON.readTree(server.requests().get(3).body());
            assertTrue(params.get("params").toString().contains("\"pair_score\""));
            assertTrue(server.requests().stream().anyMatch(r -> r.body().contains("\"train_loss\"") && r.body().contains("\"step\":1")));
            assertTrue(server.requests().stream().anyMatch(r -> r.body().contains("eval_spearman_cosine")));
            JsonNode end = JSON.readTree(server.requests().get(server.requests().size() - 1).body());
            assertEquals("FINISHED", end.get("status").asText());
            assertFalse(server.requests().toString().contains("hf_SECRET_TOKEN"), "the Hub token never goes to a tracker");
        }
    }

    @Test
    void wandbRunStreamsHistory() throws Exception {
        try (RecordingServer server = new RecordingServer(r -> r.path().equals("/graphql")
                ? new Response(200, "{\"data\":{\"upsertBucket\":{\"bucket\":{\"id\":\"x\",\"name\":\"run1\",\"project\":{\"name\":\"proj\",\"entity\":{\"name\":\"me\"}}}}}}")
                : new Response(200, "{}"))) {
            SentenceTransformersParams p = params("wb").log("wandb").build();
            SentenceTransformersTask.train(p, List.of(), Map.of("WANDB_BASE_URL", server.url(), "WANDB_API_KEY", "k123", "WANDB_PROJECT", "proj"));
            RecordingServer.Request first = server.requests().get(0);
            assertEquals("/graphql", first.path());
            assertTrue(first.header("Authorization").startsWith("Basic "));
            assertTrue(JSON.readTree(first.body()).get("query").asText().contains("upsertBucket"));
            List<RecordingServer.Request> stream = server.requests().stream()
                    .filter(r -> r.path().equals("/files/me/proj/run1/file_stream")).toList();
            JsonNode row = JSON.readTree(JSON.readTree(stream.get(0).body()).at("/files/wandb-history.jsonl/content/0").asText());
            assertEquals(1, row.get("_step").asInt());
            assertTrue(row.has("train/loss"));
            assertTrue(stream.get(stream.size() - 1).body().contains("\"complete\":true"));
        }
    }

    @Test
    void missingTrackerSettingsAreOneLineErrors() {
        SentenceTransformersParams p = params("none").log("mlflow").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trackers.forParams(p, Map.of()));
        assertTrue(e.getMessage().startsWith("log: mlflow needs MLFLOW_TRACKING_URI"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Trackers.forParams(p.toBuilder().log("wandb").build(), Map.of()))
                .getMessage().startsWith("log: wandb needs WANDB_API_KEY"));
        assertEquals(List.of(), Arrays.asList(Trackers.forParams(p.toBuilder().log("none").build(), Map.of()).toArray()));
    }
}
