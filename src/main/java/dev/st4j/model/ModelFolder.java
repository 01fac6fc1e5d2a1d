package dev.st4j.model;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.io.AtomicFiles;
import dev.st4j.io.ErrorText;
import dev.st4j.io.JsonFiles;
import dev.st4j.modules.Dense;
import dev.st4j.modules.ModuleType;
import dev.st4j.modules.Normalize;
import dev.st4j.modules.Pooling;
import dev.st4j.modules.PoolingMode;
import dev.st4j.modules.SentenceModule;
import dev.st4j.modules.Transformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentence-transformers on-disk format: {@code modules.json} naming the module folders, the
 * transformer at the root, {@code config_sentence_transformers.json}. A folder without
 * {@code modules.json} is a plain Hugging Face model and gets mean pooling (last-token pooling for a
 * causal language model), as in Python.
 */
public final class ModelFolder {
    /** The sentence-transformers release whose format st4j writes. */
    public static final String FORMAT_VERSION = "3.0.1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFolder() {}

    /** What a folder holds once read. */
    record Contents(Transformer transformer, List<SentenceModule> modules, ObjectNode stConfig) {}

    /** Reads the model in {@code dir}, tensors in {@code manager}. */
    static Contents read(Path dir, NDManager manager) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        Path modulesFile = dir.resolve("modules.json");
        ObjectNode stConfig = readStConfig(dir);
        if (!Files.exists(modulesFile)) {
            if (!Files.exists(dir.resolve("config.json"))) {
                throw new IOException(dir + ": not a model folder (no modules.json or config.json in it)");
            }
            Transformer t = Transformer.load(dir, manager);
            return new Contents(t, List.of(Pooling.of(t.dimension(), defaultPooling(t))), stConfig);
        }
        JsonNode modules = JsonFiles.read(modulesFile);
        if (modules == null || !modules.isArray() || modules.isEmpty()) {
            throw new IOException(modulesFile + ": expected a non-empty JSON array of modules");
        }
        Transformer transformer = null;
        List<SentenceModule> rest = new ArrayList<>();
        for (int n = 0; n < modules.size(); n++) {
            final int i = n;
            JsonNode m = modules.get(i);
            String typeName = m.path("type").asText("");
            ModuleType type = ModuleType.fromPythonName(typeName).orElseThrow(() -> new IOException(modulesFile
                    + ": module " + i + " has type '" + ErrorText.printable(typeName) + "'; st4j reads Transformer, Pooling, Dense and Normalize"));
            Path folder = dir.resolve(m.path("path").asText("")).normalize();
            if (!folder.startsWith(dir.normalize())) {
                throw new IOException(modulesFile + ": module " + i + " has path '" + ErrorText.printable(m.path("path").asText()) + "', which leaves the model folder");
            }
            if ((type == ModuleType.TRANSFORMER) != (i == 0)) {
                throw new IOException(modulesFile + ": the Transformer must be module 0 and only module 0");
            }
            switch (type) {
                case TRANSFORMER -> transformer = Transformer.load(folder, manager);
                case POOLING -> rest.add(Pooling.load(folder));
                case DENSE -> rest.add(Dense.load(folder, manager));
                case NORMALIZE -> rest.add(new Normalize());
            }
        }
        return new Contents(transformer, rest, stConfig);
    }

    /**
     * The pooling Python gives a plain Hugging Face folder: the last token for a causal language model
     * ({@code architectures[0]} ending in {@code ForCausalLM}, unless {@code is_causal} is false), else the mean.
     */
    private static PoolingMode defaultPooling(Transformer t) {
        JsonNode config = t.encoder().config().json();
        String architecture = config.path("architectures").path(0).asText("");
        boolean causal = architecture.endsWith("ForCausalLM") && config.path("is_causal").asBoolean(true);
        return causal ? PoolingMode.LAST_TOKEN : PoolingMode.MEAN;
    }

    private static ObjectNode readStConfig(Path dir) throws IOException {
        Path f = dir.resolve("config_sentence_transformers.json");
        if (Files.exists(f)) {
            JsonNode n = JsonFiles.read(f);
            if (n != null && n.isObject()) {
                return (ObjectNode) n;
            }
        }
        return JSON.createObjectNode();
    }

    /**
     * Writes the model to {@code dir}. Everything is first written into a temporary sibling folder; a new
     * folder is then renamed into place whole, while into an existing folder (a training project with
     * checkpoints and logs) each file, module folders' files included, is renamed over its old version, leaving the
     * folder's other contents alone. An interrupted or killed save never leaves a half-written or missing file; the
     * temporary folder a killed save left is removed by the next save.
     */
    static void write(Path dir, Transformer transformer, List<SentenceModule> modules, ObjectNode stConfig) throws IOException {
        Path target = dir.toAbsolutePath();
        Files.createDirectories(target.getParent());
        String prefix = "." + target.getFileName() + ".saving-";
        try (var siblings = Files.list(target.getParent())) {
            for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                AtomicFiles.deleteTree(stale);
            }
        }
        Path tmp = Files.createTempDirectory(target.getParent(), prefix);
        try {
            writeInto(tmp, transformer, modules, stConfig);
            if (!Files.exists(target)) {
                AtomicFiles.move(tmp, target);
                return;
            }
            try (var entries = Files.list(tmp)) {
                for (Path entry : entries.toList()) {
                    replace(entry, target.resolve(entry.getFileName().toString()));
                }
            }
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
    }

    private static void replace(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            AtomicFiles.move(from, to);
            return;
        }
        Files.createDirectories(to);
        try (var entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                replace(entry, to.resolve(entry.getFileName().toString()));
            }
        }
    }

    private static void writeInto(Path dir, Transformer transformer, List<SentenceModule> modules, ObjectNode stConfig)
            throws IOException {
        transformer.save(dir);
        ArrayNode list = JSON.createArrayNode();
        list.addObject().put("idx", 0).put("name", "0").put("path", "").put("type", ModuleType.TRANSFORMER.pythonName());
        for (int i = 0; i < modules.size(); i++) {
            SentenceModule m = modules.get(i);
            int idx = i + 1;
            String folder = m.type().folder(idx);
            Files.createDirectories(dir.resolve(folder));
            m.save(dir.resolve(folder));
            list.addObject().put("idx", idx).put("name", Integer.toString(idx)).put("path", folder).put("type", m.type().pythonName());
        }
        AtomicFiles.writeString(dir.resolve("modules.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
        ObjectNode cfg = stConfig.deepCopy();
        ObjectNode version = JSON.createObjectNode();
        version.put("sentence_transformers", FORMAT_VERSION);
        version.put("st4j", SentenceTransformer.VERSION);
        cfg.set("__version__", version);
        if (!cfg.has("prompts")) {
            cfg.putObject("prompts");
        }
        if (!cfg.has("default_prompt_name")) {
            cfg.putNull("default_prompt_name");
        }
        if (!cfg.has("similarity_fn_name")) {
            cfg.put("similarity_fn_name", "cosine");
        }
        AtomicFiles.writeString(dir.resolve("config_sentence_transformers.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cfg));
    }
}
