package dev.st4j.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.hub.HubClient;
import dev.st4j.modules.ModuleType;
import dev.st4j.modules.Transformer;
import dev.st4j.tokenizer.TextTokenizer;
import dev.st4j.weights.WeightFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which files of a Hub repository a sentence-transformers model needs, for every layout: a plain
 * Hugging Face folder or the module folders {@code modules.json} names; per transformer folder its
 * config, tokenizer files and the one weight layout Python would read (shards through their index,
 * {@code .bin} only when there are no safetensors); per Dense folder its config and weights. READMEs,
 * ONNX and OpenVINO exports, other formats and training leftovers are not downloaded.
 */
public final class ModelFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFiles() {}

    /** The files to download from a repository that has {@code files}; see the class comment. */
    public static List<String> choose(Set<String> files, HubClient.FileReader reader) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<String[]> modules = new ArrayList<>();
        if (files.contains("modules.json")) {
            out.add("modules.json");
            JsonNode list = JSON.readTree(reader.read("modules.json").toFile());
            for (JsonNode m : list) {
                modules.add(new String[] {m.path("path").asText(""), m.path("type").asText("")});
            }
        } else {
            modules.add(new String[] {"", ModuleType.TRANSFORMER.pythonName()});
        }
        addIfPresent(out, files, "config_sentence_transformers.json");
        for (String[] m : modules) {
            String prefix = m[0].isEmpty() || m[0].equals(".") ? "" : m[0].replaceAll("/+$", "") + "/";
            Optional<ModuleType> type = ModuleType.fromPythonName(m[1]);
            addIfPresent(out, files, prefix + "config.json");
            if (type.isPresent() && type.get() == ModuleType.TRANSFORMER) {
                if (!files.contains(prefix + "config.json")) {
                    throw new IOException("the repository has no " + prefix + "config.json for its transformer");
                }
                Transformer.CONFIG_FILES.forEach(f -> addIfPresent(out, files, prefix + f));
                TextTokenizer.FILES.forEach(f -> addIfPresent(out, files, prefix + f));
                out.addAll(weights(files, prefix, reader));
            } else if (type.isPresent() && type.get() == ModuleType.DENSE) {
                out.addAll(weights(files, prefix, reader));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> weights(Set<String> files, String prefix, HubClient.FileReader reader) throws IOException {
        List<String> inFolder = files.stream().filter(f -> f.startsWith(prefix) && !f.substring(prefix.length()).contains("/"))
                .map(f -> f.substring(prefix.length())).toList();
        List<String> names = WeightFiles.needed(inFolder, name -> reader.read(prefix + name));
        if (names.isEmpty()) {
            throw new IOException("the repository has no weights in " + (prefix.isEmpty() ? "its root" : prefix)
                    + " (expected one of " + String.join(", ", WeightFiles.CANDIDATES) + ")");
        }
        return names.stream().map(n -> prefix + n).toList();
    }

    private static void addIfPresent(Set<String> out, Set<String> files, String file) {
        if (files.contains(file)) {
            out.add(file);
        }
    }
}
