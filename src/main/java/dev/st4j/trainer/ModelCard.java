package dev.st4j.trainer;

import dev.st4j.io.AtomicFiles;
import dev.st4j.params.ParamsIo;
import dev.st4j.params.SentenceTransformersParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The {@code README.md} written beside a trained model: what it was trained from, how, and how well it did. */
final class ModelCard {
    private ModelCard() {}

    static void write(Path project, SentenceTransformersParams params, TrainingPlan plan, TrainingResult result) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("---\nlibrary_name: sentence-transformers\npipeline_tag: sentence-similarity\nbase_model: ")
                .append(params.model()).append("\ntags:\n- sentence-transformers\n- st4j\n- ").append(plan.kind()).append("\n---\n\n");
        md.append("# ").append(project.getFileName()).append("\n\n");
        md.append("A sentence-transformers model fine-tuned from `").append(params.model()).append("` with st4j (")
                .append(plan.kind()).append(" trainer, ").append(plan.loss()).append(").\n\n");
        md.append("## Training\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| data | `").append(params.dataPath()).append("` (").append(plan.trainExamples()).append(" training examples")
                .append(plan.validationExamples() > 0 ? ", " + plan.validationExamples() + " for validation" : "").append(") |\n");
        md.append("| loss | ").append(plan.loss()).append(" |\n");
        md.append("| steps | ").append(result.steps()).append(" of ").append(plan.totalSteps()).append(" (batch ")
                .append(plan.batchSize()).append(", ").append(plan.epochs()).append(" epochs") .append(") |\n");
        md.append("| mean training loss | ").append(String.format("%.4f", result.meanLoss())).append(" |\n");
        md.append("| time | ").append(String.format("%.1f s (%.1f examples/s)", result.seconds(), result.examplesPerSecond())).append(" |\n");
        if (result.stoppedEarly()) {
            md.append("| stopped | early stopping |\n");
        }
        if (result.interrupted()) {
            md.append("| stopped | interrupted by the user |\n");
        }
        if (!result.bestMetrics().isEmpty()) {
            md.append("\n## Evaluation (best checkpoint, step ").append(result.bestStep()).append(")\n\n| metric | value |\n|---|---|\n");
            for (Map.Entry<String, Double> e : result.bestMetrics().entrySet()) {
                md.append("| ").append(e.getKey()).append(" | ").append(String.format("%.4f", e.getValue())).append(" |\n");
            }
        }
        md.append("\n## Parameters\n\n```json\n").append(ParamsIo.toJson(params.withoutToken())).append("\n```\n\n");
        md.append("## Usage\n\n```python\nfrom sentence_transformers import SentenceTransformer\nmodel = SentenceTransformer(\"")
                .append(project.getFileName()).append("\")\nembeddings = model.encode([\"A sentence\", \"Another one\"])\n```\n\n");
        md.append("```java\ntry (var model = dev.st4j.model.SentenceTransformer.load(java.nio.file.Path.of(\"")
                .append(project.getFileName()).append("\"))) {\n    float[][] embeddings = model.encode(java.util.List.of(\"A sentence\", \"Another one\"));\n}\n```\n");
        AtomicFiles.writeString(project.resolve("README.md"), md.toString());
    }
}
