package dev.st4j.io;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs work that an interrupt must neither break nor be swallowed by: file channels close themselves when their
 * thread is interrupted (a save pressed-stop during would be destroyed), and library code (Java2D, ImageIO) can clear
 * the flag (the stop would be lost). The work runs on a thread of its own; the caller waits for it whatever happens,
 * and an interrupt it received meanwhile is set again on it afterwards, for the caller to act on.
 */
public final class Uninterruptibly {
    private Uninterruptibly() {}

    /** The work, as a lambda. */
    @FunctionalInterface
    public interface Write<T> {
        /** Does the work. */
        T run() throws IOException;
    }

    /** Runs {@code write} to completion on a thread named {@code name} and returns its result; its exceptions are rethrown. */
    public static <T> T run(String name, Write<T> write) throws IOException {
        FutureTask<T> task = new FutureTask<>(write::run);
        Thread writer = new Thread(task, name);
        writer.setDaemon(false);
        writer.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IOException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
