package dev.tickflow.api;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends a client's messages asynchronously with at most {@code maxQueued} of them not yet written: a client that falls
 * further behind is given up ({@code onOverflow}) instead of growing the server's memory without bound.
 */
final class BoundedSender {
    /** An asynchronous write that calls {@code done} once the message is written or has failed. */
    interface AsyncWrite {
        void write(String message, Runnable done);
    }

    private final AsyncWrite write;
    private final int maxQueued;
    private final Consumer<Integer> onOverflow;
    private final AtomicInteger queued = new AtomicInteger();

    BoundedSender(AsyncWrite write, int maxQueued, Consumer<Integer> onOverflow) {
        this.write = write;
        this.maxQueued = maxQueued;
        this.onOverflow = onOverflow;
    }

    /** Queues the message; false (and the client given up) when {@code maxQueued} are already waiting. */
    boolean send(String message) {
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            onOverflow.accept(maxQueued);
            return false;
        }
        try {
            write.write(message, queued::decrementAndGet);
            return true;
        } catch (RuntimeException closed) {
            queued.decrementAndGet();
            return false;
        }
    }

    int queued() {
        return queued.get();
    }
}
