package dev.st4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real Python sentence-transformers on the other side of a test, through {@code src/test/python/st_side.py}
 * and the project's {@code .venv} (made by {@code bin/setup-system}). Missing Python is a failure, not a skip.
 */
public final class PythonSide {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonSide() {}

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("pom.xml")) && Files.isDirectory(here.resolve("kernel-ext")) ? here : here.getParent();
    }

    /** The venv's interpreter; fails with the command that makes it when it is missing. */
    public static Path python() {
        Path python = root().resolve(".venv/bin/python");
        if (!Files.isExecutable(python)) {
            throw new AssertionError(python + " is missing: run bin/setup-system (bin/test does) to make the Python side");
        }
        return python;
    }

    /** Encodes {@code texts} with each named model folder in Python: name → encode, encode_query, encode_document, … */
    public static JsonNode encode(Map<String, Path> models, List<String> texts, Path work) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.set("texts", JSON.valueToTree(texts));
        ObjectNode folders = request.putObject("models");
        models.forEach((name, dir) -> folders.put(name, dir.toAbsolutePath().toString()));
        Path in = work.resolve("python-request.json");
        Path out = work.resolve("python-result.json");
        Files.writeString(in, JSON.writeValueAsString(request));
        run("encode", in.toString(), out.toString());
        return JSON.readTree(out.toFile());
    }

    /** The model card's metadata as huggingface_hub parses it (fails on a card the Hub would not accept). */
    public static String card(Path model) throws IOException {
        return run("card", model.toAbsolutePath().toString());
    }

    /** A model fine-tuned and saved by Python sentence-transformers from the tiny BERT fixture. */
    public static void train(Path out, Path dataCsv) throws IOException {
        run(Map.of("ST4J_TINY_BERT", Shared.tinyModel("bert").toString()), "train", out.toAbsolutePath().toString(),
                dataCsv.toAbsolutePath().toString());
    }

    /** Runs the script and returns its standard output; a non-zero exit fails with the script's last lines. */
    public static String run(String... args) throws IOException {
        return run(Map.of(), args);
    }

    private static String run(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(python().toString(), root().resolve("src/test/python/st_side.py").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().putAll(env);
        pb.environment().put("HF_HUB_OFFLINE", "1");
        pb.environment().put("TOKENIZERS_PARALLELISM", "false");
        Path err = Files.createTempFile("st_side", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] stdout = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("st_side.py " + args[0] + " did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        if (p.exitValue() != 0) {
            List<String> lines = stderr.lines().toList();
            throw new AssertionError("st_side.py " + String.join(" ", args) + " failed:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        }
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
