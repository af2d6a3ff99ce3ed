package dev.tickflow.executor;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.binance.BinanceVenueSettings;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.runtime.fixtures.CommittedReader;
import dev.tickflow.runtime.fixtures.ServiceFixtures;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.schema.Trade;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.binance.FakeSpotExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One executor service under test: its seven topics (unique names), its settings (written as a properties file for a
 * service process, or loaded in-process), a signal and trade producer, and a read_committed reader of its output.
 */
final class ExecutorFixture {
    static final int PARTITIONS = 3;
    static final String SYMBOL = "BTCUSDT";
    static final String INSTANCE = "A";
    /**
     * The records carry timestamps of fixed past dates (and the executor's output inherits them): with the broker's
     * default 7-day retention, its first retention check (30 s after it starts) would delete them mid-test.
     */
    static final Map<String, String> KEEP_OLD_RECORDS = Map.of("retention.ms", "-1");

    final String trades;
    final String signals;
    final String orders;
    final String fills;
    final String positions;
    final String commands;
    final String operational;
    final String applicationId;
    private final Map<String, String> settings;
    private final KafkaBroker broker;
    private final ApicurioRegistry registry;
    private final Path dir;

    ExecutorFixture(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics, Path dir) {
        this.broker = broker;
        this.registry = registry;
        this.dir = dir;
        this.trades = topics.create("md.trades", PARTITIONS, KEEP_OLD_RECORDS);
        this.signals = topics.create("strategy.signals", PARTITIONS, KEEP_OLD_RECORDS);
        this.orders = topics.create("oms.orders", PARTITIONS, KEEP_OLD_RECORDS);
        this.fills = topics.create("oms.fills", PARTITIONS, KEEP_OLD_RECORDS);
        this.positions = topics.create("oms.positions", PARTITIONS, KEEP_OLD_RECORDS);
        this.commands = topics.create("control.operator", 1, KEEP_OLD_RECORDS);
        this.operational = topics.create("ops.events", PARTITIONS, KEEP_OLD_RECORDS);
        this.applicationId = topics.name("executor");
        this.settings = ServiceFixtures.baseSettings(broker, registry, applicationId, dir);
        settings.put("topic.md.trades.name", trades);
        settings.put("topic.strategy.signals.name", signals);
        settings.put("topic.oms.orders.name", orders);
        settings.put("topic.oms.fills.name", fills);
        settings.put("topic.oms.positions.name", positions);
        settings.put("topic.control.operator.name", commands);
        settings.put("topic.ops.events.name", operational);
    }

    /** Sets (or replaces) a setting of the service. */
    ExecutorFixture set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /**
     * Settings of an executor process on the binance venue against {@code restUrl} (the fake exchange), the secret in a
     * file, answers waited for up to 120 s (a test kills the process while the fake holds one back).
     */
    ExecutorFixture onBinanceProcess(String restUrl) throws IOException {
        Path secretFile = Files.writeString(dir.resolve("binance.secret"), FakeSpotExchange.DEFAULT_SECRET + "\n");
        return set(ExecutorSettings.BROKER, ExecutorSettings.VENUE_BINANCE)
                .set(BinanceVenueSettings.REST_URL, restUrl)
                .set(BinanceVenueSettings.API_KEY, FakeSpotExchange.DEFAULT_API_KEY)
                .set(BinanceVenueSettings.API_SECRET_FILE, secretFile.toString())
                .set(BinanceVenueSettings.READ_TIMEOUT_MS, "120000");
    }

    /** The settings as the service's properties file. */
    Path writeConfig(String name) {
        return ServiceFixtures.writeProperties(settings, dir.resolve(name), "executor service under test");
    }

    /** The settings as the service loads them, with {@code environment} (TICKFLOW_* variables) over them. */
    TickflowConfig config(Map<String, String> environment) {
        return TickflowConfig.load(Optional.of(writeConfig("executor.properties")), environment, ExecutorSettings.definition());
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value).setScale(8, RoundingMode.UNNECESSARY);
    }

    static Trade trade(String price, Instant time) {
        return Trade.newBuilder().setExchange("binance").setSymbol(SYMBOL).setTradeId(time.toEpochMilli()).setFirstTradeId(time.toEpochMilli())
                .setLastTradeId(time.toEpochMilli()).setPrice(decimal(price)).setQuantity(decimal("0.5")).setTradeTime(time)
                .setBuyerIsMaker(false).setEventTime(time).setIngestTime(time).build();
    }

    /** A signal of instance A on the candle that opens at {@code openTime}, created at its close. */
    static Signal signal(Instant openTime, TargetPosition target, String price) {
        return Signal.newBuilder().setSignalId(INSTANCE + ":" + SYMBOL + ":" + openTime.toEpochMilli()).setStrategyInstance(INSTANCE)
                .setSymbol(SYMBOL).setCandleOpenTime(openTime).setTarget(target)
                .setReason(target == TargetPosition.LONG ? SignalReason.CROSS_UP : SignalReason.CROSS_DOWN)
                .setPrice(decimal(price)).setCreatedAt(openTime.plusMillis(59_999)).build();
    }

    /** The TICKFLOW_* variables of an executor on the binance venue with the fake exchange's credentials. */
    static Map<String, String> binanceEnvironment() {
        return Map.of(
                "TICKFLOW_EXECUTOR_BROKER", "binance",
                BinanceVenueSettings.API_KEY_ENV, FakeSpotExchange.DEFAULT_API_KEY,
                BinanceVenueSettings.API_SECRET_ENV, FakeSpotExchange.DEFAULT_SECRET);
    }

    /** The first event of {@code signal}'s order with {@code status} on oms.orders, once it is there. */
    OrderEvent awaitEvent(Signal signal, OrderStatus status, Duration timeout) {
        String clientOrderId = ClientOrderIds.of(signal.getSignalId());
        List<OrderEvent> events = read(orders, OrderEvent.class,
                read -> read.stream().anyMatch(e -> e.getClientOrderId().equals(clientOrderId) && e.getStatus() == status), timeout, Duration.ZERO);
        return events.stream().filter(e -> e.getClientOrderId().equals(clientOrderId) && e.getStatus() == status).findFirst()
                .orElseThrow(() -> new AssertionError("no " + status + " event for " + signal.getSignalId() + " in " + events));
    }

    void produceTrade(Trade trade) {
        produce(trades, trade.getSymbol(), trade, trade.getTradeTime());
    }

    void produceSignal(Signal signal) {
        produce(signals, signal.getSymbol(), signal, signal.getCreatedAt());
    }

    /** A signal into the given partition of strategy.signals, whatever its key would choose. */
    void produceSignal(Signal signal, int partition) {
        ServiceFixtures.produce(broker, registry, List.of(new ProducerRecord<>(signals, partition, signal.getCreatedAt().toEpochMilli(),
                signal.getSymbol(), signal)));
    }

    void produceCommand(OperatorCommand command) {
        produce(commands, command.getStrategyInstance(), command, command.getRequestedAt());
    }

    private <T extends SpecificRecord> void produce(String topic, String key, T value, Instant timestamp) {
        ServiceFixtures.produce(broker, registry, List.of(new ProducerRecord<>(topic, null, timestamp.toEpochMilli(), key, value)));
    }

    /**
     * Reads a topic from the beginning with read_committed until {@code done} holds for what was read (then for
     * {@code settle} more, to catch duplicates) or {@code timeout} passes. Records of one symbol keep their order.
     */
    <T> List<T> read(String topic, Class<T> type, Predicate<List<T>> done, Duration timeout, Duration settle) {
        return CommittedReader.read(broker.bootstrapServers(), registry.confluentApiUrl(), topic, PARTITIONS, type, done, timeout, settle);
    }
}
