package dev.st4j.data;

import dev.st4j.kind.TrainerKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing columns, checking rows and converting targets, for CSV, JSONL and JSON. */
class DatasetReaderTest {
    @TempDir
    Path dir;

    private static DatasetReader reader() {
        return new DatasetReader(ColumnNames.DEFAULTS, false, null);
    }

    @Test
    void readsTheSharedStsbValidationSplit() throws Exception {
        Dataset d = reader().read(DataFiles.resolve(Shared.data("stsb"), "validation"), TrainerKind.PAIR_SCORE);
        assertEquals(1500, d.size());
        assertEquals(List.of("sentence1", "sentence2", "score"), d.columnNames());
        assertEquals("A man with a hard hat is dancing.", d.column(0).get(0));
        assertEquals(5.0, d.targets()[0]);
    }

    @Test
    void aByteOrderMarkCrlfLineEndsAndScoresOutsideZeroToOneAreAccepted() throws Exception {
        Path file = dir.resolve("excel.csv");
        Files.write(file, ("\uFEFFsentence1,sentence2,score\r\nA cat sits.,A cat is sitting.,4.5\r\n\"A dog, running.\",A man cooks.,-1\r\nNA,null,0\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Dataset d = reader().read(file, TrainerKind.PAIR_SCORE);
        assertEquals(List.of("sentence1", "sentence2", "score"), d.columnNames(), "the BOM is not part of the first name");
        assertEquals(List.of("A cat sits.", "A dog, running.", "NA"), d.column(0), "no \\r left on the texts; NA is a text");
        assertEquals(List.of("A cat is sitting.", "A man cooks.", "null"), d.column(1));
        assertArrayEquals(new double[] {4.5, -1, 0}, d.targets(), "CoSENT ranks scores; any finite range is fine");
    }

    @Test
    void quotedCsvFieldsKeepCommasAndQuotes() throws Exception {
        Dataset d = reader().read(Shared.data("mrpc/train.csv"), TrainerKind.PAIR_CLASS);
        assertEquals("Amrozi accused his brother, whom he called \"the witness\", of deliberately distorting his evidence.",
                d.column(0).get(0));
        assertEquals(List.of("0", "1"), d.labels());
        assertEquals(1.0, d.targets()[0]);
    }

    @Test
    void bothColumnConventionsWork() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "anchor,positive,negative\nq,p,n\n");
        Dataset triplet = reader().read(dir.resolve("a.csv"), TrainerKind.TRIPLET);
        assertEquals(List.of("anchor", "positive", "negative"), triplet.columnNames());
        Files.writeString(dir.resolve("b.csv"), "sentence1,sentence2,sentence3,target\nq,p,n,1\n");
        assertEquals(List.of("sentence1", "sentence2", "sentence3"), reader().read(dir.resolve("b.csv"), TrainerKind.TRIPLET).columnNames());
        Dataset custom = new DatasetReader(new ColumnNames("x", "y", null, "z"), false, null)
                .read(write("c.csv", "x,y,z\nq,p,0.5\n"), TrainerKind.PAIR_SCORE);
        assertArrayEquals(new double[] {0.5}, custom.targets());
    }

    @Test
    void missingColumnListsTheColumnsTheFileHas() throws IOException {
        Path f = write("d.csv", "left,right,score\na,b,1\n");
        IOException e = assertThrows(IOException.class,
                () -> new DatasetReader(new ColumnNames("premise", null, null, null), false, null).read(f, TrainerKind.PAIR_SCORE));
        assertTrue(e.getMessage().contains("'premise' (--sentence1-column) not found; the file has columns: left, right, score"), e.getMessage());
        IOException e2 = assertThrows(IOException.class, () -> reader().read(f, TrainerKind.PAIR_SCORE));
        assertTrue(e2.getMessage().contains("--sentence1-column") && e2.getMessage().contains("left, right, score"), e2.getMessage());
    }

    @Test
    void invalidRowsAreReportedByNumberOrSkippedOnRequest() throws IOException {
        Path f = write("e.csv", "sentence1,sentence2,score\na,b,1\n,b,2\nc,d,high\ne,f,\ng,h,3\n");
        IOException e = assertThrows(IOException.class, () -> reader().read(f, TrainerKind.PAIR_SCORE));
        String m = e.getMessage();
        assertTrue(m.contains("3 invalid row(s)") && m.contains("empty 'sentence1' in row 2")
                && m.contains("non-numeric 'score' in row 3") && m.contains("missing 'score' in row 4")
                && m.contains("--skip-invalid-rows"), m);
        assertEquals(1, m.lines().count());
        Dataset d = new DatasetReader(ColumnNames.DEFAULTS, true, null).read(f, TrainerKind.PAIR_SCORE);
        assertEquals(2, d.size());
        assertEquals(3, d.skipped());
        assertArrayEquals(new double[] {1, 3}, d.targets());
    }

    @Test
    void maxSamplesKeepsTheFirstRows() throws Exception {
        Dataset d = new DatasetReader(ColumnNames.DEFAULTS, false, 10).read(Shared.data("stsb/train.csv"), TrainerKind.PAIR_SCORE);
        assertEquals(10, d.size());
        assertEquals("A plane is taking off.", d.column(0).get(0));
    }

    @Test
    void stringLabelsMapToSortedIds() throws Exception {
        Dataset d = reader().read(write("f.jsonl", "{\"premise\":\"a\",\"hypothesis\":\"b\",\"label\":\"yes\"}\n"
                + "{\"premise\":\"c\",\"hypothesis\":\"d\",\"label\":\"no\"}\n"), TrainerKind.PAIR_CLASS);
        assertEquals(List.of("no", "yes"), d.labels());
        assertArrayEquals(new double[] {1, 0}, d.targets());
    }

    @Test
    void jsonArrayFilesWork() throws Exception {
        Dataset d = reader().read(write("g.json", "[{\"query\":\"q1\",\"answer\":\"a1\"},{\"query\":\"q2\",\"answer\":\"a2\"}]"), TrainerKind.QA);
        assertEquals(List.of("q1", "q2"), d.column(0));
    }

    @Test
    void splitFilesAreFoundByName() throws IOException {
        Files.writeString(dir.resolve("train.jsonl"), "{}\n");
        assertEquals(dir.resolve("train.jsonl"), DataFiles.resolve(dir, "train"));
        IOException e = assertThrows(IOException.class, () -> DataFiles.resolve(dir, "validation"));
        assertTrue(e.getMessage().contains("validation.csv"), e.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }
}
