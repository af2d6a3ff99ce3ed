package dev.tickflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.runtime.fixtures.CommittedReader;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.Trade;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One chaos scenario from start to verdict: the pipeline started on fresh topics with the live feed; the fault once the
 * pipeline is mid-stream (its first fill is out); the feed running on until every symbol has a 1m candle two minutes
 * past the end of the disturbance; then the trades in md.trades read back, the undisturbed run computed from them and
 * the live outputs compared with it ({@link OutputComparison}). Every process of the scenario is killed at the end,
 * whatever happened.
 */
final class ChaosScenario {
    /** The feed's first fill: warm-up of the strategies (three 1m candles) and a crossover. */
    private static final Duration FIRST_FILL_WITHIN = Duration.ofMinutes(8);
    /** Minutes of trade time after the disturbance, so that signals, orders and fills follow it. */
    private static final Duration AFTER_FAULT = Duration.ofMinutes(2);
    private static final Duration AFTER_FAULT_WITHIN = Duration.ofMinutes(7);

    private ChaosScenario() {
    }

    static void run(BrokerAndRegistry infrastructure, String name, Path dir, Fault fault) throws Exception {
        try (PipelineStack stack = PipelineStack.create(infrastructure, name, dir)) {
            stack.startAll();
            log(name, "pipeline running, waiting for its first fill");
            awaitFirstFill(stack);
            log(name, "first fill out: injecting the fault");
            fault.inject(stack);
            long faultOver = System.currentTimeMillis();
            log(name, "fault over, waiting for two more minutes of candles");
            awaitMinuteCandlesFrom(stack, Math.floorDiv(faultOver, 60_000) * 60_000 + AFTER_FAULT.toMillis());

            Map<Integer, List<Trade>> trades = TopicSnapshot.trades(infrastructure.bootstrapServers(), infrastructure.registryUrl(),
                    stack.topics().trades().name());
            UndisturbedRun expected = UndisturbedRun.of(trades, stack.topics(), AggregateSettings.from(stack.config(PipelineService.AGGREGATE)).grace(),
                    StrategySettings.from(stack.config(PipelineService.STRATEGY)), ExecutorSettings.from(stack.config(PipelineService.EXECUTOR)),
                    dir.resolve("undisturbed"));
            log(name, "undisturbed run computed up to " + Instant.ofEpochMilli(expected.range().end()) + ", comparing");
            assertThat(UndisturbedRun.total(expected.fills())).as("fills in the compared range (the scenario must trade)").isPositive();
            new OutputComparison(stack, expected).assertSameAsUndisturbed();
            log(name, "identical");
        }
    }

    private static void awaitFirstFill(PipelineStack stack) {
        TopicSpec fills = stack.topics().fills();
        List<Fill> read = CommittedReader.read(stack.infrastructure().bootstrapServers(), stack.infrastructure().registryUrl(), fills.name(),
                fills.partitions(), Fill.class, list -> !list.isEmpty(), FIRST_FILL_WITHIN, Duration.ZERO);
        assertThat(read).as("a fill within %s of the feed's start (the fault must land mid-stream)", FIRST_FILL_WITHIN).isNotEmpty();
    }

    /** Waits until every symbol has its 1m candle of the minute opening at {@code openTime} (or a later one). */
    private static void awaitMinuteCandlesFrom(PipelineStack stack, long openTime) {
        TopicSpec minutes = stack.topics().candles(CandleInterval.ONE_MINUTE);
        List<Candle> read = CommittedReader.read(stack.infrastructure().bootstrapServers(), stack.infrastructure().registryUrl(), minutes.name(),
                minutes.partitions(), Candle.class, list -> everySymbolFrom(list, openTime), AFTER_FAULT_WITHIN, Duration.ZERO);
        assertThat(everySymbolFrom(read, openTime)).as("every symbol's 1m candle of %s after the fault", Instant.ofEpochMilli(openTime)).isTrue();
    }

    private static boolean everySymbolFrom(List<Candle> candles, long openTime) {
        return PipelineStack.SYMBOLS.stream().allMatch(symbol -> candles.stream()
                .anyMatch(candle -> candle.getSymbol().equals(symbol) && candle.getOpenTime().toEpochMilli() >= openTime));
    }

    static void log(String scenario, String message) {
        System.out.printf("%s [%s] %s%n", Instant.now(), scenario, message);
    }
}
