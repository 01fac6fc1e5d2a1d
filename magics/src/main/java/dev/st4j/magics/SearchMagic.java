package dev.st4j.magics;

import dev.st4j.data.TableReader;
import dev.st4j.index.VectorIndex;
import dev.st4j.model.EncodeOptions;
import dev.st4j.params.PromptFlags;
import dev.st4j.similarity.SearchHit;
import dev.st4j.similarity.SemanticSearch;
import dev.st4j.similarity.SimilarityFunction;
import dev.st4j.view.SearchResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/**
 * {@code %st_search --model M --corpus C --top-k K <query>}: semantic search hits as a table, by comparing the
 * query with every document; {@code %st_search --index DIR <query>}: the same from a vector index
 * ({@code st4j index build}), through its HNSW graph or, with {@code --exact}, over all its vectors.
 */
public final class SearchMagic implements Magic {
    @Command(name = "st_search")
    static final class Args {
        @Option(names = "--model", description = "Model folder, Hub id or notebook model variable (default with --index: the index's).")
        String model;

        @Option(names = "--corpus", description = "CSV/JSONL of documents: a text column, and an id column if any.")
        Path corpus;

        @Option(names = "--index", description = "Vector index folder (st4j index build) to search instead of a corpus file.")
        Path index;

        @Option(names = "--exact", description = "With --index: compare with every vector instead of walking the graph.")
        boolean exact;

        @Option(names = "--text-column", description = "Column with the documents (default: text, else the last column).")
        String textColumn;

        @Option(names = "--max-docs", description = "Search only the first N documents.")
        Integer maxDocs;

        @Option(names = "--top-k", defaultValue = "5")
        int topK;

        @Mixin
        PromptFlags queryPrompt;

        @Parameters(arity = "1..*", description = "The query.")
        List<String> query;
    }

    @Override
    public String name() {
        return "st_search";
    }

    @Override
    public String usage() {
        return "%st_search --model M --corpus C [--top-k 5] [--text-column text] [--max-docs N] [--prompt-name N | --prompt P] <query words>"
                + "  |  %st_search --index DIR [--exact] [--top-k 5] <query words>";
    }

    @Override
    public List<String> flags() {
        return MagicArgs.flags(new Args());
    }

    @Override
    public Object run(List<String> args, String body, NotebookSession session) throws Exception {
        Args a = MagicArgs.parse(name(), new Args(), args);
        if (a.topK <= 0) {
            throw new MagicException("%st_search: --top-k must be a positive integer, got " + a.topK);
        }
        String query = String.join(" ", a.query);
        if (a.index != null) {
            return searchIndex(a, query, session);
        }
        if (a.model == null || a.corpus == null) {
            throw new MagicException("%st_search: give --model and --corpus, or --index");
        }
        try (ModelArgument m = ModelArgument.resolve(a.model, session)) {
            Table t = TableReader.read(a.corpus);
            QuickMode quick = QuickMode.from(System.getenv());
            Integer maxDocs = quick.cap(a.maxDocs, QuickMode.DOCS);
            if (maxDocs != null && t.rowCount() > maxDocs) {
                t = t.first(maxDocs);
                if (quick.on() && !maxDocs.equals(a.maxDocs)) {
                    session.display().show(quick.notice("searching the first " + maxDocs + " documents"));
                }
            }
            String textColumn = a.textColumn != null ? a.textColumn
                    : t.columnNames().contains("text") ? "text" : t.columnNames().get(t.columnCount() - 1);
            if (!t.columnNames().contains(textColumn)) {
                throw new MagicException("%st_search: " + a.corpus + ": no column '" + textColumn + "' (columns: " + t.columnNames() + ")");
            }
            String idColumn = t.columnNames().stream().filter(c -> c.equals("_id") || c.equals("id") || c.equals("docid"))
                    .findFirst().orElse(null);
            List<String> docs = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                docs.add(t.stringColumn(textColumn).get(r));
                ids.add(idColumn == null ? String.valueOf(r) : t.stringColumn(idColumn).get(r));
            }
            float[][] corpus = m.model().encodeDocument(docs, EncodeOptions.DEFAULTS);
            float[][] q = m.model().encodeQuery(List.of(query), a.queryPrompt.apply(EncodeOptions.DEFAULTS));
            List<SearchHit> hits = SemanticSearch.search(q, corpus, a.topK, SimilarityFunction.of(m.model())).get(0);
            return SearchResults.of(query, hits, ids, docs);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw MagicArgs.failure(name(), e);
        }
    }

    private Object searchIndex(Args a, String query, NotebookSession session) throws Exception {
        if (a.corpus != null) {
            throw new MagicException("%st_search: --index and --corpus are alternatives; give one");
        }
        try (VectorIndex idx = VectorIndex.open(a.index);
                ModelArgument m = ModelArgument.resolve(a.model != null ? a.model : idx.manifest().model(), session)) {
            float[] q = m.model().encodeQuery(List.of(query), a.queryPrompt.apply(EncodeOptions.DEFAULTS))[0];
            return SearchResults.of(query, a.exact ? idx.exactSearch(q, a.topK) : idx.search(q, a.topK));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw MagicArgs.failure(name(), e);
        }
    }
}
