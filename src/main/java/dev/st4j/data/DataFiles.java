package dev.st4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the file of a split: {@code data_path} itself when it is a file, else {@code {split}.csv|jsonl|json} in it. */
public final class DataFiles {
    /** Extensions tried, in order. */
    public static final List<String> EXTENSIONS = List.of("csv", "jsonl", "json");

    private DataFiles() {}

    /** The file holding {@code split} under {@code dataPath}. */
    public static Path resolve(Path dataPath, String split) throws IOException {
        if (Files.isRegularFile(dataPath)) {
            return dataPath;
        }
        if (!Files.isDirectory(dataPath)) {
            throw new IOException("--data-path " + dataPath + ": no such file or folder");
        }
        for (String ext : EXTENSIONS) {
            Path f = dataPath.resolve(split + "." + ext);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IOException("--data-path " + dataPath + ": no " + split + ".csv, " + split + ".jsonl or " + split
                + ".json for split '" + split + "'");
    }
}
