package dev.st4j.magics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.eval.EvaluationReport;
import dev.st4j.eval.RetrievalData;
import dev.st4j.index.VectorIndexBuilder;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.view.Html;
import dev.st4j.view.Outputs;
import dev.st4j.view.Png;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookMagicsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path tmp;

    @Test
    void heatmapIsAPngOfTheBodySentences() throws Exception {
        Object out = new HeatmapMagic().run(List.of("--model", SharedFiles.tinyModel("bert").toString()),
                "A man is eating.\n\nA man eats food.\nThe sky is blue.\n", new RecordingSession());
        Png png = assertInstanceOf(Png.class, out);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png.bytes(), 4));
        assertTrue(png.caption().contains("3 sentences"), png.caption());
        MagicException e = assertThrows(MagicException.class, () -> new HeatmapMagic().run(
                List.of("--model", SharedFiles.tinyModel("bert").toString()), "only one", new RecordingSession()));
        assertTrue(e.getMessage().contains("at least 2 sentences"), e.getMessage());
    }

    @Test
    void searchRanksTheIdenticalDocumentFirst() throws Exception {
        Path corpus = tmp.resolve("corpus.csv");
        Files.writeString(corpus, "id,text\nd1,A cat sits on the mat.\nd2,Stocks fell sharply today.\nd3,The weather is sunny.\n");
        Html html = assertInstanceOf(Html.class, new SearchMagic().run(List.of("--model", SharedFiles.tinyModel("bert").toString(),
                "--corpus", corpus.toString(), "--top-k", "2", "Stocks", "fell", "sharply", "today."), null, new RecordingSession()));
        String firstRow = html.html().split("<tbody><tr>")[1];
        assertTrue(firstRow.startsWith("<td>1</td><td>1.0000</td><td>d2</td>"), firstRow);
        assertEquals(2, html.html().split("<tr>").length - 2, "two hits plus the header row");
    }

    @Test
    void searchReadsAVectorIndexThroughItsGraphAndExactly() throws Exception {
        Path corpus = tmp.resolve("index-corpus.csv");
        Files.writeString(corpus, "docid,text\nd1,A cat sits on the mat.\nd2,Stocks fell sharply today.\nd3,The weather is sunny.\n");
        Path index = tmp.resolve("index");
        try (SentenceTransformer model = SentenceTransformer.load(SharedFiles.tinyModel("bert"))) {
            new VectorIndexBuilder(model, SharedFiles.tinyModel("bert").toString(), EncodeOptions.DEFAULTS)
                    .build(RetrievalData.readCorpus(corpus), index);
        }
        for (List<String> flags : List.of(List.of("--index", index.toString()), List.of("--index", index.toString(), "--exact"))) {
            List<String> args = new java.util.ArrayList<>(flags);
            args.addAll(List.of("--top-k", "2", "Stocks", "fell", "sharply", "today."));
            Html html = assertInstanceOf(Html.class, new SearchMagic().run(args, null, new RecordingSession()));
            String firstRow = html.html().split("<tbody><tr>")[1];
            assertTrue(firstRow.startsWith("<td>1</td><td>1.0000</td><td>d2</td><td>Stocks fell sharply today.</td>"), flags + ": " + firstRow);
            assertEquals(2, html.html().split("<tr>").length - 2, "two hits plus the header row");
        }
        MagicException e = assertThrows(MagicException.class, () -> new SearchMagic().run(List.of("--index", tmp.resolve("none").toString(),
                "query"), null, new RecordingSession()));
        assertTrue(e.getMessage().startsWith("%st_search"), e.getMessage());
        assertTrue(e.getMessage().contains("is not an st4j index"), e.getMessage());
    }

    @Test
    void evalUsesABoundModelVariable() throws Exception {
        RecordingSession s = new RecordingSession();
        try (SentenceTransformer model = SentenceTransformer.load(SharedFiles.tinyModel("bert"))) {
            s.bind("m", model);
            EvaluationReport r = assertInstanceOf(EvaluationReport.class, new EvalMagic().run(List.of("--model", "m", "--trainer",
                    "pair_score", "--data-path", SharedFiles.data("stsb").toString(), "--max-samples", "40"), null, s));
            assertTrue(r.metrics().get("spearman_cosine") > -1 && r.metrics().get("spearman_cosine") < 1);
            assertTrue(r.description().startsWith("40 rows of"), r.description());
        }
        MagicException e = assertThrows(MagicException.class, () -> new EvalMagic().run(List.of("--trainer", "qa"), null, s));
        assertTrue(e.getMessage().startsWith("%st_eval: "), e.getMessage());
    }

    @Test
    void dataViewRendersTablesAndCharts() throws Exception {
        Outputs out = assertInstanceOf(Outputs.class, new DataMagic().run(List.of(SharedFiles.data("mrpc").toString(), "--model",
                SharedFiles.tinyModel("bert").toString()), null, new RecordingSession()));
        String html = out.parts().stream().filter(Html.class::isInstance).map(Object::toString).reduce("", String::concat);
        assertTrue(html.contains("pair_class"), "the trainer is inferred from the columns");
        assertTrue(html.contains("<td>train</td><td>3668</td>"), "train row count");
        assertTrue(html.contains("<td>validation</td><td>408</td>"), "validation row count");
        assertEquals(2, out.parts().stream().filter(Png.class::isInstance).count(), "label balance and token lengths");
        MagicException e = assertThrows(MagicException.class, () -> new DataMagic().run(List.of(tmp.resolve("x").toString()), null,
                new RecordingSession()));
        assertTrue(e.getMessage().contains("no such file or folder"), e.getMessage());
    }

    @Test
    void mineShowsWritesAndBindsTheMinedTriplets() throws Exception {
        Path pairs = tmp.resolve("pairs.csv");
        java.nio.file.Files.writeString(pairs, "anchor,positive\na man plays a guitar,someone plays an instrument\n"
                + "a woman slices an onion,someone cuts a vegetable\nthe market fell,stocks dropped sharply\n");
        RecordingSession s = new RecordingSession();
        Path out = tmp.resolve("mined.csv");
        Outputs shown = assertInstanceOf(Outputs.class, new MineMagic().run(List.of("--model", SharedFiles.tinyModel("bert").toString(),
                "--data-path", pairs.toString(), "--output", out.toString(), "--as", "mined"), null, s));
        assertTrue(shown.toString().contains("3 mined rows (triplet)"), shown.toString());
        tech.tablesaw.api.Table bound = assertInstanceOf(tech.tablesaw.api.Table.class, s.variables.get("mined"));
        assertEquals(3, bound.rowCount());
        assertEquals(4, java.nio.file.Files.readAllLines(out).size(), "header and three rows written");
        MagicException e = assertThrows(MagicException.class, () -> new MineMagic().run(List.of("--model",
                SharedFiles.tinyModel("bert").toString(), "--data-path", pairs.toString(), "--format", "pairs"), null, s));
        assertTrue(e.getMessage().startsWith("%st_mine: --format"), e.getMessage());
    }

    @Test
    void helpListsEveryMagic() {
        String html = new HelpMagic().run(List.of(), null, new RecordingSession()).toString();
        for (Magic m : Magics.all()) {
            assertTrue(html.contains(m.name()), m.name());
        }
        assertTrue(html.contains("%%st_heatmap"));
    }
}
