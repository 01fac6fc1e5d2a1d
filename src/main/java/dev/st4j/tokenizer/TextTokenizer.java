package dev.st4j.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.st4j.io.ErrorText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns texts into padded token batches with a Hugging Face tokenizer (DJL's binding of the Rust
 * {@code tokenizers} library): each text encoded alone with its special tokens, truncated to the
 * maximum sequence length, padded to the batch's longest text on the side the tokenizer's config names
 * ({@code padding_side}: right, or left as decoder embedding models such as Qwen3-Embedding use).
 */
public final class TextTokenizer implements AutoCloseable {
    /** Files that make up a tokenizer folder; copied verbatim when a model is saved. */
    public static final List<String> FILES = List.of("tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", "vocab.txt", "sentencepiece.bpe.model", "spiece.model", "merges.txt",
            "vocab.json", "added_tokens.json");

    private final String json;
    private final HuggingFaceTokenizer tokenizer;
    private final long padId;
    private final int maxLength;
    private final boolean leftPadding;

    private TextTokenizer(String json, long padId, int maxLength, boolean leftPadding) throws IOException {
        this.json = json;
        this.padId = padId;
        this.maxLength = maxLength;
        this.leftPadding = leftPadding;
        Map<String, String> options = Map.of("addSpecialTokens", "true", "truncation", "true", "padding", "false",
                "maxLength", Integer.toString(maxLength));
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(in, options);
        }
    }

    /**
     * Loads the tokenizer of a model folder: {@code tokenizer.json}, or a BERT {@code vocab.txt} with its
     * {@code tokenizer_config.json}.
     *
     * @param fallbackPadId the pad id when the tokenizer files name no pad token (the model's {@code pad_token_id})
     */
    public static TextTokenizer load(Path dir, int maxLength, long fallbackPadId) throws IOException {
        String json;
        if (Files.exists(dir.resolve("tokenizer.json"))) {
            json = Files.readString(dir.resolve("tokenizer.json"));
            try {
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            } catch (IOException e) {
                throw new IOException(dir.resolve("tokenizer.json") + ": not valid JSON (" + ErrorText.of(e) + ")", e);
            }
        } else if (Files.exists(dir.resolve("vocab.txt"))) {
            json = WordPieceTokenizerJson.build(dir);
        } else {
            throw new IOException(dir + ": " + missingTokenizer(dir));
        }
        boolean left = "left".equals(SpecialTokens.readConfig(dir).path("padding_side").asText("right"));
        TextTokenizer loaded;
        try {
            loaded = new TextTokenizer(json, fallbackPadId, maxLength, left);
        } catch (RuntimeException e) {
            String file = Files.exists(dir.resolve("tokenizer.json")) ? "tokenizer.json" : "vocab.txt";
            throw new IOException(dir.resolve(file) + ": the tokenizer cannot be loaded (" + e.getMessage() + ")", e);
        }
        String padToken = SpecialTokens.token(SpecialTokens.readConfig(dir), "pad_token", null);
        if (padToken == null) {
            return loaded;
        }
        long[] ids = loaded.tokenizer.encode(padToken, false, false).getIds();
        if (ids.length != 1 || ids[0] == fallbackPadId) {
            return loaded;
        }
        loaded.close();
        return new TextTokenizer(json, ids[0], maxLength, left);
    }

    /** What is missing when a folder has neither {@code tokenizer.json} nor {@code vocab.txt}, in one line. */
    private static String missingTokenizer(Path dir) {
        for (String model : List.of("sentencepiece.bpe.model", "spiece.model", "vocab.json")) {
            if (Files.exists(dir.resolve(model))) {
                return "has " + model + " but no tokenizer.json, which st4j reads; write one with Python transformers: "
                        + "AutoTokenizer.from_pretrained(folder).save_pretrained(folder)";
            }
        }
        return "no tokenizer.json (or BERT vocab.txt)";
    }

    /** The same vocabulary with another maximum length; the caller closes the returned tokenizer. */
    public TextTokenizer withMaxLength(int newMaxLength) throws IOException {
        return new TextTokenizer(json, padId, newMaxLength, leftPadding);
    }

    /** Tokenizes {@code texts}: each alone, with special tokens, truncated, padded to the longest. */
    public TokenBatch tokenize(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts, true, false);
        int longest = 0;
        for (Encoding e : encodings) {
            longest = Math.max(longest, e.getIds().length);
        }
        long[][] ids = new long[texts.size()][longest];
        long[][] mask = new long[texts.size()][longest];
        long[][] types = new long[texts.size()][longest];
        for (int i = 0; i < encodings.length; i++) {
            long[] e = encodings[i].getIds();
            long[] t = encodings[i].getTypeIds();
            int start = leftPadding ? longest - e.length : 0;
            java.util.Arrays.fill(ids[i], padId);
            System.arraycopy(e, 0, ids[i], start, e.length);
            System.arraycopy(t, 0, types[i], start, t.length);
            java.util.Arrays.fill(mask[i], start, start + e.length, 1L);
        }
        return new TokenBatch(ids, mask, types);
    }

    /**
     * How many leading tokens a prompt adds to a text, as sentence-transformers counts them: the prompt
     * tokenized alone with its special tokens, less a trailing special token (the end-of-sequence one).
     */
    public int promptLength(String prompt) {
        Encoding e = tokenizer.encode(prompt, true, false);
        long[] special = e.getSpecialTokenMask();
        int n = e.getIds().length;
        return n > 0 && special.length == n && special[n - 1] == 1 ? n - 1 : n;
    }

    /** The number of tokens of each text, special tokens included, after this tokenizer's truncation. */
    public int[] lengths(List<String> texts) {
        int[] out = new int[texts.size()];
        int batch = 256;
        for (int from = 0; from < texts.size(); from += batch) {
            Encoding[] encodings = tokenizer.batchEncode(texts.subList(from, Math.min(texts.size(), from + batch)), true, false);
            for (int i = 0; i < encodings.length; i++) {
                out[from + i] = encodings[i].getIds().length;
            }
        }
        return out;
    }

    /** The tokens of one text, special tokens included, after truncation. */
    public List<String> tokens(String text) {
        return List.of(tokenizer.encode(text, true, false).getTokens());
    }

    /** Whether batches are padded on the left. */
    public boolean leftPadding() {
        return leftPadding;
    }

    /** The id used for padding. */
    public long padId() {
        return padId;
    }

    /** The maximum sequence length, special tokens included. */
    public int maxLength() {
        return maxLength;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
