package dev.st4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.eval.EvaluationReport;
import dev.st4j.params.EvaluationFlags;
import dev.st4j.task.Evaluation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code st4j evaluate}: a model's metrics on one split, as one JSON object on the last line. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on a split of a dataset; prints the metrics as one JSON object on the last line.")
final class EvaluateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    EvaluationFlags flags;

    @Override
    public Integer call() throws Exception {
        EvaluationReport report = Evaluation.run(flags.toParams());
        System.err.println("evaluate: " + report.description());
        ObjectNode out = JSON.createObjectNode();
        report.metrics().forEach(out::put);
        System.out.println(JSON.writeValueAsString(out));
        return 0;
    }
}
