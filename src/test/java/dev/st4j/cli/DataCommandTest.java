package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.params.ParamsTable;
import dev.st4j.testing.Shared;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code st4j data} prints the dataset report of {@code %st_data}; {@code st4j params} the parameter tables. */
class DataCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsSplitsColumnsAndTokenLengths() throws Exception {
        Files.writeString(dir.resolve("train.csv"), "sentence1,sentence2,score\na cat,a dog,1.0\na cat,a dog,1.0\nsun,moon,4.0\n");
        Files.writeString(dir.resolve("validation.csv"), "sentence1,sentence2,score\nsun,moon,4.0\n");
        String out = stdout("data", dir.toString(), "--model", Shared.tinyModel("bert").toString(), "--max-seq-length", "3");
        assertTrue(out.contains("read for the pair_score trainer"), out);
        assertTrue(out.contains("duplicate rows") && out.contains("rows also in train"), out);
        assertTrue(out.contains("columns of train") && out.contains("columns of validation"), out);
        assertTrue(out.contains("over max_seq_length"), out);
        String noLengths = stdout("data", dir.resolve("train.csv").toString(), "--no-lengths");
        assertTrue(!noLengths.contains("over max_seq_length") && noLengths.contains("columns of train"), noLengths);
        CliErrors.assertOneLine("cannot tell the trainer from columns", "data", write("x.csv", "foo,bar\na,b\n").toString(), "--no-lengths");
    }

    @Test
    void paramsPrintsTheGeneratedTables() throws Exception {
        assertEquals(ParamsTable.markdown(), stdout("params"));
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static String stdout(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, St4jCli.run(args));
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
