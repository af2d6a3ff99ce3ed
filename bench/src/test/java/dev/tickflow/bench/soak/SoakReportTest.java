package dev.tickflow.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakReportTest {
    private static final long MB = 1024 * 1024;

    @Test
    void readsTheHeapOfASerialCollectorsAnswer() {
        String serial = """
                12345:
                 def new generation   total 9792K, used 3000K [0x00000000f6000000, 0x00000000f6aa0000, 0x00000000f9550000)
                  eden space 8704K,  30% used [0x00000000f6000000, 0x00000000f6880000, 0x00000000f6880000)
                 tenured generation   total 21668K, used 12000K [0x00000000f9550000, 0x00000000faa79000, 0x0000000100000000)
                 Metaspace       used 30000K, committed 30400K, reserved 1114112K
                """;
        ServiceMemory.Heap heap = ServiceMemory.parseHeapInfo(serial);
        assertThat(heap.used()).isEqualTo(15000L * 1024);
        assertThat(heap.oldUsed()).isEqualTo(12000L * 1024);
        assertThat(heap.committed()).isEqualTo((9792L + 21668L) * 1024);
    }

    @Test
    void readsTheHeapOfG1sAnswerAndRefusesAnAnswerWithoutOne() {
        ServiceMemory.Heap heap = ServiceMemory.parseHeapInfo(" garbage-first heap   total 262144K, used 51200K [0x0, 0x0)\n"
                + "  region size 1024K, 20 young (20480K), 2 survivors (2048K)\n Metaspace       used 1000K, committed 1100K, reserved 1056768K\n");
        assertThat(heap.used()).isEqualTo(51200L * 1024).isEqualTo(heap.oldUsed());
        assertThatThrownBy(() -> ServiceMemory.parseHeapInfo("12345:\nCould not attach")).hasMessageContaining("No heap");
    }

    @Test
    void readsTheResidentSetOfProcStatus() {
        assertThat(ServiceMemory.parseRss("Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  250880 kB\nThreads:\t40\n")).isEqualTo(245 * MB);
    }

    @Test
    void readsTheApisLagFromItsHealthWhetherItIsUpOrNot() throws Exception {
        assertThat(ApiLag.consumerLag("{\"status\":\"UP\",\"caughtUp\":true,\"consumerLag\":4812,\"skippedRecords\":0}")).isEqualTo(4812);
        assertThat(ApiLag.consumerLag("{\"status\":\"CATCHING_UP\",\"consumerLag\":777766}")).isEqualTo(777766);
        assertThatThrownBy(() -> ApiLag.consumerLag("{\"status\":\"DOWN\"}")).hasMessageContaining("no consumerLag");
    }

    @Test
    void takesTheCandleOfAnOrderFromItsSignalId() {
        assertThat(CloseToOrderLatencies.candleOpenMillis("A:BTCUSDT:1795268220000")).isEqualTo(1795268220000L);
        assertThat(CloseToOrderLatencies.candleOpenMillis(null)).isNull();
        assertThat(CloseToOrderLatencies.candleOpenMillis("operator:cancel-all")).isNull();
    }

    @Test
    void measuresEachOrderOnceFromTheEarliestCloseOfItsCandleAndOnlyCountsOrdersAheadOfTheClock() {
        CloseToOrderLatencies latencies = new CloseToOrderLatencies(2_000);
        long candleOpen = 1795268220000L;
        long earliestClose = candleOpen + 60_000 + 2_000;
        latencies.observe("tf-1", "A:BTCUSDT:" + candleOpen, earliestClose + 850);
        latencies.observe("tf-1", "A:BTCUSDT:" + candleOpen, earliestClose + 900);
        latencies.observe("tf-2", "operator:cancel-all", earliestClose);
        latencies.observe("tf-3", "B:BTCUSDT:" + candleOpen, earliestClose - 1);

        assertThat(latencies.drain()).containsExactly(850L);
        assertThat(latencies.drain()).isEmpty();
        assertThat(latencies.aheadOfTheClock()).isEqualTo(1);
    }

    @Test
    void aLagThatKeepsRisingIsGrowingAndOneThatComesAndGoesIsSteady() {
        SoakReport report = new SoakReport();
        long[] aggregate = {100, 200, 40_000, 300, 150, 250};
        long[] executor = {0, 1_000, 8_000, 20_000, 40_000, 90_000};
        double[] gcSeconds = {3, 3.6, 4.2, 31.2, 31.8, 32.4};
        for (int i = 0; i < aggregate.length; i++) {
            report.add(new SoakReport.Sample(Instant.parse("2026-12-06T03:00:00Z").plusSeconds(60L * i),
                    List.of(new ServiceMemory("aggregate", 1, (50 + i) * MB, 30 * MB, 100 * MB, 240 * MB,
                            new ServiceMemory.GcTime(gcSeconds[i], 300 + 60 * i))),
                    lags(aggregate[i], executor[i]), List.of(100L + i, 200L)));
            if (i == 0) {
                assertThat(report.lastLine()).isEqualTo("03:00:00 | orders 2 p50 100 ms p99 200 ms | lag aggregate 100 executor 0"
                        + " | heap/old/rss MB, % in GC aggregate 50/30/240 1.0%");
            }
        }
        assertThat(report.lagTrends()).containsEntry("aggregate", "steady(200->250,max40000)")
                .containsEntry("executor", "growing(1000->90000,max90000)");
        String summary = report.summary(Duration.ofMinutes(6));
        assertThat(summary).startsWith("soak: minutes=6.0 samples=6 orders=12 close_to_order_p50_ms=105 close_to_order_p99_ms=200")
                .contains("aggregate_max_heap_mb=55", "aggregate_max_old_mb=30", "aggregate_max_rss_mb=240", "aggregate_max_gc_pct=45.0");
        assertThat(report.lastLine()).endsWith("aggregate 55/30/240 1.0%");
    }

    @Test
    void readsTheTimeInCollectionPausesAndTheUptimeOfTheJvmsCounters() {
        ServiceMemory.GcTime gc = ServiceMemory.parseGcTime("""
                sun.gc.collector.0.invocations=2276
                sun.gc.collector.0.name="Serial young collection pauses"
                sun.gc.collector.0.time=9693581467
                sun.gc.collector.1.name="Serial full collection pauses"
                sun.gc.collector.1.time=284830408910
                sun.os.hrt.frequency=1000000000
                sun.os.hrt.ticks=1965827251277
                """);
        assertThat(gc.pausedSeconds()).isCloseTo(294.523990377, within(1e-9));
        assertThat(gc.uptimeSeconds()).isCloseTo(1965.827251277, within(1e-9));
        assertThat(gc.percentSince(new ServiceMemory.GcTime(284.523990377, 1945.827251277))).isCloseTo(50.0, within(1e-6));
        assertThatThrownBy(() -> ServiceMemory.parseGcTime("sun.gc.collector.0.time=1\n")).hasMessageContaining("sun.os.hrt");
    }

    private static Map<String, Long> lags(long aggregate, long executor) {
        Map<String, Long> lags = new LinkedHashMap<>();
        lags.put("aggregate", aggregate);
        lags.put("executor", executor);
        return lags;
    }
}
