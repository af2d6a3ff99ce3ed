package dev.tickflow.ingest;

import java.time.Duration;

/** Stopping the worker thread of a source or follower from another thread. */
public final class WorkerThreads {
    private WorkerThreads() {
    }

    /** Interrupts {@code worker} (unless it is the caller) and waits up to {@code grace} for it to end. */
    public static void interruptAndJoin(Thread worker, Duration grace) {
        if (worker == null || worker == Thread.currentThread()) {
            return;
        }
        worker.interrupt();
        join(worker, grace);
    }

    /** Waits up to {@code grace} for {@code worker} to end; keeps the caller's interrupt status. */
    public static void join(Thread worker, Duration grace) {
        try {
            worker.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
