package dev.tickflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.backtest.FillCsvWriter;
import dev.tickflow.backtest.OrderCsvWriter;
import dev.tickflow.backtest.SignalCsvWriter;
import dev.tickflow.runtime.fixtures.CommittedReader;
import dev.tickflow.runtime.fixtures.Endpoints;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import dev.tickflow.topics.TopicSpec;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * The live run's committed outputs against the undisturbed run, inside the compared range: candles of every interval
 * (every Avro field, as text), signals, orders and fills (every field the backtest writes, as text), positions (net
 * quantity and fees: their marks depend on which trades arrive after a fill, see docs/executor.md), plus no late trade
 * where the undisturbed run had none, nothing on the DLQ, no client order id placed twice, and every service healthy.
 */
final class OutputComparison {
    /**
     * How long the live outputs may take, all topics together, to reach the compared range once the trades are read: one
     * deadline for the whole comparison, so that a run that never catches up fails in minutes, with its differences.
     */
    private static final Duration CATCH_UP = Duration.ofMinutes(4);
    /** What each read gets at least, after the deadline: enough to read what is there. */
    private static final Duration LAST_LOOK = Duration.ofSeconds(10);
    /** How long to keep reading after the expected count is reached, to see duplicates. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final PipelineStack stack;
    private final UndisturbedRun expected;
    private final String bootstrap;
    private final String registry;
    private final long deadline = System.nanoTime() + CATCH_UP.toNanos();

    OutputComparison(PipelineStack stack, UndisturbedRun expected) {
        this.stack = stack;
        this.expected = expected;
        this.bootstrap = stack.infrastructure().bootstrapServers();
        this.registry = stack.infrastructure().registryUrl();
    }

    void assertSameAsUndisturbed() throws Exception {
        TopicCatalog topics = stack.topics();
        ComparedRange range = expected.range();
        SoftAssertions softly = new SoftAssertions();

        for (CandleInterval interval : topics.candleIntervals()) {
            int count = expected.candleCount(interval.name());
            List<Candle> live = read(topics.candles(interval), Candle.class,
                    read -> read.stream().filter(candle -> range.containsWindowClosingAt(candle.getCloseTime().toEpochMilli())).count() >= count);
            Map<String, List<String>> liveBySymbol = new TreeMap<>();
            live.stream().filter(candle -> range.containsWindowClosingAt(candle.getCloseTime().toEpochMilli()))
                    .forEach(candle -> liveBySymbol.computeIfAbsent(candle.getSymbol(), s -> new ArrayList<>()).add(candle.toString()));
            Map<String, List<String>> expectedBySymbol = new TreeMap<>();
            expected.candles().getOrDefault(interval.name(), Map.of())
                    .forEach((symbol, candles) -> expectedBySymbol.put(symbol, candles.stream().map(Candle::toString).toList()));
            softly.assertThat(liveBySymbol).as("%s candles closing before %s", interval.name(), range.end()).isEqualTo(expectedBySymbol);
        }

        int signalCount = UndisturbedRun.total(expected.signals());
        int orderCount = UndisturbedRun.total(expected.orders());
        int fillCount = UndisturbedRun.total(expected.fills());
        List<Signal> signals = read(topics.signals(), Signal.class,
                read -> read.stream().filter(s -> s.getCandleOpenTime().toEpochMilli() <= range.lastMinuteOpen()).count() >= signalCount);
        List<Fill> fills = read(topics.fills(), Fill.class,
                read -> read.stream().filter(f -> f.getTradeTime().toEpochMilli() <= range.lastMillisecond()).count() >= fillCount);
        List<OrderEvent> orders = read(topics.orders(), OrderEvent.class,
                read -> read.stream().filter(o -> o.getEventTime().toEpochMilli() <= range.lastMillisecond()).count() >= orderCount);
        Map<String, BigDecimal> feesByOrder = new HashMap<>();
        fills.forEach(fill -> feesByOrder.merge(fill.getClientOrderId(), fill.getCommission(), BigDecimal::add));
        for (String symbol : PipelineStack.SYMBOLS) {
            List<String> liveSignals = CsvRows.upTo(CsvRows.written(SignalCsvWriter::new,
                    signals.stream().filter(s -> s.getSymbol().equals(symbol)).toList()), CsvRows.SIGNAL_TIME, range.lastMinuteOpen());
            List<String> liveOrders = CsvRows.upTo(CsvRows.written(OrderCsvWriter::new, orders.stream().filter(o -> o.getSymbol().equals(symbol))
                    .map(order -> new OrderCsvWriter.Row(order, feesByOrder.get(order.getClientOrderId()))).toList()),
                    CsvRows.ORDER_TIME, range.lastMillisecond());
            List<String> liveFills = CsvRows.upTo(CsvRows.written(FillCsvWriter::new,
                    fills.stream().filter(f -> f.getSymbol().equals(symbol)).toList()), CsvRows.FILL_TIME, range.lastMillisecond());
            softly.assertThat(liveSignals).as("signals of %s", symbol).containsExactlyElementsOf(expected.signals().getOrDefault(symbol, List.of()));
            softly.assertThat(liveOrders).as("orders of %s", symbol).containsExactlyElementsOf(expected.orders().getOrDefault(symbol, List.of()));
            softly.assertThat(liveFills).as("fills of %s", symbol).containsExactlyElementsOf(expected.fills().getOrDefault(symbol, List.of()));
        }

        Map<String, List<String>> statusesByOrder = orders.stream().collect(Collectors.groupingBy(OrderEvent::getClientOrderId,
                TreeMap::new, Collectors.mapping(order -> String.valueOf(order.getStatus()), Collectors.toList())));
        statusesByOrder.forEach((clientOrderId, statuses) -> softly.assertThat(statuses)
                .as("order events of client order id %s (each state once: never placed twice)", clientOrderId).doesNotHaveDuplicates());
        softly.assertThat(statusesByOrder.values().stream().filter(statuses -> statuses.stream().filter("NEW"::equals).count() > 1).count())
                .as("client order ids that appear twice as NEW").isZero();

        assertPositions(softly, topics.positions(), range);

        int late = TopicSnapshot.count(bootstrap, topics.tradesLate().name());
        if (expected.lateTrades() == 0) {
            softly.assertThat(late).as("trades on md.trades.late (none were late in the undisturbed run)").isZero();
        }
        softly.assertThat(TopicSnapshot.count(bootstrap, topics.tradesDlq().name())).as("records on md.trades.dlq").isZero();

        for (Map.Entry<PipelineService, URI> health : stack.healthEndpoints().entrySet()) {
            softly.assertThat(health.getValue()).as("%s printed its health endpoint", health.getKey()).isNotNull();
            if (health.getValue() == null) {
                continue;
            }
            if (health.getKey() == PipelineService.INGEST) {
                softly.assertThat(stack.jvm(PipelineService.INGEST).answersUp(health.getValue())).as("ingest healthy at the end").isTrue();
            } else {
                try {
                    Endpoints.assertServingRunning(health.getValue().resolve("/"), health.getKey().id());
                } catch (AssertionError e) {
                    softly.fail(health.getKey() + " healthy and RUNNING at the end: " + e.getMessage());
                }
            }
        }
        System.out.printf("compared up to %s: %d trades, %d late in the undisturbed run, %d on md.trades.late; %d 1m candles, %d signals,"
                        + " %d orders, %d fills expected%n", java.time.Instant.ofEpochMilli(range.end()), expected.trades(), expected.lateTrades(), late,
                expected.candleCount("1m"), signalCount, orderCount, fillCount);
        softly.assertAll();
    }

    /** The last position of each (instance, symbol) at or before the range's end: the net quantity and fees of the expected fills. */
    private void assertPositions(SoftAssertions softly, TopicSpec topic, ComparedRange range) {
        Map<String, BigDecimal[]> expectedPositions = expected.positions();
        List<Position> positions = CommittedReader.read(bootstrap, registry, topic.name(), topic.partitions(), Position.class,
                read -> true, remaining(), SETTLE);
        Map<String, Position> last = new LinkedHashMap<>();
        positions.stream().filter(position -> position.getUpdatedAt().toEpochMilli() <= range.lastMillisecond())
                .forEach(position -> last.put(position.getStrategyInstance() + "/" + position.getSymbol(), position));
        expectedPositions.forEach((key, quantityAndFees) -> {
            Position live = last.get(key);
            softly.assertThat(live).as("position of %s", key).isNotNull();
            if (live != null) {
                softly.assertThat(live.getQuantity()).as("quantity of %s", key).isEqualByComparingTo(quantityAndFees[0]);
                softly.assertThat(live.getFees()).as("fees of %s", key).isEqualByComparingTo(quantityAndFees[1]);
            }
        });
        last.forEach((key, position) -> {
            if (!expectedPositions.containsKey(key)) {
                softly.assertThat(position.getQuantity()).as("quantity of %s, which has no expected fill", key).isEqualByComparingTo(BigDecimal.ZERO);
            }
        });
    }

    private <T> List<T> read(TopicSpec topic, Class<T> type, Predicate<List<T>> done) {
        return CommittedReader.read(bootstrap, registry, topic.name(), topic.partitions(), type, done, remaining(), SETTLE);
    }

    private Duration remaining() {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        return left.compareTo(LAST_LOOK) < 0 ? LAST_LOOK : left;
    }
}
