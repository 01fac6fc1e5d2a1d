package dev.st4j.cli;

import dev.st4j.index.IndexHit;
import dev.st4j.index.VectorIndex;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.resolve.ModelResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code st4j search}: the nearest documents of an index to each query, one tab-separated line per hit. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Search a vector index (st4j index build) with text queries; prints query, rank, score, id and text per hit.")
final class SearchCommand implements Callable<Integer> {
    @Option(names = "--index", required = true, description = "Index folder.")
    Path index;

    @Option(names = "--top-k", defaultValue = "10", description = "Hits per query (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--exact", description = "Compare with every document instead of walking the HNSW graph.")
    boolean exact;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Query texts.")
    List<String> queries;

    @Override
    public Integer call() throws IOException {
        if (topK <= 0) {
            throw new IllegalArgumentException("--top-k must be a positive integer, got " + topK);
        }
        try (VectorIndex idx = VectorIndex.open(index); SentenceTransformer model = ModelResolver.load(idx.manifest().model())) {
            float[][] vectors = model.encodeQuery(queries, EncodeOptions.DEFAULTS);
            for (int q = 0; q < queries.size(); q++) {
                List<IndexHit> hits = exact ? idx.exactSearch(vectors[q], topK) : idx.search(vectors[q], topK);
                for (int r = 0; r < hits.size(); r++) {
                    IndexHit h = hits.get(r);
                    System.out.println(String.join("\t", queries.get(q), Integer.toString(r + 1),
                            String.format(Locale.ROOT, "%.4f", h.score()), h.id(), h.text() == null ? "" : oneLine(h.text())));
                }
            }
        }
        return 0;
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
