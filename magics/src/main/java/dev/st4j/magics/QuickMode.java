package dev.st4j.magics;

import dev.st4j.data.TableReader;
import dev.st4j.params.EvaluationParams;
import dev.st4j.params.SentenceTransformersParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The tutorials' quick mode: with {@code ST4J_QUICK=1} in the kernel's environment the magics shrink the data
 * (training and validation rows, evaluation rows, retrieval corpora, searched documents) so that CI runs every
 * tutorial in minutes with its cells unchanged. A shrunk cell says so in one line.
 */
final class QuickMode {
    /** The environment variable that turns quick mode on ({@code 1} or {@code true}). */
    static final String VARIABLE = "ST4J_QUICK";
    static final int TRAIN_ROWS = 64;
    static final int EVAL_ROWS = 100;
    static final int QUERIES = 10;
    static final int DOCS = 200;

    private final boolean on;

    private QuickMode(boolean on) {
        this.on = on;
    }

    /** Quick mode as {@code env} sets it. */
    static QuickMode from(Map<String, String> env) {
        String value = env.getOrDefault(VARIABLE, "");
        return new QuickMode(value.equals("1") || value.equalsIgnoreCase("true"));
    }

    boolean on() {
        return on;
    }

    /** The one line a shrunk cell shows. */
    String notice(String what) {
        return "quick mode (" + VARIABLE + "=1): " + what;
    }

    /** Training parameters with at most {@value #TRAIN_ROWS} rows per split, a log (and validation) every step, retrieval files shrunk. */
    SentenceTransformersParams training(SentenceTransformersParams p) throws IOException {
        if (!on) {
            return p;
        }
        SentenceTransformersParams.Builder b = p.toBuilder().maxSamples(cap(p.maxSamples(), TRAIN_ROWS))
                .loggingSteps(p.loggingSteps() > 1 ? 1 : p.loggingSteps());
        if (p.corpusPath() != null) {
            Path[] small = retrieval(Path.of(p.corpusPath()), Path.of(p.queriesPath()), Path.of(p.qrelsPath()));
            b.corpusPath(small[0].toString()).queriesPath(small[1].toString()).qrelsPath(small[2].toString());
        }
        return b.build();
    }

    /** Evaluation parameters at most {@value #EVAL_ROWS} rows, retrieval files shrunk. */
    EvaluationParams evaluation(EvaluationParams p) throws IOException {
        if (!on) {
            return p;
        }
        Path[] files = p.retrieval() ? retrieval(p.corpus(), p.queries(), p.qrels()) : new Path[] {null, null, null};
        return new EvaluationParams(p.model(), p.trainer(), p.dataPath(), p.split(), p.sentence1Column(), p.sentence2Column(),
                p.sentence3Column(), p.targetColumn(), cap(p.maxSamples(), EVAL_ROWS), p.skipInvalidRows(), p.batchSize(),
                p.maxSeqLength(), p.token(), files[0], files[1], files[2]);
    }

    /** {@code requested} documents or rows, at most {@code limit} in quick mode. */
    Integer cap(Integer requested, int limit) {
        return !on ? requested : requested == null ? Integer.valueOf(limit) : Integer.valueOf(Math.min(requested, limit));
    }

    /**
     * BEIR files cut down: the first {@value #QUERIES} queries, their judgements, and a corpus of the documents they
     * judge plus the first {@value #DOCS}, written to a temporary folder: corpus, queries, qrels.
     */
    static Path[] retrieval(Path corpus, Path queries, Path qrels) throws IOException {
        Table q = TableReader.read(queries);
        Table qr = TableReader.read(qrels);
        Table c = TableReader.read(corpus);
        Table keptQueries = q.first(Math.min(QUERIES, q.rowCount()));
        Set<String> qids = new LinkedHashSet<>();
        keptQueries.column(0).asList().forEach(v -> qids.add(String.valueOf(v)));
        Table keptQrels = qr.where(qr.column(0).asStringColumn().isIn(qids));
        Set<String> judged = new LinkedHashSet<>();
        keptQrels.column(1).asList().forEach(v -> judged.add(String.valueOf(v)));
        Table keptCorpus = c.where(c.column(0).asStringColumn().isIn(judged).or(c.column(0).asStringColumn().isIn(
                new LinkedHashSet<>(c.first(Math.min(DOCS, c.rowCount())).column(0).asStringColumn().asList()))));
        Path dir = Files.createTempDirectory("st4j-quick-");
        Path[] out = {dir.resolve("corpus.csv"), dir.resolve("queries.csv"), dir.resolve("qrels.csv")};
        keptCorpus.write().csv(out[0].toFile());
        keptQueries.write().csv(out[1].toFile());
        keptQrels.write().csv(out[2].toFile());
        return out;
    }
}
