package dev.st4j.kernel;

/**
 * Keeps a cell's interrupt and its output apart. A training cell sends figures through JeroMQ on its own thread;
 * JeroMQ fails a socket call on an interrupted thread (EINTR) and clears the flag as it does. So a send runs with
 * the flag held aside and set again after, and an interrupt waits until a send in progress is done: none is lost,
 * and training still stops at its next step.
 */
final class InterruptGate {
    private static final Object TURN = new Object();

    private InterruptGate() {}

    /** Interrupts {@code thread}, once no output is being sent. */
    static void interrupt(Thread thread) {
        synchronized (TURN) {
            thread.interrupt();
        }
    }

    /** Runs {@code send} with this thread's interrupt flag held aside, then sets it again if it was set. */
    static void send(Runnable send) {
        synchronized (TURN) {
            boolean interrupted = Thread.interrupted();
            try {
                send.run();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
