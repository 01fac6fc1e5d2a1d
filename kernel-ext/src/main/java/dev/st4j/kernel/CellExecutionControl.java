package dev.st4j.kernel;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs JShell snippets inside the kernel's JVM, on one worker thread, so that cells share the kernel's
 * classes and standard streams and an interrupt reaches only the running cell. Keeps the last value
 * as an object (JShell itself only passes strings) for rich display.
 */
final class CellExecutionControl extends DirectExecutionControl {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "st4j-cell");
        t.setDaemon(true);
        return t;
    });
    private volatile Thread running;
    private volatile Object lastValue;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Future<Object> result = worker.submit(() -> {
            running = Thread.currentThread();
            try {
                return doitMethod.invoke(null);
            } finally {
                running = null;
                Thread.interrupted();
            }
        });
        Object value;
        try {
            value = awaitUninterruptibly(result);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
        }
        lastValue = value;
        return valueString(value);
    }

    private static Object awaitUninterruptibly(Future<Object> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Interrupts the running cell, if any: code that checks the interrupt flag (training does, every step) stops. */
    void interruptCell() {
        Thread t = running;
        if (t != null) {
            InterruptGate.interrupt(t);
        }
    }

    /** The value of the last snippet run, and forgets it. */
    Object takeLastValue() {
        Object v = lastValue;
        lastValue = null;
        return v;
    }

    @Override
    public void stop() {
        interruptCell();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        super.close();
    }
}
