package dev.st4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** A tiny fixture's {@code reference.json}: inputs and the reference implementation's outputs. */
public record Reference(JsonNode json) {

    /** Reads the reference of fixture {@code arch}. */
    public static Reference of(String arch) throws IOException {
        Path file = Shared.tinyModel(arch).resolve("reference.json");
        return new Reference(new ObjectMapper().readTree(file.toFile()));
    }

    /** A 2-D integer field such as {@code input_ids}. */
    public long[][] longs(String field) {
        JsonNode n = json.get(field);
        long[][] out = new long[n.size()][];
        for (int i = 0; i < n.size(); i++) {
            out[i] = new long[n.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = n.get(i).get(j).asLong();
            }
        }
        return out;
    }

    /** {@code last_hidden_state}: [sequence][token][value]. */
    public float[][][] hiddenStates() {
        JsonNode n = json.get("last_hidden_state");
        float[][][] out = new float[n.size()][][];
        for (int b = 0; b < n.size(); b++) {
            out[b] = new float[n.get(b).size()][];
            for (int t = 0; t < out[b].length; t++) {
                out[b][t] = floats(n.get(b).get(t));
            }
        }
        return out;
    }

    /** {@code mean_pooled}: [sequence][value]. */
    public float[][] meanPooled() {
        JsonNode n = json.get("mean_pooled");
        float[][] out = new float[n.size()][];
        for (int b = 0; b < n.size(); b++) {
            out[b] = floats(n.get(b));
        }
        return out;
    }

    private static float[] floats(JsonNode n) {
        float[] out = new float[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) n.get(i).asDouble();
        }
        return out;
    }
}
