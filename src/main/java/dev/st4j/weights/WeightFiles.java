package dev.st4j.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.io.ErrorText;
import dev.st4j.safetensors.SafetensorsReader;
import dev.st4j.tensor.RawTensor;
import dev.st4j.torchbin.TorchBinReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a model folder keeps its weights, in the order Python prefers them: {@code model.safetensors},
 * sharded safetensors ({@code model.safetensors.index.json} and its shards), {@code pytorch_model.bin},
 * sharded {@code .bin} ({@code pytorch_model.bin.index.json}). Reads them as {@link RawTensor}s.
 */
public final class WeightFiles {
    /** The single-file and index names, most preferred first. */
    public static final List<String> CANDIDATES = List.of("model.safetensors", "model.safetensors.index.json",
            "pytorch_model.bin", "pytorch_model.bin.index.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private WeightFiles() {}

    /** The weight file (or index) a folder would be read from, if it has one. */
    public static Optional<Path> find(Path dir) {
        return CANDIDATES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    /** Every tensor of the folder's weights, in file (then shard) order. */
    public static Map<String, RawTensor> read(Path dir) throws IOException {
        Path file = find(dir).orElseThrow(() -> new IOException(dir + ": no weights (expected one of "
                + String.join(", ", CANDIDATES) + ")"));
        String name = file.getFileName().toString();
        if (!name.endsWith(".index.json")) {
            return readFile(file);
        }
        Map<String, String> weightMap = index(file);
        Map<String, RawTensor> out = new LinkedHashMap<>();
        for (String shard : new LinkedHashSet<>(weightMap.values())) {
            Path shardFile = dir.resolve(shard);
            if (!Files.isRegularFile(shardFile)) {
                throw new IOException(file + ": shard '" + shard + "' is missing from " + dir);
            }
            for (Map.Entry<String, RawTensor> e : readFile(shardFile).entrySet()) {
                if (shard.equals(weightMap.get(e.getKey()))) {
                    out.put(e.getKey(), e.getValue());
                }
            }
        }
        for (String tensor : weightMap.keySet()) {
            if (!out.containsKey(tensor)) {
                throw new IOException(file + ": tensor '" + tensor + "' is not in its shard '" + weightMap.get(tensor) + "'");
            }
        }
        return out;
    }

    /** Reads a file of a folder that is not local yet (a repository being downloaded). */
    @FunctionalInterface
    public interface RemoteFile {
        /** A local copy of {@code name}. */
        Path fetch(String name) throws IOException;
    }

    /**
     * The files a folder's weights need, given the file names the folder has: the preferred layout only,
     * with the shards its index names (the index is fetched to read them); empty when there is none.
     */
    public static List<String> needed(Collection<String> available, RemoteFile remote) throws IOException {
        for (String candidate : CANDIDATES) {
            if (available.contains(candidate)) {
                List<String> files = new ArrayList<>(List.of(candidate));
                if (candidate.endsWith(".index.json")) {
                    for (String shard : new LinkedHashSet<>(index(remote.fetch(candidate)).values())) {
                        if (!available.contains(shard)) {
                            throw new IOException(candidate + ": shard '" + shard + "' is not in the repository");
                        }
                        files.add(shard);
                    }
                }
                return files;
            }
        }
        return List.of();
    }

    private static Map<String, RawTensor> readFile(Path file) throws IOException {
        return file.getFileName().toString().endsWith(".safetensors") ? SafetensorsReader.readRaw(file) : TorchBinReader.read(file);
    }

    /** The {@code weight_map} of an index file: tensor name → shard file name (a plain name in the same folder). */
    static Map<String, String> index(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON (" + ErrorText.of(e) + ")", e);
        }
        JsonNode map = root == null ? null : root.get("weight_map");
        if (map == null || !map.isObject() || map.isEmpty()) {
            throw new IOException(file + ": no 'weight_map' object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> bad = new LinkedHashSet<>();
        map.fields().forEachRemaining(e -> {
            String shard = e.getValue().asText();
            if (!e.getValue().isTextual() || shard.isEmpty() || shard.contains("/") || shard.contains("\\") || shard.startsWith(".")) {
                bad.add(e.getValue().toString());
            }
            out.put(e.getKey(), shard);
        });
        if (!bad.isEmpty()) {
            throw new IOException(file + ": shard " + bad.iterator().next() + " is not a file name in the same folder");
        }
        return out;
    }
}
