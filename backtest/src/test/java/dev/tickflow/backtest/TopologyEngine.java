package dev.tickflow.backtest;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.serde.MockSchemaRegistry;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.topics.TopicCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The reference engine: the services' own topologies, each in a TopologyTestDriver, every record through the real Avro
 * serdes against a {@code mock://} registry private to this engine, state in the topologies' stores. This is how the
 * backtest ran before {@link InMemoryEngine}, which must give the same files byte for byte. One engine per run.
 */
final class TopologyEngine implements BacktestEngine, AutoCloseable {
    private final CandleTopology topology;
    private final String scope = "backtest-reference-" + UUID.randomUUID();
    private final Map<String, Object> serdeConfig = Map.of(ConfigKeys.SCHEMA_REGISTRY_URL, "mock://" + scope);
    private final Path stateDir;

    TopologyEngine() {
        this(AggregateCandleTopology.INSTANCE);
    }

    TopologyEngine(CandleTopology topology) {
        this.topology = topology;
        try {
            this.stateDir = Files.createTempDirectory("tickflow-reference-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Candles candles(TopicCatalog topics, Duration grace) {
        return new CandleReplay(topology, new AggregateSettings(topics, grace, serdeConfig), stateDir.resolve("candles"));
    }

    @Override
    public Strategies strategies(StrategySettings settings, StrategySink sink) {
        StrategySettings own = new StrategySettings(settings.topics(), settings.interval(), settings.instances(), serdeConfig);
        return new StrategyReplay(own, stateDir.resolve("strategy"), sink);
    }

    @Override
    public Executor executor(ExecutorSettings settings, ExecutionSink sink) {
        ExecutorSettings own = new ExecutorSettings(settings.topics(), ExecutorSettings.VENUE_PAPER, settings.orderType(),
                settings.limitOffsetBps(), settings.timeInForce(), settings.limitExpiry(), settings.sizing(), settings.risk(),
                settings.paperFeeRate(), settings.paperSlippageBps(), settings.paperFilters(), settings.refreshInterval(), serdeConfig);
        return new ExecutorReplay(own, stateDir.resolve("executor"), sink);
    }

    @Override
    public void close() {
        MockSchemaRegistry.dropScope(scope);
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // leftover state of a finished run is harmless
        }
    }
}
