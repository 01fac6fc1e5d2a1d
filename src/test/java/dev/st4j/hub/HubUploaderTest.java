package dev.st4j.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.params.SentenceTransformersParams;
import dev.st4j.task.SentenceTransformersTask;
import dev.st4j.testing.RecordingServer;
import dev.st4j.testing.RecordingServer.Response;
import dev.st4j.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** push_to_hub against a Hub-like server on 127.0.0.1: repository, preupload, LFS batch and upload, commit. */
class HubUploaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "hf_PUSH_SECRET_42";

    @TempDir
    Path tmp;

    @Test
    void trainedModelIsPushedWithWeightsThroughLfs() throws Exception {
        AtomicReference<String> base = new AtomicReference<>();
        try (RecordingServer server = new RecordingServer(r -> {
            if (r.path().endsWith("/preupload/main")) {
                try {
                    StringBuilder files = new StringBuilder("{\"files\":[");
                    for (JsonNode f : JSON.readTree(r.body()).get("files")) {
                        String mode = f.get("path").asText().endsWith(".safetensors") ? "lfs" : "regular";
                        files.append(files.length() > 10 ? "," : "").append("{\"path\":\"").append(f.get("path").asText())
                                .append("\",\"uploadMode\":\"").append(mode).append("\"}");
                    }
                    return new Response(200, files.append("]}").toString());
                } catch (Exception e) {
                    return new Response(500, "{}");
                }
            }
            if (r.path().endsWith("/info/lfs/objects/batch")) {
                try {
                    JsonNode o = JSON.readTree(r.body()).get("objects").get(0);
                    return new Response(200, "{\"objects\":[{\"oid\":\"" + o.get("oid").asText() + "\",\"size\":" + o.get("size")
                            + ",\"actions\":{\"upload\":{\"href\":\"" + base.get() + "/lfs-store/" + o.get("oid").asText() + "\"}}}]}");
                } catch (Exception e) {
                    return new Response(500, "{}");
                }
            }
            return new Response(200, "{}");
        })) {
            base.set(server.url());
            SentenceTransformersParams p = SentenceTransformersParams.builder().model(Shared.tinyModel("bert").toString())
                    .dataPath(Shared.data("stsb").toString()).targetColumn("score").maxSamples(8).batchSize(8).epochs(1)
                    .maxSeqLength(32).evalStrategy("no").pushToHub(true).username("alice").token(TOKEN)
                    .projectName(tmp.resolve("tiny-sts").toString()).build();
            SentenceTransformersTask.train(p, List.of(), Map.of("HF_ENDPOINT", server.url()));

            List<RecordingServer.Request> rs = server.requests();
            assertEquals("/api/repos/create", rs.get(0).path());
            JsonNode create = JSON.readTree(rs.get(0).body());
            assertEquals("tiny-sts", create.get("name").asText());
            assertEquals("alice", create.get("organization").asText());
            assertEquals("/api/models/alice/tiny-sts/preupload/main", rs.get(1).path());
            assertEquals("/alice/tiny-sts.git/info/lfs/objects/batch", rs.get(2).path());
            RecordingServer.Request put = rs.get(3);
            assertEquals("PUT", put.method());
            assertTrue(put.path().startsWith("/lfs-store/"));
            assertEquals(Files.size(Path.of(p.projectName()).resolve("model.safetensors")), put.bodyLength(), "weights uploaded whole");
            assertEquals(null, put.header("Authorization"), "the token is not sent to the storage URL");
            RecordingServer.Request commit = rs.get(4);
            assertEquals("/api/models/alice/tiny-sts/commit/main", commit.path());
            List<String> lines = commit.body().lines().toList();
            assertEquals("header", JSON.readTree(lines.get(0)).get("key").asText());
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"lfsFile\"") && l.contains("model.safetensors")));
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"modules.json\"")));
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"README.md\"")));
            assertFalse(commit.body().contains("checkpoint-"), "checkpoints are not pushed");
            for (RecordingServer.Request r : rs) {
                if (!r.path().startsWith("/lfs-store/")) {
                    assertEquals("Bearer " + TOKEN, r.header("Authorization"));
                }
                assertFalse(r.body().contains(TOKEN), "token in a request body: " + r.path());
            }
        }
    }
}
