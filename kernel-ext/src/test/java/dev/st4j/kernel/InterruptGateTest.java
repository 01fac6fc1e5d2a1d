package dev.st4j.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A cell's interrupt never lands inside an output send, and is never lost. */
class InterruptGateTest {
    @Test
    void aSendRunsWithTheFlagHeldAsideAndTheFlagComesBack() {
        Thread.currentThread().interrupt();
        AtomicBoolean seenInSend = new AtomicBoolean(true);
        InterruptGate.send(() -> seenInSend.set(Thread.currentThread().isInterrupted()));
        assertFalse(seenInSend.get(), "JeroMQ never sees an interrupted thread");
        assertTrue(Thread.interrupted(), "the interrupt is kept for the training loop");
    }

    @Test
    void anInterruptArrivingDuringASendWaitsForItAndIsKept() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        AtomicBoolean interruptedInSend = new AtomicBoolean();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        AtomicBoolean delivered = new AtomicBoolean();
        Thread cell = new Thread(() -> {
            InterruptGate.send(() -> {
                sending.countDown();
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (System.nanoTime() < end) {
                    if (Thread.currentThread().isInterrupted()) {
                        interruptedInSend.set(true);
                    }
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!delivered.get() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        cell.start();
        assertTrue(sending.await(10, TimeUnit.SECONDS));
        Thread control = new Thread(() -> {
            InterruptGate.interrupt(cell);
            delivered.set(true);
        });
        control.start();
        control.join(10_000);
        cell.join(10_000);
        assertFalse(interruptedInSend.get(), "the interrupt waited for the send");
        assertTrue(interruptedAfter.get(), "and then reached the cell");
    }
}
