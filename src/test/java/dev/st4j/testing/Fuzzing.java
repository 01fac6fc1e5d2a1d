package dev.st4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * What the readers' fuzz properties share: inputs made by mutating valid seed files (bit flips, interesting bytes,
 * deletions, duplications, insertions, truncations, numbers made huge or negative; positions biased towards the start,
 * where headers are), and the rule every reader must keep on them: return, or throw an {@link IOException} or
 * {@link IllegalArgumentException} with a one-line message, within a time limit, without taking the JVM down.
 */
public final class Fuzzing {
    private static final byte[] INTERESTING = {0, -1, 0x7f, (byte) 0x80, '"', '{', '}', '[', ']', ',', ':', '-', '9', '\\', '\n'};
    private static final String[] NUMBERS = {"-1", "0", "4294967296", "99999999999999999999", "1e309", "-2147483648", "NaN"};
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-target");
        t.setDaemon(true);
        return t;
    });

    private Fuzzing() {}

    /** One mutation: its kind, where (0..1 of the length, cubed towards the start), a byte value, a length. */
    record Mutation(int kind, double where, int value, int length) {}

    /** Inputs made from {@code seeds} by one to four mutations each. */
    public static Arbitrary<byte[]> mutationsOf(List<byte[]> seeds) {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(1, 64)).as(Mutation::new);
        return Combinators.combine(Arbitraries.integers().between(0, seeds.size() - 1), one.list().ofMinSize(1).ofMaxSize(4))
                .as((i, mutations) -> {
                    byte[] b = seeds.get(i);
                    for (Mutation m : mutations) {
                        b = apply(b, m);
                    }
                    return b;
                });
    }

    private static byte[] apply(byte[] b, Mutation m) {
        if (b.length == 0) {
            return new byte[] {(byte) m.value()};
        }
        int at = Math.min(b.length - 1, (int) (Math.pow(m.where(), 3) * b.length));
        int len = Math.min(m.length(), b.length - at);
        byte[] out;
        switch (m.kind()) {
            case 0 -> {
                out = b.clone();
                out[at] ^= (byte) (1 << (m.value() & 7));
            }
            case 1 -> {
                out = b.clone();
                out[at] = INTERESTING[m.value() % INTERESTING.length];
            }
            case 2 -> out = concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + len, b.length));
            case 3 -> out = concat(Arrays.copyOfRange(b, 0, at + len), Arrays.copyOfRange(b, at, b.length));
            case 4 -> {
                byte[] noise = new byte[len];
                Arrays.fill(noise, (byte) m.value());
                out = concat(concat(Arrays.copyOfRange(b, 0, at), noise), Arrays.copyOfRange(b, at, b.length));
            }
            case 5 -> out = Arrays.copyOf(b, at);
            default -> out = replaceNumber(b, at, NUMBERS[m.value() % NUMBERS.length]);
        }
        return out;
    }

    /** Replaces the run of digits at or after {@code from} with {@code number} (JSON sizes, offsets, shapes). */
    private static byte[] replaceNumber(byte[] b, int from, String number) {
        int start = from;
        while (start < b.length && (b[start] < '0' || b[start] > '9')) {
            start++;
        }
        if (start == b.length) {
            return b;
        }
        int end = start;
        while (end < b.length && b[end] >= '0' && b[end] <= '9') {
            end++;
        }
        return concat(concat(Arrays.copyOfRange(b, 0, start), number.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Arrays.copyOfRange(b, end, b.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Runs {@code read} on the fuzz worker thread and checks the rule: it returns, or fails with an IOException or
     * IllegalArgumentException (unchecked wrappers of one included) whose message is one non-blank line; within 20 s.
     *
     * @throws AssertionError for any other outcome: another exception (NullPointerException, an index out of
     *     bounds, DJL's EngineException, an Error such as OutOfMemoryError), a multi-line or empty message, a hang
     */
    public static void mustReadOrRefuseInOneLine(Callable<?> read) {
        Future<?> f = WORKER.submit(read);
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("the reader hung (over 20 s)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            boolean expected = cause instanceof IOException || cause instanceof IllegalArgumentException
                    && !(cause instanceof NumberFormatException);
            String message = cause.getMessage();
            if (!expected || message == null || message.isBlank() || message.lines().count() != 1) {
                throw new AssertionError("not a one-line refusal: " + cause, cause);
            }
        }
    }
}
