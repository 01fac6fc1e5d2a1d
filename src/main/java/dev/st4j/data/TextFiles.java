package dev.st4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that a data file is text a reader can take: not empty, not binary, valid UTF-8 (a BOM is fine). */
final class TextFiles {
    private static final int CHUNK = 1 << 16;

    private TextFiles() {}

    /**
     * Reads {@code file} once, in chunks.
     *
     * @throws IOException (one line, naming the file and the line) when it is empty, holds a NUL byte, or is not UTF-8
     */
    static void requireUtf8Text(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new IOException(file + ": the file is empty (expected a header line or records)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(CHUNK + 8);
        CharBuffer out = CharBuffer.allocate(CHUNK + 8);
        int line = 1;
        try (InputStream s = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = s.read(in.array(), in.position(), in.remaining());
                end = n < 0;
                if (n > 0) {
                    in.position(in.position() + n);
                }
                in.flip();
                for (int i = in.position(); i < in.limit(); i++) {
                    if (in.get(i) == 0) {
                        throw new IOException(file + ": line " + (line + countNewlines(in, i)) + " holds a NUL byte; this is a binary "
                                + "file, not text");
                    }
                }
                CoderResult result = decoder.decode(in, out, end);
                line += countNewlines(out);
                if (result.isError()) {
                    throw new IOException(file + ": line " + line + " is not valid UTF-8 (save the file as UTF-8)");
                }
                out.clear();
                in.compact();
            }
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": line " + line + " is not valid UTF-8 (save the file as UTF-8)", e);
        }
    }

    private static int countNewlines(ByteBuffer in, int upTo) {
        int n = 0;
        for (int i = in.position(); i < upTo; i++) {
            if (in.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static int countNewlines(CharBuffer out) {
        int n = 0;
        for (int i = 0; i < out.position(); i++) {
            if (out.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
