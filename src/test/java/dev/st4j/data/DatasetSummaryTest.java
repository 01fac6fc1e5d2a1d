package dev.st4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.kind.TrainerKind;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The statistics of a dataset before training, on small hand-made splits. */
class DatasetSummaryTest {
    @TempDir
    Path tmp;

    private Path bert() {
        return Shared.tinyModel("bert");
    }

    @Test
    void countsDuplicatesLeakageMissingValuesAndTruncation() throws IOException {
        Files.writeString(tmp.resolve("train.csv"), String.join("\n", "sentence1,sentence2,score",
                "a cat,a dog,1.0", "a cat,a dog,1.0", "one two three four five six,seven,2.5", "x,,3.0", "sun,moon,4.0", ""));
        Files.writeString(tmp.resolve("validation.csv"), String.join("\n", "sentence1,sentence2,score", "sun,moon,4.0", "new,row,0.5", ""));
        DatasetSummary view = DatasetSummary.open(tmp, null, ColumnNames.DEFAULTS, 7, bert());
        assertEquals(TrainerKind.PAIR_SCORE, view.trainer());
        Table splits = view.splitSummary();
        assertEquals(5, splits.intColumn("rows").get(0));
        assertEquals(4, splits.intColumn("valid examples").get(0));
        assertEquals(1, splits.intColumn("invalid rows").get(0));
        assertEquals(1, splits.intColumn("duplicate rows").get(0));
        assertEquals(1, splits.intColumn("rows also in train").get(1));
        Table columns = view.columnSummary("train");
        assertEquals("number", columns.stringColumn("type").get(2));
        assertEquals("target", columns.stringColumn("role").get(2));
        assertEquals(1, columns.intColumn("missing").get(1) + columns.intColumn("empty").get(1));
        Table lengths = view.lengthSummary();
        assertEquals(8, lengths.intColumn("max tokens").get(0), "six words + [CLS] and [SEP]");
        assertEquals(1, lengths.intColumn("over max_seq_length").get(0));
        assertEquals(5, view.table("train").rowCount());
    }

    @Test
    void unknownColumnsAskForTheTrainer() throws IOException {
        Files.writeString(tmp.resolve("data.csv"), "foo,bar\na,b\n");
        IOException e = assertThrows(IOException.class, () -> DatasetSummary.open(tmp.resolve("data.csv"), null, ColumnNames.DEFAULTS, 128, null));
        assertTrue(e.getMessage().contains("--trainer"), e.getMessage());
    }
}
