package dev.st4j.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.data.ColumnNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code %st_data} shows of a dataset summary. */
class DatasetViewTest {
    @TempDir
    Path tmp;

    private Path bert() {
        return Path.of(System.getProperty("st4j.shared", "../../shared"), "fixtures/tiny-models/bert");
    }

    @Test
    void rendersTheSummaryTablesTheFirstRowsTheScoresAndTheTokenLengths() throws IOException {
        Files.writeString(tmp.resolve("train.csv"), String.join("\n", "sentence1,sentence2,score",
                "a cat,a dog,1.0", "one two three four five six,seven,2.5", "sun,moon,4.0", ""));
        DatasetView view = DatasetView.open(tmp, null, ColumnNames.DEFAULTS, 7, bert());
        List<Object> parts = view.render().parts();
        List<String> html = parts.stream().filter(Html.class::isInstance).map(p -> ((Html) p).html()).toList();
        assertTrue(html.get(0).contains("<code>pair_score</code>"), html.get(0));
        assertTrue(html.stream().anyMatch(h -> h.contains("duplicate rows") && h.contains("rows also in train")), "split summary");
        assertTrue(html.stream().anyMatch(h -> h.contains("first rows of train") && h.contains("one two three")), "preview");
        assertTrue(html.stream().anyMatch(h -> h.contains("over max_seq_length")), "length table");
        assertEquals(2, parts.stream().filter(Png.class::isInstance).count(), "score histogram and token-length histogram");
        assertEquals(3, view.summary().table("train").rowCount());
    }
}
