package dev.st4j.view;

import dev.st4j.eval.EvaluationReport;
import java.util.List;
import java.util.Map;

/** Evaluation metrics as an HTML table (metric, value), in the evaluator's order. */
public final class MetricsTable {
    private MetricsTable() {}

    /** A table of {@code metrics} under {@code caption}. */
    public static Html of(String caption, Map<String, Double> metrics) {
        HtmlTable t = new HtmlTable(caption, List.of("metric", "value"));
        metrics.forEach((k, v) -> t.row(k, v));
        return t.toHtml();
    }

    /** A report's metrics, captioned with the model and what was evaluated. */
    public static Html of(EvaluationReport report) {
        return of(report.model() + " — " + report.trainer().cliName() + " — " + report.description(), report.metrics());
    }
}
