package dev.st4j.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.encoder.EncoderInput;
import dev.st4j.engine.Autograd;
import dev.st4j.engine.EngineNotice;
import dev.st4j.io.ProgressBar;
import dev.st4j.modules.Dense;
import dev.st4j.modules.Features;
import dev.st4j.modules.Normalize;
import dev.st4j.modules.Pooling;
import dev.st4j.modules.SentenceModule;
import dev.st4j.modules.Transformer;
import dev.st4j.ops.Cosine;
import dev.st4j.tokenizer.TokenBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A sentence-embedding model: a transformer followed by pooling and optional dense and normalize
 * stages, loaded from and saved to the sentence-transformers folder format. It owns the native
 * memory of its weights; close it when done.
 */
public final class SentenceTransformer implements AutoCloseable {
    /** st4j's version, recorded in saved models. */
    public static final String VERSION = "0.1.0";

    private final NDManager manager;
    private final Transformer transformer;
    private final List<SentenceModule> modules;
    private final ObjectNode stConfig;
    private Integer truncateDim;

    private SentenceTransformer(NDManager manager, Transformer transformer, List<SentenceModule> modules, ObjectNode stConfig) {
        this.manager = manager;
        this.transformer = transformer;
        this.modules = List.copyOf(modules);
        this.stConfig = stConfig;
    }

    /** Loads a model folder onto the default device (the GPU when DJL sees one). */
    public static SentenceTransformer load(Path dir) throws IOException {
        return load(dir, EngineNotice.load().defaultDevice());
    }

    /** Loads a model folder onto {@code device}. */
    public static SentenceTransformer load(Path dir, Device device) throws IOException {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            ModelFolder.Contents c = ModelFolder.read(dir, manager);
            return new SentenceTransformer(manager, c.transformer(), c.modules(), c.stConfig());
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Builds a model from a Hugging Face folder and the modules that follow the transformer, given the
     * transformer's output width (e.g. pooling and normalize for a freshly imported encoder).
     */
    public static SentenceTransformer compose(Path transformerDir, IntFunction<List<SentenceModule>> modules,
            int maxSeqLength) throws IOException {
        NDManager manager = NDManager.newBaseManager(EngineNotice.load().defaultDevice());
        try {
            Transformer t = Transformer.load(transformerDir, manager);
            t.setMaxSeqLength(maxSeqLength);
            return new SentenceTransformer(manager, t, modules.apply(t.dimension()),
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Encodes texts with default options. */
    public float[][] encode(List<String> texts) {
        return encode(texts, EncodeOptions.DEFAULTS);
    }

    /**
     * Encodes texts into embeddings, one row per text in input order. The prompt the options name (else
     * the model's default prompt) is put before each text. Texts are sorted by length so that each batch
     * pads little, and every batch's native memory is released before the next.
     */
    public float[][] encode(List<String> texts, EncodeOptions options) {
        String prompt = resolvePrompt(options.prompt(), options.promptName());
        List<Integer> order = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> texts.get(i).length()).reversed());
        float[][] out = new float[texts.size()][];
        try (ProgressBar bar = ProgressBar.onTerminal("Batches", (texts.size() + options.batchSize() - 1) / options.batchSize(),
                options.showProgressBar())) {
            for (int start = 0; start < order.size(); start += options.batchSize()) {
                List<Integer> idx = order.subList(start, Math.min(order.size(), start + options.batchSize()));
                List<String> batch = new ArrayList<>(idx.size());
                for (int i : idx) {
                    batch.add(texts.get(i));
                }
                try (Autograd.Scope noGrad = Autograd.noGrad(); NDManager batchManager = manager.newSubManager()) {
                    NDArray emb = embed(tokenize(batch, prompt), batchManager, false);
                    if (truncateDim != null && truncateDim < emb.getShape().get(1)) {
                        emb = emb.get(":, :" + truncateDim);
                    }
                    if (options.normalizeEmbeddings()) {
                        emb = Cosine.l2Normalize(emb);
                    }
                    int dim = (int) emb.getShape().get(1);
                    float[] flat = emb.toFloatArray();
                    for (int r = 0; r < idx.size(); r++) {
                        float[] row = new float[dim];
                        System.arraycopy(flat, r * dim, row, 0, dim);
                        out[idx.get(r)] = row;
                    }
                }
                bar.step(1);
            }
        }
        return out;
    }

    /** Encodes one text. */
    public float[] encode(String text) {
        return encode(List.of(text))[0];
    }

    /**
     * Sentence embeddings of a tokenized batch as an NDArray in {@code batchManager}, for training and
     * evaluation code that keeps working on the device.
     */
    public NDArray embed(TokenBatch batch, NDManager batchManager, boolean training) {
        EncoderInput input = batch.toInput(batchManager);
        Features f = transformer.forward(input, batch.promptLength(), training);
        for (SentenceModule m : modules) {
            f = m.forward(f, training);
        }
        return f.sentenceEmbedding();
    }

    /** Tokenizes texts as the model will see them, without a prompt. */
    public TokenBatch tokenize(List<String> texts) {
        return transformer.tokenize(texts);
    }

    /** Tokenizes texts with {@code prompt} (null or empty for none) before each, marking how many tokens it takes. */
    public TokenBatch tokenize(List<String> texts, String prompt) {
        if (prompt == null || prompt.isEmpty()) {
            return transformer.tokenize(texts);
        }
        List<String> prompted = new ArrayList<>(texts.size());
        for (String text : texts) {
            prompted.add(prompt + text);
        }
        return transformer.tokenize(prompted).withPromptLength(transformer.promptLength(prompt));
    }

    /** Encodes queries with the model's {@code query} prompt, as sentence-transformers' {@code encode_query}. */
    public float[][] encodeQuery(List<String> queries, EncodeOptions options) {
        return encode(queries, queryOptions(options));
    }

    /**
     * Encodes documents with the model's {@code document} prompt (else {@code passage}, else {@code corpus}),
     * as sentence-transformers' {@code encode_document}.
     */
    public float[][] encodeDocument(List<String> documents, EncodeOptions options) {
        return encode(documents, documentOptions(options));
    }

    /** The options {@link #encodeQuery} encodes with: the model's {@code query} prompt unless {@code options} name one. */
    public EncodeOptions queryOptions(EncodeOptions options) {
        if (options.prompt() != null || options.promptName() != null) {
            return options;
        }
        return options.withPromptName(prompts().containsKey("query") ? "query" : null);
    }

    /** The options {@link #encodeDocument} encodes with: the model's document prompt unless {@code options} name one. */
    public EncodeOptions documentOptions(EncodeOptions options) {
        if (options.prompt() != null || options.promptName() != null) {
            return options;
        }
        return options.withPromptName(List.of("document", "passage", "corpus").stream().filter(prompts()::containsKey).findFirst().orElse(null));
    }

    /**
     * The prompt text to use: {@code prompt} when given, else the model's prompt named {@code promptName},
     * else the model's default prompt; null when there is none. An unknown name is a one-line error.
     */
    public String resolvePrompt(String prompt, String promptName) {
        if (prompt != null) {
            return prompt;
        }
        Map<String, String> prompts = prompts();
        String name = promptName != null ? promptName : defaultPromptName();
        if (name == null) {
            return null;
        }
        if (!prompts.containsKey(name)) {
            throw new IllegalArgumentException("prompt name '" + name + "' is not one of this model's prompts "
                    + (prompts.isEmpty() ? "(it has none)" : prompts.keySet()));
        }
        return prompts.get(name);
    }

    /** The model's prompts by name ({@code config_sentence_transformers.json}); empty when it has none. */
    public Map<String, String> prompts() {
        Map<String, String> out = new LinkedHashMap<>();
        stConfig.path("prompts").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The prompt applied when none is named, or null. */
    public String defaultPromptName() {
        JsonNode n = stConfig.get("default_prompt_name");
        return n == null || n.isNull() ? null : n.asText();
    }

    /**
     * The similarity function the model declares ({@code similarity_fn_name}: cosine, dot, euclidean or
     * manhattan); cosine when it declares none or another name, as sentence-transformers does.
     */
    public String similarityFnName() {
        String name = stConfig.path("similarity_fn_name").asText("cosine");
        return List.of("cosine", "dot", "euclidean", "manhattan").contains(name) ? name : "cosine";
    }

    /** Writes the model in sentence-transformers format; the folder appears complete or not at all. */
    public void save(Path dir) throws IOException {
        ModelFolder.write(dir, transformer, modules, stConfig);
    }

    /**
     * The trainable tensors by qualified name: the encoder tensors the forward pass reads (found by
     * running it once on a one-word batch) and the dense layers.
     */
    public Map<String, NDArray> parameters() {
        try (Autograd.Scope noGrad = Autograd.noGrad(); NDManager probe = manager.newSubManager()) {
            embed(tokenize(List.of("a")), probe, true);
        }
        Map<String, NDArray> out = new LinkedHashMap<>(transformer.encoder().weights().used());
        for (int i = 0; i < modules.size(); i++) {
            if (modules.get(i) instanceof Dense d) {
                int idx = i + 1;
                d.parameters().forEach((k, v) -> out.put(idx + "_Dense." + k, v));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Width of the sentence embeddings. */
    public int dimension() {
        int dim = transformer.dimension();
        for (SentenceModule m : modules) {
            if (m instanceof Pooling p) {
                dim = p.outputDimension();
            } else if (m instanceof Dense d) {
                dim = d.outputDimension();
            }
        }
        return dim;
    }

    /** The leading dimensions {@code encode} keeps (Matryoshka models), or null for all; as Python's {@code truncate_dim}. */
    public Integer truncateDim() {
        return truncateDim;
    }

    /**
     * Makes {@code encode} keep only the first {@code dim} dimensions of each embedding (before normalising, when
     * asked); null keeps them all.
     */
    public void setTruncateDim(Integer dim) {
        if (dim != null && (dim < 1 || dim > dimension())) {
            throw new IllegalArgumentException("truncate_dim: " + dim + " is not between 1 and the embedding dimension " + dimension());
        }
        this.truncateDim = dim;
    }

    /** True when the last module L2-normalises. */
    public boolean normalizes() {
        return !modules.isEmpty() && modules.get(modules.size() - 1) instanceof Normalize;
    }

    /** The modules after the transformer. */
    public List<SentenceModule> modules() {
        return modules;
    }

    /** The transformer module. */
    public Transformer transformer() {
        return transformer;
    }

    /** Texts are truncated to this many tokens. */
    public int maxSeqLength() {
        return transformer.maxSeqLength();
    }

    /** Changes the truncation length. */
    public void setMaxSeqLength(int maxSeqLength) throws IOException {
        transformer.setMaxSeqLength(maxSeqLength);
    }

    /** The manager that owns the weights; training code creates its sub-managers from it. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        transformer.close();
        manager.close();
    }
}
