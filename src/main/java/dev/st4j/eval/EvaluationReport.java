package dev.st4j.eval;

import dev.st4j.kind.TrainerKind;
import java.util.Map;

/** The metrics of one model on one evaluation set, with what was evaluated (shown by the CLI and the notebook). */
public record EvaluationReport(String model, TrainerKind trainer, String description, Map<String, Double> metrics) {}
