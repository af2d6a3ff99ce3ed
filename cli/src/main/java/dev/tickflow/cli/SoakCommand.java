package dev.tickflow.cli;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.api.ApiSettings;
import dev.tickflow.bench.soak.SoakMonitor;
import dev.tickflow.bench.soak.SoakReport;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.localstack.LocalService;
import dev.tickflow.localstack.LocalServices;
import dev.tickflow.localstack.TickflowHome;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.topics.TopicCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Watch a running 'tickflow up' for a long run: every --interval, the heap (used, old generation) and resident"
                + " memory of each process it started and its share of time in GC pauses, the consumer lag of the aggregate, strategy,"
                + " executor and API, and the close-to-order"
                + " latency of the new orders (from the candle's end plus the grace to the order's first event on oms.orders).",
                "Example, 2,000 simulated symbols in real time for 30 minutes (in another terminal first: ./tickflow up --speed 1"
                        + " --symbols \"$(./tickflow bench soak --print-symbols 2000)\"):",
                "  ./tickflow bench soak --duration 30m",
                "The last line is the summary: soak: minutes=<n> orders=<n> close_to_order_p50_ms=<n> close_to_order_p99_ms=<n>"
                        + " <process>_max_heap_mb=<n> ... <group>_lag=steady|growing(<first third median>-><last third median>,max<n>)"})
final class SoakCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--duration", defaultValue = "30m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long to watch (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--interval", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Time between samples (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory of the 'tickflow up' to watch (default: .tickflow in the Tickflow directory).")
    Path dataDir;

    @Option(names = "--print-symbols", paramLabel = "N", description = "Only print N simulated symbol names, comma-separated, for 'tickflow up --symbols', and exit.")
    Integer printSymbols;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (printSymbols != null) {
            out.println(String.join(",", simulatedSymbols(printSymbols)));
            return 0;
        }
        if (duration.isNegative() || duration.isZero() || interval.isNegative() || interval.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration and --interval must be positive");
        }
        Path run = (dataDir != null ? dataDir : TickflowHome.directory().resolve(".tickflow")).toAbsolutePath().resolve("run");
        List<String> processes = processes(run);
        if (processes.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No process of 'tickflow up' in " + run
                    + ": start './tickflow up' first (or point --data-dir at its data directory)");
        }
        TickflowConfig loaded = config.load(AggregateSettings.definition());
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("aggregate", AggregateSettings.APPLICATION_ID);
        groups.put("strategy", StrategySettings.APPLICATION_ID);
        groups.put("executor", ExecutorSettings.APPLICATION_ID);
        Optional<URI> apiHealth = processes.contains(LocalServices.API)
                ? Optional.of(URI.create("http://127.0.0.1:" + config.load(ApiSettings.definition()).getInt(ApiSettings.PORT) + LocalService.HEALTH_PATH))
                : Optional.empty();
        Instant start = Instant.now();
        SoakReport report = SoakMonitor.run(Map.copyOf(loaded.kafkaClientProperties()), Map.copyOf(loaded.serdeProperties()),
                TopicCatalog.from(loaded).orders().name(), loaded.getLong(AggregateSettings.GRACE_MS), run, processes, groups, apiHealth,
                duration, interval, out);
        out.println(report.summary(Duration.between(start, Instant.now())));
        return 0;
    }

    /** The processes with a pid file in {@code run}, by name (kafka, registry, ingest, aggregate, ...). */
    private static List<String> processes(Path run) {
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pid"))
                    .map(name -> name.substring(0, name.length() - ".pid".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + run + ": " + e.getMessage(), e);
        }
    }

    /** S0001USDT, S0002USDT, ...: names the simulator invents a market for. */
    static List<String> simulatedSymbols(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("S%04dUSDT", i)).toList();
    }
}
