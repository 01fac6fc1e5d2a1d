package dev.st4j.encoder;

import dev.st4j.tensor.RawTensor;
import java.util.Arrays;
import java.util.Map;

/**
 * Checks that weights have the shapes {@code config.json} declares for the tensors that carry its sizes (the token
 * table: vocabulary × hidden; the first feed-forward matrix: intermediate size), as transformers refuses a checkpoint
 * whose shapes disagree with its config. Also catches a tokenizer-sized table smaller than the config says, before
 * an out-of-range token id can reach libtorch's embedding lookup.
 */
final class DeclaredShapes {
    private static final String[] TOKEN_TABLES = {"word_embeddings.weight", "shared.weight", "tok_embeddings.weight", "embed_tokens.weight"};
    private static final String[] QUERIES = {"attention.self.query.weight", "attention.q_lin.weight", "attention.attn.q.weight",
        "SelfAttention.q.weight", "self_attn.q_proj.weight"};
    private static final String[] FEED_FORWARD_IN = {"intermediate.dense.weight", "ffn.lin1.weight", "DenseReluDense.wi.weight",
        "DenseReluDense.wi_0.weight", "DenseReluDense.wi_1.weight", "mlp.gate_proj.weight", "mlp.up_proj.weight"};

    private static final java.util.Set<String> POSITIONS_AFTER_PADDING = java.util.Set.of("roberta", "xlm-roberta", "camembert", "mpnet");

    private DeclaredShapes() {}

    /** @throws IllegalArgumentException (one line, naming the tensor, its shape and the config key) on a mismatch */
    static void check(String source, EncoderConfig config, Map<String, RawTensor> weights) {
        for (RawTensor t : weights.values()) {
            String name = t.name();
            if (endsWithAny(name, TOKEN_TABLES)) {
                require(source, t, 0, config.vocabSize(), "vocab_size");
                require(source, t, 1, config.hiddenSize(), config.modelType().startsWith("t5") || config.modelType().equals("mt5")
                        ? "d_model" : config.modelType().equals("distilbert") ? "dim" : "hidden_size");
            } else if (endsWithAny(name, FEED_FORWARD_IN)) {
                require(source, t, 0, config.intermediateSize(), config.modelType().equals("distilbert") ? "hidden_dim"
                        : config.modelType().contains("t5") ? "d_ff" : "intermediate_size");
            } else if (name.endsWith("mlp.Wi.weight")) {
                require(source, t, 0, 2L * config.intermediateSize(), "2 × intermediate_size");
            } else if (endsWithAny(name, QUERIES)) {
                require(source, t, 0, (long) config.numHeads() * config.headSize(), "heads × head size");
            } else if (name.endsWith("attn.Wqkv.weight")) {
                require(source, t, 0, 3L * config.numHeads() * config.headSize(), "3 × heads × head size");
            } else if (name.endsWith("relative_attention_bias.weight")) {
                require(source, t, 0, config.relativeAttentionNumBuckets(), "relative_attention_num_buckets");
                require(source, t, 1, config.numHeads(), "number of attention heads");
            } else if (name.endsWith("embeddings.position_embeddings.weight") && POSITIONS_AFTER_PADDING.contains(config.modelType())
                    && (config.padTokenId() < 0 || config.padTokenId() + 2 > t.shape()[0])) {
                throw new IllegalArgumentException(source + ": config.json's pad_token_id " + config.padTokenId()
                        + " leaves no room in the position table of " + t.shape()[0] + " rows (positions start after it)");
            }
        }
    }

    private static void require(String source, RawTensor t, int dim, long expected, String key) {
        if (t.shape().length != 2 || t.shape()[dim] != expected) {
            throw new IllegalArgumentException(source + ": tensor '" + t.name() + "' has shape " + Arrays.toString(t.shape())
                    + ", but config.json's " + key + " is " + expected);
        }
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (String s : suffixes) {
            if (name.endsWith(s)) {
                return true;
            }
        }
        return false;
    }
}
