package dev.tickflow.serde;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
  * Whether the schema registries are available, as the serde's calls see them: an outage of a registry starts with
  * the first call that finds it unavailable and ends with its next answer. It counts the serde's waits (each back-off
  * before a retry) and logs each outage at its start, at most every {@link #LOG_INTERVAL} while it lasts, and at its
  * end, rather than once per failed request. The services publish {@link #shared()} as metrics and in their health.
  */
public final class RegistryAvailability {

    static final Duration LOG_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(RegistryAvailability.class);
    private static final RegistryAvailability SHARED = new RegistryAvailability(Clock.systemUTC());

    private final Clock clock;
    private final AtomicLong waits = new AtomicLong();
    private final Map<String, Outage> outages = new HashMap<>();

    private static final class Outage {
        final Instant start;
        final long waitsBefore;
        Instant lastLogged;

        Outage(Instant start, long waitsBefore) {
            this.start = start;
            this.waitsBefore = waitsBefore;
            this.lastLogged = start;
        }
    }

    RegistryAvailability(Clock clock) {
        this.clock = clock;
    }

    /** The one every registry client of this JVM reports to. */
    public static RegistryAvailability shared() {
        return SHARED;
    }

    /**
      * A request found {@code registry} unavailable; starts its outage if none is under way.
      *
      * @return whether this was logged (at the start of an outage, then at most every {@link #LOG_INTERVAL})
      */
    synchronized boolean unavailable(String registry, String operation, String reason) {
        Instant now = clock.instant();
        Outage outage = outages.get(registry);
        if (outage == null) {
            outages.put(registry, new Outage(now, waits.get()));
            LOG.warn("Schema registry {} is unavailable (could not {}: {}). Waiting for it with back-off: records are"
                    + " neither skipped nor dead-lettered meanwhile.", registry, operation, RegistryUrl.redact(reason));
            return true;
        }
        if (!now.isBefore(outage.lastLogged.plus(LOG_INTERVAL))) {
            outage.lastLogged = now;
            LOG.warn("Schema registry {} still unavailable after {} s ({} waits so far; last: could not {}: {}).", registry,
                    Duration.between(outage.start, now).toSeconds(), waits.get() - outage.waitsBefore, operation,
                    RegistryUrl.redact(reason));
            return true;
        }
        return false;
    }

    /** {@code registry} answered (whatever the answer): ends its outage, if one is under way. */
    synchronized void answered(String registry) {
        Outage outage = outages.remove(registry);
        if (outage != null) {
            LOG.info("Schema registry {} is available again after {} s ({} waits).", registry,
                    Duration.between(outage.start, clock.instant()).toSeconds(), waits.get() - outage.waitsBefore);
        }
    }

    /** A call backs off before retrying an unavailable registry. */
    void waiting() {
        waits.incrementAndGet();
    }

    /** How many times the serde has backed off waiting for a registry, since the JVM started. */
    public long waits() {
        return waits.get();
    }

    /** How long the oldest outage under way has lasted, or empty while every registry answers. */
    public synchronized Optional<Duration> currentOutage() {
        Instant now = clock.instant();
        return outages.values().stream().map(o -> Duration.between(o.start, now)).max(Duration::compareTo);
    }
}
