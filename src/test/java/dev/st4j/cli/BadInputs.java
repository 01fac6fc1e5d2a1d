package dev.st4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.st4j.testing.CliRun;
import dev.st4j.testing.LocalSpark;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalogue of bad inputs behind {@code docs/reliability.md}: each makes its input in a fresh folder and names the
 * command that must refuse it, and a fragment of the one line it must print. Outputs go to {@code out} in that folder.
 */
final class BadInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BadInputs() {}

    /** Makes a case's input in {@code dir} and returns the command line. */
    @FunctionalInterface
    interface Setup {
        String[] prepare(Path dir, Path savedModel) throws IOException;
    }

    /** One bad input: its group, what it is, how to make it, and what the one-line message must contain. */
    record Case(String group, String what, Setup setup, String expected) {
        @Override
        public String toString() {
            return group + ": " + what;
        }
    }

    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        csv(c);
        jsonl(c);
        targets(c);
        folders(c);
        models(c);
        flags(c);
        indexes(c);
        spark(c);
        return c;
    }

    private static void csv(List<Case> c) {
        c.add(new Case("CSV", "unbalanced quote", (d, m) -> trainOn(d, "sentence1,sentence2,score\n\"a,b,1\nc,d,2\n"), "data.csv"));
        c.add(new Case("CSV", "semicolon delimiter", (d, m) -> trainOn(d, "sentence1;sentence2;score\na;b;1\nc;d;2\n"),
                "the file seems separated by ';'"));
        c.add(new Case("CSV", "header only", (d, m) -> trainOn(d, "sentence1,sentence2,score\n"), "data.csv"));
        c.add(new Case("CSV", "empty file", (d, m) -> trainOn(d, ""), "data.csv"));
        c.add(new Case("CSV", "binary file", (d, m) -> trainOnBytes(d, binary()), "data.csv"));
        c.add(new Case("CSV", "invalid UTF-8", (d, m) -> trainOnBytes(d, concat("sentence1,sentence2,score\na,b,1\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'c', (byte) 0xC3, (byte) 0x28, ',', 'd', ',', '2', '\n'})), "data.csv"));
        c.add(new Case("CSV", "duplicate column names", (d, m) -> trainOn(d, "sentence1,sentence1,score\na,b,1\nc,d,2\n"), "sentence1"));
        c.add(new Case("CSV", "a row with too many fields", (d, m) -> trainOn(d, "sentence1,sentence2,score\na,b,1\nc,d,2,9\n"), "row 2"));
        c.add(new Case("CSV", "a 10 MB field", (d, m) -> trainOn(d, "sentence1,sentence2,score\n" + "x ".repeat(5_000_000) + ",b,1\nc,d,2\n"),
                "data.csv"));
    }

    private static void jsonl(List<Case> c) {
        c.add(new Case("JSONL", "a broken line", (d, m) -> trainOn(d, "data.jsonl",
                "{\"sentence1\": \"a\", \"sentence2\": \"b\", \"score\": 1}\n{\"sentence1\": \"c\", \"sentence2\n"), "line 2"));
        c.add(new Case("JSONL", "mixed types (score as an object)", (d, m) -> trainOn(d, "data.jsonl",
                "{\"sentence1\": \"a\", \"sentence2\": \"b\", \"score\": 1}\n{\"sentence1\": \"c\", \"sentence2\": \"d\", \"score\": {\"x\": 1}}\n"),
                "score"));
        c.add(new Case("JSONL", "a top-level array in a .jsonl", (d, m) -> trainOn(d, "data.jsonl",
                "[{\"sentence1\": \"a\", \"sentence2\": \"b\", \"score\": 1}]\n"), "line 1"));
        c.add(new Case("JSON", "a .json file holding one object, not an array", (d, m) -> trainOn(d, "data.json",
                "{\"sentence1\": \"a\", \"sentence2\": \"b\", \"score\": 1}"), "expected a JSON array of objects"));
        c.add(new Case("JSON", "a .json file cut short", (d, m) -> trainOn(d, "data.json",
                "[{\"sentence1\": \"a\", \"sentence2\": \"b\""), "not valid JSON"));
    }

    private static void targets(List<Case> c) {
        for (String[] bad : new String[][] {{"NaN", "NaN"}, {"+Inf", "Infinity"}, {"-Inf", "-Infinity"}, {"empty", ""}, {"text", "high"}}) {
            c.add(new Case("Targets", "pair_score score " + bad[0], (d, m) -> trainOn(d, "sentence1,sentence2,score\na,b,1\nc,d," + bad[1] + "\n"),
                    "row 2"));
        }
        c.add(new Case("Targets", "pair_class labels of one class only", (d, m) -> train(d, "sentence1,sentence2,label\na,b,1\nc,d,1\ne,f,1\n",
                "--trainer", "pair_class", "--target-column", "label"), "label"));
        c.add(new Case("Targets", "a validation label the training split lacks", (d, m) -> {
            Files.createDirectories(d.resolve("data"));
            Files.writeString(d.resolve("data/train.csv"), "sentence1,sentence2,label\na,b,0\nc,d,1\n");
            Files.writeString(d.resolve("data/validation.csv"), "sentence1,sentence2,label\na,b,0\nc,d,2\n");
            return withFlag(withFlag(withFlag(trainArgs(d, d.resolve("data")), "--trainer", "pair_class"), "--target-column", "label"),
                    "--valid-split", "validation");
        }, "label '2' does not occur in the training split"));
        c.add(new Case("Targets", "triplet with an empty negative", (d, m) -> train(d, "anchor,positive,negative\na,b,c\nd,e,\n",
                "--trainer", "triplet", "--sentence3-column", "negative", "--target-column", null), "row 2"));
    }

    private static void folders(List<Case> c) {
        c.add(new Case("Data folder", "no split matching train_split", (d, m) -> {
            Files.createDirectories(d.resolve("data"));
            Files.writeString(d.resolve("data/training.csv"), "sentence1,sentence2,score\na,b,1\n");
            return trainArgs(d, d.resolve("data"));
        }, "train"));
        c.add(new Case("Data folder", "a data path that does not exist", (d, m) -> trainArgs(d, d.resolve("missing")), "missing"));
        c.add(new Case("Data folder", "an unsupported file type", (d, m) -> {
            Files.writeString(d.resolve("data.parquet"), "PAR1");
            return trainArgs(d, d.resolve("data.parquet"));
        }, "data.parquet"));
    }

    private static void models(List<Case> c) {
        c.add(new Case("Model folder", "truncated model.safetensors", (d, m) -> {
            Path model = copy(m, d);
            truncate(model.resolve("model.safetensors"), Files.size(model.resolve("model.safetensors")) / 2);
            return encode(d, model);
        }, "model.safetensors"));
        c.add(new Case("Model folder", "safetensors header whose offsets overlap", (d, m) -> {
            Path model = copy(m, d);
            rewriteHeader(model.resolve("model.safetensors"), h -> {
                var it = h.fields();
                it.next();
                var first = it.next().getValue();
                var second = it.next().getValue();
                ((com.fasterxml.jackson.databind.node.ArrayNode) second.get("data_offsets")).set(0, first.get("data_offsets").get(0));
            });
            return encode(d, model);
        }, "model.safetensors"));
        c.add(new Case("Model folder", "safetensors offsets beyond the file", (d, m) -> {
            Path model = copy(m, d);
            rewriteHeader(model.resolve("model.safetensors"), h -> {
                var it = h.fields();
                it.next();
                var first = it.next().getValue();
                ((com.fasterxml.jackson.databind.node.ArrayNode) first.get("data_offsets")).set(1, 1L << 40);
            });
            return encode(d, model);
        }, "model.safetensors"));
        c.add(new Case("Model folder", "a tensor of the wrong shape for the config", (d, m) -> {
            Path model = copy(m, d);
            editJson(model.resolve("config.json"), n -> n.put("intermediate_size", 48));
            return encode(d, model);
        }, "shape"));
        c.add(new Case("Model folder", "config.json without hidden_size", (d, m) -> {
            Path model = copy(m, d);
            editJson(model.resolve("config.json"), n -> n.remove("hidden_size"));
            return encode(d, model);
        }, "hidden_size"));
        c.add(new Case("Model folder", "hidden size not divisible by the heads", (d, m) -> {
            Path model = copy(m, d);
            editJson(model.resolve("config.json"), n -> n.put("num_attention_heads", 5));
            return encode(d, model);
        }, "num_attention_heads"));
        c.add(new Case("Model folder", "config vocab_size smaller than the token table", (d, m) -> {
            Path model = copy(m, d);
            editJson(model.resolve("config.json"), n -> n.put("vocab_size", 50));
            return encode(d, model);
        }, "vocab_size"));
        c.add(new Case("Model folder", "config.json that is not JSON", (d, m) -> {
            Path model = copy(m, d);
            Files.writeString(model.resolve("config.json"), "{\"hidden_size\": 32,");
            return encode(d, model);
        }, "config.json"));
        c.add(new Case("Model folder", "a tokenizer whose ids exceed the token table", (d, m) -> {
            Path model = copy(m, d);
            List<String> vocab = new ArrayList<>(Files.readAllLines(model.resolve("vocab.txt")));
            while (vocab.size() < 1005) {
                vocab.add("zzq" + vocab.size());
            }
            Files.write(model.resolve("vocab.txt"), vocab);
            Files.writeString(d.resolve("texts.txt"), "zzq1004\n");
            String[] args = encode(d, model);
            Files.writeString(d.resolve("texts.txt"), "zzq1004\n");
            return args;
        }, "token id 1004"));
        c.add(new Case("Model folder", "tokenizer.json that is not JSON", (d, m) -> {
            Path model = copy(m, d);
            Files.writeString(model.resolve("tokenizer.json"), "not json at all");
            return encode(d, model);
        }, "tokenizer.json"));
        c.add(new Case("Model folder", "modules.json pointing outside the folder", (d, m) -> {
            Path model = copy(m, d);
            String modules = Files.readString(model.resolve("modules.json")).replace("\"1_Pooling\"", "\"../../etc\"");
            Files.writeString(model.resolve("modules.json"), modules);
            return encode(d, model);
        }, "modules.json"));
        c.add(new Case("Model folder", "modules.json that is not JSON", (d, m) -> {
            Path model = copy(m, d);
            Files.writeString(model.resolve("modules.json"), "[{");
            return encode(d, model);
        }, "modules.json"));
        c.add(new Case("Model folder", "pytorch_model.bin with a forbidden pickle global", (d, m) -> {
            Path model = copy(m, d);
            Files.delete(model.resolve("model.safetensors"));
            Files.write(model.resolve("pytorch_model.bin"), maliciousPickleZip());
            return encode(d, model);
        }, "pytorch_model.bin"));
        c.add(new Case("Model folder", "a folder with no weights", (d, m) -> {
            Path model = copy(m, d);
            Files.delete(model.resolve("model.safetensors"));
            return encode(d, model);
        }, "weights"));
        c.add(new Case("Model folder", "an empty folder", (d, m) -> {
            Files.createDirectories(d.resolve("empty"));
            return encode(d, d.resolve("empty"));
        }, "empty"));
        c.add(new Case("Model folder", "safetensors with a dtype DJL cannot create (U16)", (d, m) -> {
            Path model = copy(m, d);
            rewriteHeader(model.resolve("model.safetensors"), h -> {
                var it = h.fields();
                it.next();
                ((ObjectNode) it.next().getValue()).put("dtype", "U16");
            });
            return encode(d, model);
        }, "U16"));
    }

    private static void flags(List<Case> c) {
        c.add(new Case("Flags", "batch size 0", (d, m) -> train(d, GOOD, "--batch-size", "0"), "batch_size: must be >= 1"));
        c.add(new Case("Flags", "learning rate -1", (d, m) -> train(d, GOOD, "--lr", "-1"), "lr: must be > 0"));
        c.add(new Case("Flags", "epochs 0", (d, m) -> train(d, GOOD, "--epochs", "0"), "epochs: must be >= 1"));
        c.add(new Case("Flags", "max_seq_length 100000", (d, m) -> train(d, GOOD, "--max-seq-length", "100000"), "max_seq_length"));
        c.add(new Case("Flags", "warmup_ratio 2", (d, m) -> train(d, GOOD, "--warmup-ratio", "2"), "warmup_ratio"));
        c.add(new Case("Flags", "a learning rate that is not a number", (d, m) -> train(d, GOOD, "--lr", "fast"), "--lr"));
        c.add(new Case("Flags", "an unknown flag", (d, m) -> train(d, GOOD, "--learning-rate", "1e-5"), "--learning-rate"));
        c.add(new Case("Flags", "--project-name pointing at a file", (d, m) -> {
            Files.writeString(d.resolve("file.txt"), "x");
            return train(d, GOOD, "--project-name", d.resolve("file.txt").toString());
        }, "project_name"));
        c.add(new Case("Flags", "--project-name pointing at the data", (d, m) -> {
            String[] args = train(d, GOOD);
            return withFlag(args, "--project-name", d.toString());
        }, "project_name"));
        c.add(new Case("Flags", "--project-name /", (d, m) -> train(d, GOOD, "--project-name", "/"), "project_name"));
        c.add(new Case("Flags", "encode --batch-size 0", (d, m) -> {
            String[] args = encode(d, m);
            return withFlag(args, "--batch-size", "0");
        }, "--batch-size"));
    }

    private static void indexes(List<Case> c) {
        c.add(new Case("Indexes", "index build into a folder that is not an index", (d, m) -> {
            Path notes = Files.createDirectories(d.resolve("notes"));
            Files.writeString(notes.resolve("keep.txt"), "mine");
            return indexBuild(d, "docid,text\nd1,A cat sits.\n", notes);
        }, "is not an st4j index"));
        c.add(new Case("Indexes", "index build from a corpus without a text column",
                (d, m) -> indexBuild(d, "docid,body\nd1,A cat sits.\n", d.resolve("idx")), "column 'text' not found"));
        c.add(new Case("Indexes", "index build from a corpus with a repeated docid",
                (d, m) -> indexBuild(d, "docid,text\nd1,A cat sits.\nd2,A dog runs.\nd1,A bird sings.\n", d.resolve("idx")), "row 3 repeats docid 'd1'"));
        c.add(new Case("Indexes", "search in a folder that is not an index",
                (d, m) -> new String[] {"search", "--index", d.toString(), "a query"}, "is not an st4j index"));
        c.add(new Case("Indexes", "search --top-k 0",
                (d, m) -> new String[] {"search", "--index", d.toString(), "--top-k", "0", "a query"}, "--top-k"));
    }

    private static void spark(List<Case> c) {
        c.add(new Case("Spark", "encode --master without --spark", (d, m) -> withFlag(encode(d, m), "--master", LocalSpark.MASTER),
                "--master applies only with --spark"));
        c.add(new Case("Spark", "encode --spark of a CSV without the text column",
                (d, m) -> sparkEncode(d, "corpus.csv", "docid,body\nd1,A cat sits.\n"), "--text-column: "));
        c.add(new Case("Spark", "encode --spark of a CSV with a row without text",
                (d, m) -> sparkEncode(d, "corpus.csv", "docid,text\nd1,A cat sits.\nd2,\n"), "docid 'd2' has no text"));
        c.add(new Case("Spark", "encode --spark of a CSV with a repeated docid",
                (d, m) -> sparkEncode(d, "corpus.csv", "docid,text\nd1,A cat sits.\nd2,A dog runs.\nd1,A bird sings.\n"), "docid 'd1' appears 2 times"));
        c.add(new Case("Spark", "encode --spark of a spreadsheet",
                (d, m) -> sparkEncode(d, "corpus.xlsx", "not a table"), "expected a .txt, .csv, .jsonl/.json or .parquet file"));
        c.add(new Case("Spark", "index build --embeddings of a folder Spark did not write", (d, m) -> {
            Files.writeString(Files.createDirectories(d.resolve("emb")).resolve("part.csv"), "id,embedding\n");
            return new String[] {"index", "build", "--model", Shared.tinyModel("bert").toString(), "--embeddings", d.resolve("emb").toString(),
                "--index", d.resolve("idx").toString()};
        }, "not a Parquet folder of st4j encode --spark"));
        c.add(new Case("Spark", "index build --embeddings with another --model than the one that encoded them", (d, m) -> {
            String[] encode = sparkEncode(d, "corpus.csv", "docid,text\nd1,A cat sits.\nd2,A dog runs.\n");
            if (CliRun.run(encode).status() != 0) {
                throw new IOException("encode --spark failed while preparing the case");
            }
            return new String[] {"index", "build", "--model", Shared.tinyModel("distilbert").toString(), "--embeddings", d.resolve("out").toString(),
                "--index", d.resolve("idx").toString()};
        }, "were encoded by"));
        c.add(new Case("Spark", "mine-hard-negatives --spark with an unknown --anchor-column", (d, m) -> {
            Files.writeString(d.resolve("pairs.csv"), "anchor,positive\nA cat sits.,A cat is sitting.\n");
            return new String[] {"mine-hard-negatives", "--spark", "--master", LocalSpark.MASTER, "--model", Shared.tinyModel("bert").toString(),
                "--data-path", d.resolve("pairs.csv").toString(), "--anchor-column", "question", "--output", d.resolve("out.csv").toString()};
        }, "--anchor-column: "));
    }

    private static String[] sparkEncode(Path d, String name, String text) throws IOException {
        Files.writeString(d.resolve(name), text);
        return new String[] {"encode", "--spark", "--master", LocalSpark.MASTER, "--model", Shared.tinyModel("bert").toString(), "--input",
            d.resolve(name).toString(), "--output", d.resolve("out").toString()};
    }

    private static String[] indexBuild(Path d, String corpus, Path index) throws IOException {
        Files.writeString(d.resolve("corpus.csv"), corpus);
        return new String[] {"index", "build", "--model", Shared.tinyModel("bert").toString(), "--corpus", d.resolve("corpus.csv").toString(),
            "--index", index.toString()};
    }

    static final String GOOD = "sentence1,sentence2,score\nA cat sits.,A cat is sitting.,0.9\nA dog runs.,A man cooks.,0.1\n";

    private static String[] trainOn(Path d, String csv) throws IOException {
        return trainOn(d, "data.csv", csv);
    }

    private static String[] trainOn(Path d, String name, String text) throws IOException {
        Files.writeString(d.resolve(name), text);
        return trainArgs(d, d.resolve(name));
    }

    private static String[] trainOnBytes(Path d, byte[] bytes) throws IOException {
        Files.write(d.resolve("data.csv"), bytes);
        return trainArgs(d, d.resolve("data.csv"));
    }

    private static String[] train(Path d, String csv, String... flags) throws IOException {
        String[] args = trainOn(d, csv);
        for (int i = 0; i < flags.length; i += 2) {
            args = withFlag(args, flags[i], flags[i + 1]);
        }
        return args;
    }

    private static String[] trainArgs(Path d, Path data) {
        return new String[] {"train", "--model", Shared.tinyModel("bert").toString(), "--data-path", data.toString(), "--trainer",
            "pair_score", "--target-column", "score", "--epochs", "1", "--batch-size", "2", "--max-seq-length", "32",
            "--project-name", d.resolve("out").toString()};
    }

    /** Sets (or, with a null value, removes) a flag. */
    static String[] withFlag(String[] args, String flag, String value) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        int i = a.indexOf(flag);
        if (i >= 0) {
            a.remove(i + 1);
            a.remove(i);
        }
        if (value != null) {
            a.add(flag);
            a.add(value);
        }
        return a.toArray(String[]::new);
    }

    private static String[] encode(Path d, Path model) throws IOException {
        Files.writeString(d.resolve("texts.txt"), "The cat sits on the mat\nA feline rests\n");
        return new String[] {"encode", "--model", model.toString(), "--input", d.resolve("texts.txt").toString(), "--output",
            d.resolve("out").toString()};
    }

    private static Path copy(Path model, Path d) throws IOException {
        Path to = d.resolve("model");
        try (Stream<Path> s = Files.walk(model)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(model.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    private static void rewriteHeader(Path file, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        byte[] all = Files.readAllBytes(file);
        long n = java.nio.ByteBuffer.wrap(all, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        ObjectNode header = (ObjectNode) JSON.readTree(new String(all, 8, (int) n, StandardCharsets.UTF_8));
        edit.accept(header);
        byte[] json = JSON.writeValueAsBytes(header);
        byte[] out = new byte[8 + json.length + all.length - 8 - (int) n];
        java.nio.ByteBuffer.wrap(out, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(json.length);
        System.arraycopy(json, 0, out, 8, json.length);
        System.arraycopy(all, 8 + (int) n, out, 8 + json.length, all.length - 8 - (int) n);
        Files.write(file, out);
    }

    private static void editJson(Path file, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode n = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(n);
        Files.writeString(file, JSON.writeValueAsString(n));
    }

    private static byte[] binary() {
        byte[] b = new byte[4096];
        new java.util.Random(3).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A PyTorch zip whose data.pkl calls os.system (GLOBAL 'os system'), as a malicious checkpoint does. */
    private static byte[] maliciousPickleZip() throws IOException {
        byte[] pickle = concat("\u0080\u0002cos\nsystem\nq\u0000X\u0004\u0000\u0000\u0000trueq\u0001\u0085q\u0002Rq\u0003."
                .getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("archive/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("archive/version"));
            zip.write("3\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
