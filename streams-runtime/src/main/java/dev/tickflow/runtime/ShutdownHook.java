package dev.tickflow.runtime;

/** How a service's {@code run()} waits for its end: a shutdown hook closes it when the JVM is asked to stop (SIGTERM, Ctrl+C). */
public final class ShutdownHook {

    /** Blocks until the service has stopped; returns its exit code. */
    @FunctionalInterface
    public interface Termination {
        int await() throws InterruptedException;
    }

    private ShutdownHook() {
    }

    /**
     * Registers {@code close} as a shutdown hook, waits for {@code termination} ({@code interruptedExitCode} when
     * interrupted), then removes the hook, unless the JVM is running it already, and closes.
     */
    public static int awaitStop(String service, Runnable close, Termination termination, int interruptedExitCode) {
        Thread hook = new Thread(close, service + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int exitCode;
        try {
            exitCode = termination.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = interruptedExitCode;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already and closes everything
        }
        close.run();
        return exitCode;
    }
}
