package dev.st4j.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the {@code tokenizer.json} of a BERT WordPiece tokenizer from a {@code vocab.txt} and its
 * {@code tokenizer_config.json}, as the Hugging Face converter does, for folders that ship no
 * {@code tokenizer.json}.
 */
public final class WordPieceTokenizerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WordPieceTokenizerJson() {}

    /** The tokenizer JSON for the vocabulary and settings in {@code dir}. */
    public static String build(Path dir) throws IOException {
        List<String> vocab = Files.readAllLines(dir.resolve("vocab.txt"));
        JsonNode cfg = SpecialTokens.readConfig(dir);
        boolean lowercase = !cfg.has("do_lower_case") || cfg.get("do_lower_case").asBoolean(true);
        boolean chinese = !cfg.has("tokenize_chinese_chars") || cfg.get("tokenize_chinese_chars").asBoolean(true);
        JsonNode stripAccents = cfg.get("strip_accents");
        String unk = SpecialTokens.token(cfg, "unk_token", "[UNK]");
        String cls = SpecialTokens.token(cfg, "cls_token", "[CLS]");
        String sep = SpecialTokens.token(cfg, "sep_token", "[SEP]");

        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : List.of(SpecialTokens.token(cfg, "pad_token", "[PAD]"), unk, cls, sep,
                SpecialTokens.token(cfg, "mask_token", "[MASK]"))) {
            int id = vocab.indexOf(special);
            if (id >= 0) {
                added.addObject().put("id", id).put("content", special).put("single_word", false).put("lstrip", false)
                        .put("rstrip", false).put("normalized", false).put("special", true);
            }
        }
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "BertNormalizer").put("clean_text", true).put("handle_chinese_chars", chinese);
        if (stripAccents == null || stripAccents.isNull()) {
            normalizer.putNull("strip_accents");
        } else {
            normalizer.put("strip_accents", stripAccents.asBoolean());
        }
        normalizer.put("lowercase", lowercase);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        special(single, cls, 0);
        sequence(single, "A", 0);
        special(single, sep, 0);
        ArrayNode pair = post.putArray("pair");
        special(pair, cls, 0);
        sequence(pair, "A", 0);
        special(pair, sep, 0);
        sequence(pair, "B", 1);
        special(pair, sep, 1);
        ObjectNode specials = post.putObject("special_tokens");
        for (String t : List.of(cls, sep)) {
            int id = vocab.indexOf(t);
            if (id < 0) {
                throw new IOException(dir.resolve("vocab.txt") + ": special token '" + t + "' is not in the vocabulary");
            }
            ObjectNode s = specials.putObject(t);
            s.put("id", t);
            s.putArray("ids").add(id);
            s.putArray("tokens").add(t);
        }
        root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece").put("unk_token", unk).put("continuing_subword_prefix", "##")
                .put("max_input_chars_per_word", 100);
        ObjectNode v = model.putObject("vocab");
        for (int i = 0; i < vocab.size(); i++) {
            if (!v.has(vocab.get(i))) {
                v.put(vocab.get(i), i);
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static void special(ArrayNode template, String token, int typeId) {
        template.addObject().putObject("SpecialToken").put("id", token).put("type_id", typeId);
    }

    private static void sequence(ArrayNode template, String id, int typeId) {
        template.addObject().putObject("Sequence").put("id", id).put("type_id", typeId);
    }
}
