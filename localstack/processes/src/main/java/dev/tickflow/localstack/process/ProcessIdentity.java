package dev.tickflow.localstack.process;

import java.time.Instant;
import java.util.Optional;

/**
 * A process as the kernel knows it: its id and the instant it started. Process ids are reused; the pair is not, so a
 * process found by this identity is the very process it was taken from, never an unrelated one that got the same id.
 * Written as {@code PID@START}, for example {@code 4711@2026-12-05T17:12:26.340Z}.
 */
public record ProcessIdentity(long pid, Instant start) {

    public static ProcessIdentity current() {
        return of(ProcessHandle.current()).orElseThrow(() -> new IllegalStateException("This JVM's start instant is unknown"));
    }

    /** The identity of a live process; empty if it is gone or the system does not tell its start instant. */
    public static Optional<ProcessIdentity> of(ProcessHandle process) {
        return process.info().startInstant().map(start -> new ProcessIdentity(process.pid(), start));
    }

    /** Reads {@code PID@START}. */
    public static ProcessIdentity parse(String text) {
        int at = text.indexOf('@');
        if (at < 1) {
            throw new IllegalArgumentException("Not PID@START: '" + text + "'");
        }
        return new ProcessIdentity(Long.parseLong(text.substring(0, at)), Instant.parse(text.substring(at + 1)));
    }

    /** The process, if it is still running: same id and same start instant. */
    public Optional<ProcessHandle> running() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().startInstant().filter(start::equals).isPresent());
    }

    @Override
    public String toString() {
        return pid + "@" + start;
    }
}
