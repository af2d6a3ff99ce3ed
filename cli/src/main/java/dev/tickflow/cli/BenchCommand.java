package dev.tickflow.cli;

import dev.tickflow.bench.Bench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {JmhCommand.class, SoakCommand.class},
        description = {"Measure the pipeline on this machine in one reproducible run: the aggregation topology on a real local"
                + " broker with exactly_once_v2 (trades/s), Kafka's own ConsumerPerformance on the same topic and the ratio of the"
                + " two, the backtest's trades/s (warm-up apart, warm median, and from the trade cache), and the live pipeline's latency from a minute's close to its order at the paper"
                + " broker (p50/p99), also per hop (close to candle, candle to signal, signal to executor, executor to placement).",
                "Starts its own broker in a temporary directory. Progress goes to stdout; the last line is the result:",
                "bench: aggregate_tps=<n> raw_consumer_rps=<n> ratio=<x> backtest_tps=<n> backtest_warmup_tps=<n> backtest_cached_tps=<n>"
                        + " close_to_order_p50_ms=<n> close_to_order_p99_ms=<n> noop_eos_tps=<n> dsl_tps=<n>"
                        + " close_to_candle_p50_ms=<n> close_to_candle_p99_ms=<n> candle_to_signal_p50_ms=<n> candle_to_signal_p99_ms=<n>"
                        + " signal_to_executor_p50_ms=<n> signal_to_executor_p99_ms=<n> executor_to_placed_p50_ms=<n> executor_to_placed_p99_ms=<n>",
                "The micro-benchmarks (JMH) run with 'tickflow bench jmh'; a long run of 'tickflow up' is watched with 'tickflow bench soak'."},
        commandListHeading = "%nCommands:%n")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--trades", paramLabel = "N", defaultValue = "3000000",
            description = "Simulated trades for the aggregation run (default: ${DEFAULT-VALUE}).")
    long trades;

    @Option(names = "--symbols", paramLabel = "N", defaultValue = "100", description = "Symbols they are spread over (default: ${DEFAULT-VALUE}).")
    int symbols;

    @Option(names = "--backtest-trades", paramLabel = "N", defaultValue = "2000000",
            description = "Simulated trades of one symbol for the backtest run (default: ${DEFAULT-VALUE}).")
    long backtestTrades;

    @Option(names = "--stream-threads", paramLabel = "N", defaultValue = "1",
            description = "Stream threads of the aggregation (default: ${DEFAULT-VALUE}, the service's default).")
    int streamThreads;

    @Option(names = "--latency-symbols", paramLabel = "N", defaultValue = "50",
            description = "Symbols of the live close-to-order run, each giving an order every minute (default: ${DEFAULT-VALUE}).")
    int latencySymbols;

    @Option(names = "--latency-minutes", paramLabel = "N", defaultValue = "3",
            description = "Minutes whose orders the live close-to-order run measures; it lasts up to three minutes more (two of them warm-up) plus the grace "
                    + "(default: ${DEFAULT-VALUE}; 0 skips it: n/a).")
    int latencyMinutes;

    @Option(names = "--ladder-rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds of the throughput ladder (raw consumer, consumer + Avro, no-op EOS topology, DSL OHLC, Tickflow);"
                    + " the figures are the medians (default: ${DEFAULT-VALUE}).")
    int ladderRounds;

    @Option(names = "--ladder-only", description = "Run only the throughput ladder (no latency or backtest run); ends with the ladder: line.")
    boolean ladderOnly;

    @Option(names = "--latency-only", description = "Run only the live close-to-order run (no ladder or backtest); ends with the latency hops: line.")
    boolean latencyOnly;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the broker's data and the backtest files go (default: a temporary directory, deleted at the end).")
    Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (trades < 1 || symbols < 1 || backtestTrades < 1 || streamThreads < 1 || latencySymbols < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--trades, --symbols, --backtest-trades, --stream-threads and --latency-symbols must be at least 1");
        }
        if (latencyMinutes < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--latency-minutes must be 0 or more");
        }
        if (latencyOnly && (ladderOnly || latencyMinutes == 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--latency-only needs --latency-minutes of 1 or more and no --ladder-only");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (ladderRounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ladder-rounds must be at least 1");
        }
        new Bench(trades, symbols, backtestTrades, streamThreads, latencySymbols, latencyMinutes, workDir, out)
                .ladder(ladderRounds, ladderOnly).latencyOnly(latencyOnly).run();
        return 0;
    }
}
