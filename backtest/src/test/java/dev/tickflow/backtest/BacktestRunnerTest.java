package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.ingest.replay.MalformedLinePolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestRunnerTest {
    @TempDir
    Path dir;

    @Test
    void reportsProgressAndASummary() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            lines.append(i).append(",1.5,2,").append(i).append(',').append(i).append(',').append(CandleReplayTest.T0 + i * 10L)
                    .append(",True,True\n");
        }
        Path trades = Files.writeString(dir.resolve("XRPETH-aggTrades-2023-11-14.csv"), lines);
        AtomicLong nanos = new AtomicLong();
        StringWriter progress = new StringWriter();
        BacktestRunner runner = new BacktestRunner(InMemoryEngine.INSTANCE, new PrintWriter(progress),
                () -> nanos.addAndGet(6_000_000_000L));

        BacktestResult result = runner.run(new BacktestRequest(List.of(trades), "XRPETH", dir.resolve("out"),
                TopicCatalogs.withIntervals("1m", "5m"), Duration.ofSeconds(5), MalformedLinePolicy.FAIL, Duration.ofSeconds(5)));

        assertThat(progress.toString().lines()).hasSize(2).allMatch(line -> line.matches(
                "backtest: [0-9,]+ trades read, [0-9.]+% of 0\\.1 MB, [0-9,]+ trades/s, ETA [0-9]{2}:[0-9]{2}"));
        assertThat(progress.toString()).startsWith("backtest: 1,024 trades read, ");
        assertThat(result.replay().trades()).isEqualTo(3_000);
        assertThat(result.summary()).contains("trades:       3,000", "candles:      1m 1, 5m 0");
        assertThat(result.candleFiles().keySet()).extracting(Object::toString).containsExactly("1m", "5m");
    }
}
