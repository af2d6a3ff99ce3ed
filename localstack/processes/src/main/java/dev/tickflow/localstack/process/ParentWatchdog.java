package dev.tickflow.localstack.process;

import java.time.Duration;
import java.util.Optional;

/**
 * Stops this JVM when the process that started it is gone, whatever ended it (a SIGKILL included, where the parent's
 * shutdown hooks never run): {@link System#exit} first, so the JVM's own shutdown hooks close it cleanly, then
 * {@link Runtime#halt} if that has not finished within {@link #EXIT_BOUND}.
 *
 * <p>The parent is named by its {@link ProcessIdentity}, not by {@link ProcessHandle#parent()}: an orphan is
 * re-parented (to init or a subreaper), so its parent never disappears.
 */
final class ParentWatchdog implements Runnable {
    static final Duration POLL_INTERVAL = Duration.ofMillis(300);
    static final Duration EXIT_BOUND = Duration.ofSeconds(30);
    static final int EXIT_CODE = 1;

    private final ProcessIdentity parent;

    private ParentWatchdog(ProcessIdentity parent) {
        this.parent = parent;
    }

    /** Starts watching {@code parent} on a daemon thread. */
    static void watch(ProcessIdentity parent) {
        Thread thread = new Thread(new ParentWatchdog(parent), "tickflow-parent-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        Optional<ProcessHandle> process = parent.running();
        while (process.isPresent() && process.get().isAlive()) {
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
        System.err.println("tickflow: the process that started this one (" + parent + ") is gone; stopping.");
        Thread halt = new Thread(ParentWatchdog::haltAfterBound, "tickflow-parent-watchdog-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(EXIT_CODE);
    }

    private static void haltAfterBound() {
        try {
            Thread.sleep(EXIT_BOUND.toMillis());
        } catch (InterruptedException e) {
            // halt now
        }
        System.err.println("tickflow: did not stop within " + EXIT_BOUND.toSeconds() + " s of its parent; halting.");
        Runtime.getRuntime().halt(EXIT_CODE);
    }
}
