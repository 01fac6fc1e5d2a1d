package dev.st4j.encoder;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import dev.st4j.tensor.RawTensor;
import dev.st4j.weights.WeightFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Builds the encoder a Hugging Face model folder describes ({@code config.json} + its weights, in any format {@link WeightFiles} reads). */
public final class Encoders {
    private Encoders() {}

    /** Loads the encoder of {@code dir} with its weights in {@code manager}. */
    public static Encoder load(Path dir, NDManager manager) throws IOException {
        EncoderConfig config = EncoderConfig.read(dir.resolve("config.json"));
        Map<String, RawTensor> weights = WeightFiles.read(dir);
        String source = WeightFiles.find(dir).map(Path::toString).orElse(dir.toString());
        DeclaredShapes.check(source, config, weights);
        return switch (config.modelType()) {
            case "bert", "roberta", "xlm-roberta", "camembert" -> new BertEncoder(config,
                    EncoderWeights.load(source, weights, manager, "embeddings.word_embeddings.weight", Set.of("lm_head", "cls.", "classifier", "qa_outputs")));
            case "distilbert" -> new DistilBertEncoder(config,
                    EncoderWeights.load(source, weights, manager, "embeddings.word_embeddings.weight", Set.of("vocab_", "classifier", "pre_classifier", "qa_outputs")));
            case "mpnet" -> new MpnetEncoder(config,
                    EncoderWeights.load(source, weights, manager, "embeddings.word_embeddings.weight", Set.of("lm_head", "classifier")));
            case "t5", "mt5" -> new T5Encoder(config,
                    EncoderWeights.load(source, weights, manager, "encoder.final_layer_norm.weight", Set.of("decoder.", "lm_head")));
            case "modernbert" -> new ModernBertEncoder(config,
                    EncoderWeights.load(source, weights, manager, "embeddings.tok_embeddings.weight", Set.of("head.", "decoder", "classifier")));
            case "qwen3" -> new Qwen3Encoder(config,
                    EncoderWeights.load(source, weights, manager, "embed_tokens.weight", Set.of("lm_head", "score")));
            default -> throw new IllegalStateException("unreachable: " + config.modelType());
        };
    }
}
