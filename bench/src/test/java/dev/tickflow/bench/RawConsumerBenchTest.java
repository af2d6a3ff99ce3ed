package dev.tickflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Parsing ConsumerPerformance's output as kafka-tools 4.3.1 prints it. */
class RawConsumerBenchTest {
    private static final String HEADER = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
            + "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";

    @Test
    void readsTheRecordsAndRatesByColumnName() {
        RawConsumerBench.Result result = RawConsumerBench.parse(HEADER + "\n"
                + "2026-11-21 16:10:15:890, 2026-11-21 16:10:18:099, 214.2, 96.9, 3000000, 1358081.3, 410, 1799, 119.0, 1667593.1\n");
        assertThat(result.records()).isEqualTo(3_000_000);
        assertThat(result.recordsPerSecond()).isEqualTo(1_358_081.3);
        assertThat(result.fetchRecordsPerSecond()).isEqualTo(1_667_593.1);
    }

    @Test
    void anEarlyStopIsAnErrorEvenWhenAWarningSitsBetweenHeaderAndValues() {
        String output = HEADER + "\n"
                + "WARNING: Exiting before consuming the expected number of records: timeout (60000 ms) exceeded. You can use the --timeout option to increase the timeout.\n"
                + "2026-11-21 16:10:15:890, 2026-11-21 16:11:25:348, 154.6006, 2.2258, 2165131, 31171.8017, 980, 68478, 2.2577, 31617.9065\n";
        assertThatThrownBy(() -> RawConsumerBench.parse(output)).hasMessageContaining("stopped early (2165131 records)");
        assertThatThrownBy(() -> RawConsumerBench.parse("nothing")).hasMessageContaining("printed no result");
    }
}
