package dev.st4j.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/parameters.md} holds exactly the tables generated from the descriptors. After changing a
 * descriptor, regenerate with {@code mvn -pl src test -Dtest=ParamsTableTest -Dst4j.updateDocs=true}.
 */
class ParamsTableTest {
    private static final Path DOC = Path.of("..", "docs", "parameters.md");

    @Test
    void docsPageMatchesTheDescriptors() throws IOException {
        String text = Files.readString(DOC);
        int begin = text.indexOf(ParamsTable.BEGIN);
        int end = text.indexOf(ParamsTable.END);
        assertTrue(begin >= 0 && end > begin, DOC + " lacks the generated-section markers");
        String generated = "\n\n" + ParamsTable.markdown() + "\n";
        String current = text.substring(begin + ParamsTable.BEGIN.length(), end);
        if (Boolean.getBoolean("st4j.updateDocs") && !current.equals(generated)) {
            Files.writeString(DOC, text.substring(0, begin + ParamsTable.BEGIN.length()) + generated + text.substring(end));
            return;
        }
        assertEquals(generated, current, DOC + " is out of date; regenerate it with -Dst4j.updateDocs=true (see this test's comment)");
    }

    @Test
    void everyParameterIsDocumentedWithItsFlagAndDefault() {
        String md = ParamsTable.markdown();
        for (Param<?> p : Params.ALL) {
            assertTrue(md.contains("| `" + p.name() + "` | `" + p.flag() + "` | "), p.name());
        }
        assertTrue(md.contains("| `lr` | `--lr` | `3.0E-5` |"), md);
        assertTrue(md.contains("| `scheduler` | `--scheduler` | `linear` |"), md);
        assertTrue(md.contains("| `corpus_path` | `--corpus` | none |"), md);
    }
}
