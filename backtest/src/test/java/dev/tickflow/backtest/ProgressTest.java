package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter out = new StringWriter();

    @Test
    void estimatesTheTimeLeftFromTheShareOfBytesRead() {
        assertThat(Progress.eta(250, 1_000, Duration.ofSeconds(10))).isEqualTo("00:30");
        assertThat(Progress.eta(1, 1_000, Duration.ofSeconds(10))).isEqualTo("2:46:30");
        assertThat(Progress.eta(1_000, 1_000, Duration.ofSeconds(10))).isEqualTo("00:00");
        assertThat(Progress.eta(0, 1_000, Duration.ofSeconds(10))).isEqualTo("?");
    }

    @Test
    void printsALineEverySoOftenWhenNotATerminal() {
        readFourMegabytes(false, new long[] {4, 1_024, 1_000_000}, new long[] {10, 2_048, 1_000_000});

        assertThat(out.toString()).isEqualTo("backtest: 2,048 trades read, 25.0% of 4.0 MB, 204 trades/s, ETA 00:30" + System.lineSeparator());
    }

    @Test
    void redrawsOneLineWithABarOnATerminal() {
        readFourMegabytes(true, new long[] {1, 1_024, 1_000_000}, new long[] {2, 2_048, 2_000_000});

        assertThat(out.toString()).isEqualTo(
                "\rbacktest [######..................] 1,024 trades read, 25.0% of 4.0 MB, 1,024 trades/s, ETA 00:03"
                + "\rbacktest [############............] 2,048 trades read, 50.0% of 4.0 MB, 1,024 trades/s, ETA 00:02"
                + "\rbacktest [########################] 4,096 trades read, 100.0% of 4.0 MB, 2,048 trades/s, ETA 00:00"
                + System.lineSeparator());
    }

    /** Each step: {second, trades, bytes}; then the end, 4,096 trades of the 4 MB. */
    private void readFourMegabytes(boolean terminal, long[]... steps) {
        Progress progress = new Progress(new PrintWriter(out), Duration.ofSeconds(5), nanos::get, "trades", 4_000_000, terminal);
        for (long[] step : steps) {
            nanos.set(Duration.ofSeconds(step[0]).toNanos());
            progress.read(step[1], step[2]);
        }
        progress.finished(4_096, 4_000_000);
    }
}
