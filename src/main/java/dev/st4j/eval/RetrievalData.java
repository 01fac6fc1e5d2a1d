package dev.st4j.eval;

import dev.st4j.data.TableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Queries, corpus and relevance judgements for retrieval evaluation: from BEIR-style files
 * ({@code corpus.csv} docid,text; {@code queries.csv} qid,text; {@code qrels.csv} qid,docid,score),
 * or built from a pair/qa split whose second column holds each query's answer.
 */
public record RetrievalData(Map<String, String> queries, Map<String, String> corpus, Map<String, Set<String>> relevant) {

    /** Reads BEIR-style files; a judgement counts when its score is above 0. */
    public static RetrievalData readBeir(Path corpusFile, Path queriesFile, Path qrelsFile) throws IOException {
        Map<String, String> corpus = readTexts(corpusFile, "docid");
        Map<String, String> queries = readTexts(queriesFile, "qid");
        Table qrels = TableReader.read(qrelsFile);
        require(qrels, qrelsFile, List.of("qid", "docid"));
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        boolean scored = qrels.columnNames().contains("score");
        for (int r = 0; r < qrels.rowCount(); r++) {
            String q = qrels.stringColumn("qid").get(r);
            String d = qrels.stringColumn("docid").get(r);
            double score = scored ? Double.parseDouble(qrels.stringColumn("score").get(r)) : 1;
            if (score > 0) {
                if (!corpus.containsKey(d)) {
                    throw new IOException(qrelsFile + ": row " + (r + 1) + " names docid '" + d + "', which " + corpusFile + " does not have");
                }
                relevant.computeIfAbsent(q, k -> new LinkedHashSet<>()).add(d);
            }
        }
        return new RetrievalData(queries, corpus, relevant);
    }

    /** Queries are the distinct first-column texts, the corpus the distinct second-column texts. */
    public static RetrievalData fromPairs(List<String> queryTexts, List<String> answerTexts) {
        Map<String, String> qid = new LinkedHashMap<>();
        Map<String, String> did = new LinkedHashMap<>();
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        for (int i = 0; i < queryTexts.size(); i++) {
            String q = qid.computeIfAbsent(queryTexts.get(i), t -> "q" + qid.size());
            String d = did.computeIfAbsent(answerTexts.get(i), t -> "d" + did.size());
            relevant.computeIfAbsent(q, k -> new LinkedHashSet<>()).add(d);
        }
        Map<String, String> queries = new LinkedHashMap<>();
        qid.forEach((text, id) -> queries.put(id, text));
        Map<String, String> corpus = new LinkedHashMap<>();
        did.forEach((text, id) -> corpus.put(id, text));
        return new RetrievalData(queries, corpus, relevant);
    }

    /** A BEIR-style corpus file (docid, text, optional title prepended): id → text, in file order. */
    public static Map<String, String> readCorpus(Path corpusFile) throws IOException {
        return readTexts(corpusFile, "docid");
    }

    private static Map<String, String> readTexts(Path file, String idColumn) throws IOException {
        Table t = TableReader.read(file);
        require(t, file, List.of(idColumn, "text"));
        boolean titled = t.columnNames().contains("title");
        Map<String, String> out = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String text = t.stringColumn("text").get(r);
            if (titled && !t.stringColumn("title").isMissing(r) && !t.stringColumn("title").get(r).isBlank()) {
                text = t.stringColumn("title").get(r) + " " + text;
            }
            String id = t.stringColumn(idColumn).get(r);
            if (out.putIfAbsent(id, text) != null) {
                throw new IOException(file + ": row " + (r + 1) + " repeats " + idColumn + " '" + id + "'; ids must be unique");
            }
        }
        return out;
    }

    private static void require(Table t, Path file, List<String> columns) throws IOException {
        for (String c : columns) {
            if (!t.columnNames().contains(c)) {
                throw new IOException(file + ": column '" + c + "' not found; the file has columns: " + String.join(", ", t.columnNames()));
            }
        }
    }

    /** Number of queries that count: those with a relevant document in the corpus. */
    public int judgedQueries() {
        return (int) queries.keySet().stream().filter(q -> !relevant.getOrDefault(q, Set.of()).isEmpty()).count();
    }
}
