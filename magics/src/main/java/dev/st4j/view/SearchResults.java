package dev.st4j.view;

import dev.st4j.similarity.SearchHit;
import java.util.List;

/** Semantic-search hits as an HTML table: rank, score, document. */
public final class SearchResults {
    private SearchResults() {}

    /** The hits of {@code query} against {@code corpus}. */
    public static Html of(String query, List<SearchHit> hits, List<String> corpusIds, List<String> corpus) {
        HtmlTable t = new HtmlTable("query: " + query, List.of("rank", "score", "id", "text"));
        int rank = 1;
        for (SearchHit h : hits) {
            String text = corpus.get(h.corpusId());
            t.row(rank++, (double) h.score(), corpusIds.get(h.corpusId()), text.length() > 300 ? text.substring(0, 299) + "…" : text);
        }
        return t.toHtml();
    }
}
