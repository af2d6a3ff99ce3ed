package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tickflow bench} end to end with tiny sizes: its own broker, all phases, the result line. No timing is asserted. */
class BenchCommandIT {
    @TempDir
    Path dir;

    @Test
    void runsEveryPhaseAndEndsWithTheResultLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TickflowCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("bench", "--trades", "3000", "--symbols", "5", "--backtest-trades", "3000",
                "--latency-symbols", "5", "--latency-minutes", "1", "--work-dir", dir.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("bench: aggregate_tps=[1-9][0-9]* raw_consumer_rps=[1-9][0-9]* "
                + "ratio=[0-9]+\\.[0-9]{2} backtest_tps=[1-9][0-9]* "
                + "backtest_warmup_tps=[1-9][0-9]* backtest_cached_tps=[1-9][0-9]* close_to_order_p50_ms=-?[0-9]+\\.[0-9] close_to_order_p99_ms=-?[0-9]+\\.[0-9] "
                + "noop_eos_tps=[1-9][0-9]* dsl_tps=[1-9][0-9]*"
                + "( (close_to_candle|candle_to_signal|signal_to_executor|executor_to_placed)_p(50|99)_ms=-?[0-9]+\\.[0-9]){8}");
        assertThat(out.toString())
                .contains("raw consumer: 3,000 records")
                .containsPattern("aggregate: 3,000 trades in .* [1-9][0-9,]* 1m candles, 0 late trades")
                .contains("trades:       3,000")
                .containsPattern("backtest round \\(from the trade cache 3\\): ")
                .containsPattern("latency: [1-9][0-9]* orders, close \\(minute end \\+ grace\\) to order at the paper broker")
                .containsPattern("latency hops: close-to-candle p50 -?[0-9]+ ms p99 -?[0-9]+ ms \\([1-9][0-9]*\\), candle-to-signal .*, "
                        + "signal-to-executor .*, executor-to-placed .*, close-to-order ")
                .containsPattern("latency by minute: [0-2][0-9]:[0-5][0-9]( warm-up)? p50 -?[0-9]+ ms max -?[0-9]+ ms \\([1-9][0-9]*\\)");
    }
}
