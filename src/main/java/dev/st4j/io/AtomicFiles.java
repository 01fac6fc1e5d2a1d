package dev.st4j.io;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files and folders so that a reader never sees a half-written one: temporary name, then rename. */
public final class AtomicFiles {
    /** The body of a write, given the stream to the temporary file. */
    @FunctionalInterface
    public interface StreamWriter {
        /** Writes the content. */
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code file} through {@code body}; on failure the old file, if any, is left as it was. */
    public static void write(Path file, StreamWriter body) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            // FileOutputStream, not a file channel: a channel closes itself when its thread is interrupted mid-write.
            try (OutputStream out = new BufferedOutputStream(new FileOutputStream(tmp.toFile()))) {
                body.write(out);
            }
            move(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Renames {@code from} to {@code to}, atomically where the file system allows, replacing {@code to}. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * A new empty folder beside {@code target} to build it in ({@code .NAME.partial-*}), to be put in its place by
     * {@link #replaceFolder}. What a killed build left beside the same target (its {@code .partial-*} and
     * {@code .old-*} folders) is removed first: one build at a time writes a given folder.
     */
    public static Path stagingFolder(Path target) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = "." + target.getFileName();
        try (var siblings = Files.list(parent)) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(name + ".partial-")
                    || p.getFileName().toString().startsWith(name + ".old-")).toList()) {
                deleteTree(p);
            }
        }
        return Files.createTempDirectory(parent, name + ".partial-");
    }

    /**
     * Puts the completed folder {@code built} in the place of {@code target}: the old folder (if any) is moved
     * aside first and deleted last, so {@code target} is never half-written.
     */
    public static void replaceFolder(Path built, Path target) throws IOException {
        if (Files.exists(target)) {
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old);
            move(built, target);
            deleteTree(old);
        } else {
            move(built, target);
        }
    }

    /** Whether {@code dir} is a folder with nothing in it. */
    public static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
