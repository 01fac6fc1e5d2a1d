package dev.st4j.view;

import dev.st4j.index.IndexHit;
import dev.st4j.similarity.SearchHit;
import java.util.List;

/** Semantic-search hits as an HTML table: rank, score, document. */
public final class SearchResults {
    private SearchResults() {}

    /** The hits of {@code query} against {@code corpus}. */
    public static Html of(String query, List<SearchHit> hits, List<String> corpusIds, List<String> corpus) {
        return of(query, hits.stream().map(h -> new IndexHit(corpusIds.get(h.corpusId()), corpus.get(h.corpusId()), h.score())).toList());
    }

    /** The hits of {@code query} in a vector index. */
    public static Html of(String query, List<IndexHit> hits) {
        HtmlTable t = new HtmlTable("query: " + query, List.of("rank", "score", "id", "text"));
        int rank = 1;
        for (IndexHit h : hits) {
            String text = h.text() == null ? "" : h.text();
            t.row(rank++, (double) h.score(), h.id(), text.length() > 300 ? text.substring(0, 299) + "…" : text);
        }
        return t.toHtml();
    }
}
