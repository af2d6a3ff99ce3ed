package dev.tickflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.topics.HopStamps;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The hop timers a processor records reach the service's /metrics text as Prometheus histograms. */
class HopLatencyTest {

    @Test
    void aServicesHopsAppearInItsScrapeAsHistograms() {
        try (ServiceMetrics metrics = new ServiceMetrics("hop-test")) {
            HopLatency hops = new HopLatency(HopStamps.Hop.CANDLE_TO_SIGNAL);
            Headers headers = new RecordHeaders();
            HopStamps.stamp(headers, HopStamps.CANDLE_PRODUCED, 10_000);
            HopStamps.stamp(headers, HopStamps.SIGNAL_PRODUCED, 10_040);
            hops.record(headers);
            hops.record(new RecordHeaders());

            String scrape = metrics.scrape();

            assertThat(scrape)
                    .contains("tickflow_hop_latency_seconds_count{hop=\"candle-to-signal\",service=\"hop-test\"} 1")
                    .contains("tickflow_hop_latency_seconds_sum{hop=\"candle-to-signal\",service=\"hop-test\"} 0.04")
                    .contains("tickflow_hop_latency_seconds_bucket{hop=\"candle-to-signal\",service=\"hop-test\",le=\"0.039146836\"} 0")
                    .contains("tickflow_hop_latency_seconds_bucket{hop=\"candle-to-signal\",service=\"hop-test\",le=\"0.044739241\"} 1");
        }
    }

    @Test
    void withoutAServiceNothingIsKeptAndNothingFails() {
        HopLatency hops = new HopLatency(HopStamps.Hop.CLOSE_TO_CANDLE);
        Headers headers = new RecordHeaders();
        HopStamps.stamp(headers, HopStamps.WINDOW_CLOSABLE, 10_000);
        HopStamps.stamp(headers, HopStamps.CANDLE_PRODUCED, 10_010);
        hops.record(headers);

        try (ServiceMetrics metrics = new ServiceMetrics("later")) {
            assertThat(metrics.scrape()).doesNotContain("close-to-candle\",service=\"later\"} 1");
        }
    }
}
