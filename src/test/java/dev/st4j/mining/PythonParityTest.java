package dev.st4j.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.st4j.data.ColumnNames;
import dev.st4j.data.Dataset;
import dev.st4j.data.DatasetReader;
import dev.st4j.kind.TrainerKind;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.resolve.ModelResolver;
import dev.st4j.testing.PythonSide;
import dev.st4j.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * st4j against Python sentence-transformers 6 on the same saved all-MiniLM-L6-v2: the negatives
 * {@code mine_hard_negatives} picks (margin and max-score filters on), and {@code encode(truncate_dim=…)}.
 */
@Tag("python")
class PythonParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void minedNegativesAndTruncatedEmbeddingsAreThoseOfPython() throws Exception {
        Dataset nli = new DatasetReader(ColumnNames.DEFAULTS, false, null).read(Shared.data("nli-triplets/validation.csv"), TrainerKind.PAIR);
        List<String> anchors = new ArrayList<>();
        List<String> positives = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < nli.size() && anchors.size() < 60; i++) {
            if (seen.add(nli.column(0).get(i)) && !seen.contains(nli.column(1).get(i))) {
                anchors.add(nli.column(0).get(i));
                positives.add(nli.column(1).get(i));
            }
        }
        Path model = tmp.resolve("minilm");
        try (SentenceTransformer m = SentenceTransformer.load(new ModelResolver(System.getenv(), null, null)
                .resolve("sentence-transformers/all-MiniLM-L6-v2"))) {
            m.save(model);
        }
        Path pairs = tmp.resolve("pairs.csv");
        StringBuilder csv = new StringBuilder("anchor,positive\n");
        for (int i = 0; i < anchors.size(); i++) {
            csv.append(quoted(anchors.get(i))).append(',').append(quoted(positives.get(i))).append('\n');
        }
        Files.writeString(pairs, csv);
        Path options = tmp.resolve("options.json");
        Files.writeString(options, "{\"num_negatives\": 3, \"range_max\": 59, \"absolute_margin\": 0.1, \"max_score\": 0.45}");
        Path minedByPython = tmp.resolve("python-mined.json");
        PythonSide.run("mine", model.toString(), pairs.toString(), options.toString(), minedByPython.toString());
        JsonNode python = JSON.readTree(minedByPython.toFile());

        try (SentenceTransformer m = SentenceTransformer.load(model)) {
            List<MinedExample> mined = new HardNegativeMiner(m, new MiningOptions(3, anchors.size(), 0.45, 0.1, 16, 32))
                    .mine(anchors, positives, null);
            List<String> ours = new ArrayList<>();
            for (MinedExample e : mined) {
                if (e.negatives().size() == 3) {
                    ours.add(e.anchor() + " -> " + e.negatives());
                }
            }
            List<String> theirs = new ArrayList<>();
            for (JsonNode row : python) {
                theirs.add(row.get("anchor").asText() + " -> " + List.of(row.get("negative_1").asText(), row.get("negative_2").asText(),
                        row.get("negative_3").asText()));
            }
            List<MinedExample> unfiltered = new HardNegativeMiner(m, new MiningOptions(3, anchors.size(), null, null, 16, 32))
                    .mine(anchors, positives, null);
            long changed = java.util.stream.IntStream.range(0, mined.size())
                    .filter(i -> !mined.get(i).negatives().equals(unfiltered.get(i).negatives())).count();
            assertTrue(theirs.size() >= 10 && changed >= 5, "rows: " + theirs.size() + "; negatives the filters changed: " + changed);
            assertEquals(theirs, ours, "the same anchors keep three negatives, and they are the same negatives");

            List<String> texts = anchors.subList(0, 8);
            Path textsFile = tmp.resolve("texts.json");
            Files.writeString(textsFile, JSON.writeValueAsString(texts));
            Path truncated = tmp.resolve("python-truncated.json");
            PythonSide.run("truncate", model.toString(), "128", textsFile.toString(), truncated.toString());
            JsonNode py = JSON.readTree(truncated.toFile());
            m.setTruncateDim(128);
            float[][] java = m.encode(texts, EncodeOptions.DEFAULTS.withNormalizeEmbeddings(true));
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(128, java[i].length);
                for (int d = 0; d < 128; d++) {
                    assertEquals(py.get(i).get(d).asDouble(), java[i][d], 1e-5, "text " + i + " dim " + d);
                }
            }
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
