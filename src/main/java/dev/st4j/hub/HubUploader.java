package dev.st4j.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.http.JsonHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Uploads a model folder to the Hugging Face Hub as huggingface_hub does: creates the (private) model
 * repository, asks which files go through LFS ({@code preupload}), uploads those through the Git LFS
 * batch API, and commits everything in one NDJSON commit. Checkpoint folders are left out. The token
 * goes only into the Authorization header of requests to the endpoint.
 */
public final class HubUploader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String endpoint;
    private final JsonHttp hub;

    /** An uploader to {@code endpoint} authenticated with {@code token}. */
    public HubUploader(String endpoint, String token) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.hub = new JsonHttp("Hub", Map.of("Authorization", "Bearer " + token));
    }

    private record Entry(String path, Path file, long size, String sha256) {}

    /** Uploads {@code folder} to {@code repoId} ({@code user/name}) on branch main; returns the repository's URL. */
    public String upload(Path folder, String repoId) throws IOException {
        String[] parts = repoId.split("/", 2);
        ObjectNode create = JSON.createObjectNode();
        create.put("name", parts[1]).put("organization", parts[0]).put("type", "model").put("private", true);
        HttpResponse<String> created = hub.exchange(endpoint + "/api/repos/create", "POST",
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(create)), "application/json");
        if (created.statusCode() / 100 != 2 && created.statusCode() != 409) {
            throw new IOException("push_to_hub: creating " + repoId + " answered HTTP " + created.statusCode());
        }
        List<Entry> entries = files(folder);
        Map<String, String> modes = preupload(repoId, entries);
        List<Entry> lfs = entries.stream().filter(e -> "lfs".equals(modes.get(e.path()))).toList();
        if (!lfs.isEmpty()) {
            uploadLfs(repoId, lfs);
        }
        StringBuilder ndjson = new StringBuilder();
        ObjectNode header = JSON.createObjectNode();
        header.put("key", "header").putObject("value").put("summary", "Upload model trained with st4j").put("description", "");
        ndjson.append(JSON.writeValueAsString(header)).append('\n');
        for (Entry e : entries) {
            ObjectNode line = JSON.createObjectNode();
            if ("lfs".equals(modes.get(e.path()))) {
                line.put("key", "lfsFile").putObject("value").put("path", e.path()).put("algo", "sha256").put("oid", e.sha256());
            } else {
                line.put("key", "file").putObject("value").put("content", Base64.getEncoder().encodeToString(Files.readAllBytes(e.file())))
                        .put("path", e.path()).put("encoding", "base64");
            }
            ndjson.append(JSON.writeValueAsString(line)).append('\n');
        }
        hub.send(endpoint + "/api/models/" + repoId + "/commit/main", "POST", HttpRequest.BodyPublishers.ofString(ndjson.toString()),
                "application/x-ndjson");
        return endpoint + "/" + repoId;
    }

    private Map<String, String> preupload(String repoId, List<Entry> entries) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode files = body.putArray("files");
        for (Entry e : entries) {
            byte[] sample;
            try (InputStream in = Files.newInputStream(e.file())) {
                sample = in.readNBytes(512);
            }
            files.addObject().put("path", e.path()).put("size", e.size()).put("sample", Base64.getEncoder().encodeToString(sample));
        }
        JsonNode answer = hub.post(endpoint + "/api/models/" + repoId + "/preupload/main", body);
        Map<String, String> modes = new LinkedHashMap<>();
        answer.path("files").forEach(f -> modes.put(f.path("path").asText(), f.path("uploadMode").asText("regular")));
        return modes;
    }

    private void uploadLfs(String repoId, List<Entry> lfs) throws IOException {
        ObjectNode batch = JSON.createObjectNode();
        batch.put("operation", "upload").put("hash_algo", "sha256");
        batch.putArray("transfers").add("basic");
        ArrayNode objects = batch.putArray("objects");
        lfs.forEach(e -> objects.addObject().put("oid", e.sha256()).put("size", e.size()));
        JsonNode answer = hub.send(endpoint + "/" + repoId + ".git/info/lfs/objects/batch", "POST",
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch)), "application/vnd.git-lfs+json");
        for (JsonNode o : answer.path("objects")) {
            JsonNode upload = o.path("actions").path("upload");
            if (upload.isMissingNode()) {
                continue;
            }
            Entry e = lfs.stream().filter(x -> x.sha256().equals(o.path("oid").asText())).findFirst()
                    .orElseThrow(() -> new IOException("push_to_hub: LFS answer names an unknown object"));
            String href = upload.path("href").asText();
            Map<String, String> headers = new LinkedHashMap<>();
            upload.path("header").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            JsonHttp storage = new JsonHttp("Hub LFS storage", headers);
            HttpResponse<String> put = storage.exchange(href, "PUT", HttpRequest.BodyPublishers.ofFile(e.file()), null);
            if (put.statusCode() / 100 != 2) {
                throw new IOException("push_to_hub: uploading " + e.path() + " answered HTTP " + put.statusCode());
            }
        }
    }

    private static List<Entry> files(Path folder) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = folder.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("checkpoint-") || rel.startsWith(".")) {
                    continue;
                }
                out.add(new Entry(rel, f, Files.size(f), sha256(f)));
            }
        }
        return out;
    }

    private static String sha256(Path f) throws IOException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    d.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
