package dev.tickflow.runtime;

import dev.tickflow.topics.HopStamps;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * The {@value #METER} timers of a service, one per {@link HopStamps.Hop} it ends, tagged {@code hop}: Prometheus
 * histogram buckets from 1 ms to 1 min on {@code /metrics} (p50/p99 by {@code histogram_quantile}), count, sum and max. Processors record into Micrometer's global
 * registry, to which {@link ServiceMetrics} adds the service's own; without one (tests, the bench) nothing is kept.
 */
public final class HopLatency {
    public static final String METER = "tickflow.hop.latency";

    private final Map<HopStamps.Hop, Timer> timers = new EnumMap<>(HopStamps.Hop.class);

    /** The timers of the hops that end in this service. */
    public HopLatency(HopStamps.Hop... hops) {
        for (HopStamps.Hop hop : hops) {
            timers.put(hop, Timer.builder(METER)
                    .description("Time from one stamp of the live pipeline to the next (record headers tickflow.hop.*)")
                    .tag("hop", hop.label())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(1))
                    .register(Metrics.globalRegistry));
        }
    }

    /** Records each of this service's hops that the headers carry both stamps of; a negative span (clocks apart) is recorded as 0. */
    public void record(Headers headers) {
        timers.forEach((hop, timer) -> hop.millis(headers).ifPresent(ms -> timer.record(Duration.ofMillis(Math.max(0, ms)))));
    }
}
