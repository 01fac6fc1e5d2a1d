package dev.st4j.modules;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.encoder.Encoder;
import dev.st4j.encoder.EncoderInput;
import dev.st4j.encoder.Encoders;
import dev.st4j.io.AtomicFiles;
import dev.st4j.io.JsonFiles;
import dev.st4j.safetensors.SafetensorsWriter;
import dev.st4j.tokenizer.TextTokenizer;
import dev.st4j.tokenizer.TokenBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first module of every sentence-transformers model: a tokenizer and a transformer encoder, with
 * the maximum sequence length texts are truncated to.
 */
public final class Transformer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The names the module's own config has had, newest first. */
    public static final List<String> CONFIG_FILES = List.of("sentence_bert_config.json", "sentence_roberta_config.json",
            "sentence_distilbert_config.json", "sentence_camembert_config.json", "sentence_albert_config.json",
            "sentence_xlm-roberta_config.json", "sentence_xlnet_config.json");

    private final Encoder encoder;
    private final Map<String, byte[]> tokenizerFiles;
    private final boolean doLowerCase;
    private TextTokenizer tokenizer;

    private Transformer(Encoder encoder, TextTokenizer tokenizer, Map<String, byte[]> tokenizerFiles, boolean doLowerCase) {
        this.encoder = encoder;
        this.tokenizer = tokenizer;
        this.tokenizerFiles = tokenizerFiles;
        this.doLowerCase = doLowerCase;
    }

    /** Loads the Hugging Face model folder {@code dir} (config, weights, tokenizer, optional {@code sentence_bert_config.json}). */
    public static Transformer load(Path dir, NDManager manager) throws IOException {
        Encoder encoder = Encoders.load(dir, manager);
        JsonNode st = readConfig(dir);
        JsonNode kwargs = st.has("processor_kwargs") ? st.get("processor_kwargs") : st.path("tokenizer_args");
        int maxSeqLength = kwargs.hasNonNull("model_max_length") ? kwargs.get("model_max_length").asInt()
                : st.hasNonNull("max_seq_length") ? st.get("max_seq_length").asInt() : defaultMaxSeqLength(dir, encoder);
        maxSeqLength = Math.min(maxSeqLength, positionLimit(encoder));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : TextTokenizer.FILES) {
            Path f = dir.resolve(name);
            if (Files.exists(f)) {
                files.put(name, Files.readAllBytes(f));
            }
        }
        TextTokenizer tokenizer = TextTokenizer.load(dir, maxSeqLength, encoder.config().padTokenId());
        return new Transformer(encoder, tokenizer, files, st.path("do_lower_case").asBoolean(false));
    }

    /**
     * The module's own config: {@code sentence_bert_config.json} or one of its older per-architecture
     * names. Before sentence-transformers 5.4 it held {@code max_seq_length} and {@code do_lower_case};
     * later releases keep the length in {@code tokenizer_config.json} and the lowercasing in
     * {@code tokenizer.json}, and may pass {@code processor_kwargs} (formerly {@code tokenizer_args}).
     */
    private static JsonNode readConfig(Path dir) throws IOException {
        for (String name : CONFIG_FILES) {
            Path f = dir.resolve(name);
            if (Files.exists(f)) {
                JsonNode n = JsonFiles.read(f);
                if (n != null && n.isObject() && !n.isEmpty()) {
                    return n;
                }
            }
        }
        return JSON.createObjectNode();
    }

    private static int defaultMaxSeqLength(Path dir, Encoder encoder) throws IOException {
        long limit = positionLimit(encoder);
        Path tc = dir.resolve("tokenizer_config.json");
        if (Files.exists(tc)) {
            JsonNode cfg = JsonFiles.read(tc);
            if (cfg.hasNonNull("model_max_length") && cfg.get("model_max_length").isNumber()) {
                double m = cfg.get("model_max_length").asDouble();
                if (m > 0 && m < limit) {
                    limit = (long) m;
                }
            }
        }
        return limit == Integer.MAX_VALUE ? 512 : (int) limit;
    }

    /** The most tokens the encoder's position table allows (unbounded for relative positions, as in T5). */
    private static int positionLimit(Encoder encoder) {
        int positions = encoder.config().maxPositionEmbeddings();
        if (positions <= 0) {
            return Integer.MAX_VALUE;
        }
        String type = encoder.config().modelType();
        boolean offset = List.of("roberta", "xlm-roberta", "camembert", "mpnet").contains(type);
        return offset ? positions - encoder.config().padTokenId() - 1 : positions;
    }

    /** The most tokens this model's position table allows ({@link Integer#MAX_VALUE} for relative positions). */
    public int positionLimit() {
        return positionLimit(encoder);
    }

    /** Tokenizes texts to a padded batch (lowercased first when the module's config says {@code do_lower_case}). */
    public TokenBatch tokenize(List<String> texts) {
        TokenBatch batch = tokenizer.tokenize(doLowerCase ? texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList() : texts);
        requireKnownIds(batch);
        return batch;
    }

    /** Refuses a token id beyond the model's token table here, before libtorch's lookup reads past it. */
    private void requireKnownIds(TokenBatch batch) {
        long rows = encoder.config().vocabSize();
        for (long[] row : batch.inputIds()) {
            for (long id : row) {
                if (id < 0 || id >= rows) {
                    throw new IllegalArgumentException("the tokenizer gave token id " + id + ", but the model's token table has "
                            + rows + " rows (tokenizer and config.json's vocab_size disagree)");
                }
            }
        }
    }

    /** How many tokens {@code prompt} adds before a text (see {@link TextTokenizer#promptLength}). */
    public int promptLength(String prompt) {
        return tokenizer.promptLength(doLowerCase ? prompt.toLowerCase(Locale.ROOT) : prompt);
    }

    /** Runs the encoder on a batch whose rows start with {@code promptLength} prompt tokens (0 for none). */
    public Features forward(EncoderInput input, int promptLength, boolean training) {
        NDArray h = encoder.forward(input, training);
        return new Features(h, input.attentionMask(), promptLength, null);
    }

    /** The encoder. */
    public Encoder encoder() {
        return encoder;
    }

    /** The tokenizer. */
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /** Width of the token vectors. */
    public int dimension() {
        return encoder.config().hiddenSize();
    }

    /** Texts are truncated to this many tokens, special tokens included. */
    public int maxSeqLength() {
        return tokenizer.maxLength();
    }

    /** Changes the truncation length. */
    public void setMaxSeqLength(int maxSeqLength) throws IOException {
        if (maxSeqLength <= 0) {
            throw new IllegalArgumentException("max_seq_length must be positive, got " + maxSeqLength);
        }
        int limit = positionLimit(encoder);
        if (maxSeqLength > limit) {
            throw new IllegalArgumentException("max_seq_length: " + maxSeqLength + " exceeds this model's limit of " + limit + " tokens");
        }
        if (maxSeqLength != tokenizer.maxLength()) {
            TextTokenizer old = tokenizer;
            tokenizer = old.withMaxLength(maxSeqLength);
            old.close();
        }
    }

    /** Writes the Hugging Face folder: {@code config.json}, {@code model.safetensors}, tokenizer files, {@code sentence_bert_config.json}. */
    public void save(Path dir) throws IOException {
        ObjectNode config = encoder.config().json().deepCopy();
        AtomicFiles.writeString(dir.resolve("config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        SafetensorsWriter.write(dir.resolve("model.safetensors"), encoder.weights().all());
        for (Map.Entry<String, byte[]> f : tokenizerFiles.entrySet()) {
            AtomicFiles.write(dir.resolve(f.getKey()), out -> out.write(f.getValue()));
        }
        ObjectNode st = JSON.createObjectNode();
        st.put("max_seq_length", maxSeqLength());
        st.put("do_lower_case", doLowerCase);
        AtomicFiles.writeString(dir.resolve("sentence_bert_config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(st));
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
