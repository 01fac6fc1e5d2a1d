package dev.st4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.CliRun;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input of the catalogue ({@link BadInputs}) gets exit status 1, one line on stderr that contains what the
 * catalogue expects, and leaves nothing behind; {@code docs/reliability.md} lists the lines st4j actually prints
 * ({@code -Dst4j.updateDocs=true} rewrites its table).
 */
class BadInputCatalogueTest {
    private static final Map<Integer, String> PRINTED = new TreeMap<>();
    private static final Path DOC = Path.of("..", "docs", "reliability.md");
    private static final String START = "<!-- catalogue:start -->";
    private static final String END = "<!-- catalogue:end -->";

    @TempDir
    static Path tmp;

    private static Path savedModel;

    @BeforeAll
    static void saveTheTinyModelAsSentenceTransformers() throws IOException {
        savedModel = tmp.resolve("saved-bert");
        try (SentenceTransformer m = SentenceTransformer.load(Shared.tinyModel("bert"))) {
            m.save(savedModel);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputGetsOneLineAndLeavesNothingBehind() {
        List<BadInputs.Case> cases = BadInputs.all();
        return java.util.stream.IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(cases.get(i).toString(), () -> {
            BadInputs.Case c = cases.get(i);
            Path dir = Files.createDirectories(tmp.resolve("case-" + i));
            String[] args = c.setup().prepare(dir, savedModel);
            List<String> before = listing(dir);
            CliRun.Result result = CliRun.run(args);
            String line = result.stderr();
            PRINTED.put(i, c.group() + "\t" + c.what() + "\t" + line.replace(dir.toString(), "DIR").replace(Shared.root().toString(), "SHARED"));
            assertTrue(result.status() == 1 || result.status() == 2, "exit status 1 (bad input) or 2 (bad usage): " + result.status()
                    + "; stderr: " + line);
            assertEquals(1, line.lines().count(), "one line: " + line);
            assertTrue(line.contains(c.expected()), "expected '" + c.expected() + "' in: " + line);
            assertEquals(before, listing(dir), "nothing left behind");
        }));
    }

    /**
     * {@code docs/reliability.md} holds the catalogue as printed; after a message changes, regenerate it with
     * {@code mvn -pl src test -Dtest=BadInputCatalogueTest -Dst4j.updateDocs=true}.
     */
    @AfterAll
    static void catalogueInTheDocsIsWhatStj4Prints() throws IOException {
        if (PRINTED.size() != BadInputs.all().size()) {
            return; // a case failed before printing: its own failure says why
        }
        StringBuilder table = new StringBuilder("| # | input | what is wrong | st4j prints (exit status 1 or 2, nothing written) |\n"
                + "| --- | --- | --- | --- |\n");
        PRINTED.forEach((i, row) -> {
            String[] f = row.split("\t", 3);
            table.append("| ").append(i + 1).append(" | ").append(f[0]).append(" | ").append(f[1]).append(" | `")
                    .append(f[2].replace("|", "\\|").replace("`", "'")).append("` |\n");
        });
        String doc = Files.readString(DOC);
        int from = doc.indexOf(START);
        int to = doc.indexOf(END);
        assertTrue(from >= 0 && to > from, DOC + " lacks the catalogue markers");
        String generated = doc.substring(0, from + START.length()) + "\n" + table + doc.substring(to);
        if (Boolean.getBoolean("st4j.updateDocs") && !generated.equals(doc)) {
            Files.writeString(DOC, generated);
            doc = generated;
        }
        assertEquals(generated, doc, DOC + " is out of date; regenerate it with -Dst4j.updateDocs=true");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
