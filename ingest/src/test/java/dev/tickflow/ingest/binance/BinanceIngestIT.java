package dev.tickflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.ingest.IngestRunner;
import dev.tickflow.ingest.IngestSettings;
import dev.tickflow.ingest.IngestStats;
import dev.tickflow.ingest.IngestTestSupport;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import dev.tickflow.testkit.binance.FakeBinance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole ingest path with {@code ingest.source=binance}: FakeBinance on 127.0.0.1 → IngestRunner (BinanceSource,
 * TradeSink, SymbolControl) → md.trades on a real broker, Avro through a real registry. Every case reads md.trades
 * back and checks the exact trade ids per symbol, in order.
 */
@WithKafka
@WithSchemaRegistry
@Timeout(60)
class BinanceIngestIT {

    private static final String BTC = "BTCUSDT";
    private static final String ETH = "ETHUSDT";

    private KafkaBroker broker;
    private ApicurioRegistry registry;
    private String tradesTopic;
    private String controlTopic;
    private FakeBinance fake;
    private IngestStats stats;
    private IngestRunner runner;
    private final Map<String, List<Long>> expected = new LinkedHashMap<>();

    @BeforeEach
    void setUp(KafkaBroker broker, TestTopics topics, ApicurioRegistry registry) {
        this.broker = broker;
        this.registry = registry;
        tradesTopic = topics.create("md.trades", 3);
        controlTopic = topics.create("control.symbols", 1, Map.of("cleanup.policy", "compact"));
        fake = new FakeBinance();
    }

    @AfterEach
    void tearDown() {
        if (runner != null) {
            runner.close();
        }
        fake.close();
    }

    private void start(Duration silenceTimeout) throws TimeoutException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("kafka.bootstrap.servers", broker.bootstrapServers());
        keys.put("schema.registry.url", registry.confluentApiUrl());
        keys.put(IngestSettings.SOURCE, IngestSettings.BINANCE);
        keys.put(IngestSettings.SYMBOLS, BTC);
        keys.put("topic.md.trades.name", tradesTopic);
        keys.put("topic.control.symbols.name", controlTopic);
        keys.put(BinanceSourceSettings.STREAM_URL, fake.streamUrl());
        keys.put(BinanceSourceSettings.REST_URL, fake.restUrl());
        keys.put(BinanceSourceSettings.SILENCE_TIMEOUT_MS, String.valueOf(silenceTimeout.toMillis()));
        keys.put(BinanceSourceSettings.BACKOFF_MIN_MS, "20");
        keys.put(BinanceSourceSettings.BACKOFF_MAX_MS, "100");
        keys.put(BinanceSourceSettings.MIN_CONNECT_INTERVAL_MS, "20");
        keys.put(BinanceSourceSettings.REST_RETRY_BACKOFF_MS, "10");
        keys.put(IngestSettings.WATERMARK_INTERVAL_MS, "50");
        stats = new IngestStats();
        int connectionsBefore = fake.connectionCount();
        runner = new IngestRunner(IngestTestSupport.settings(keys), stats, Duration.ofSeconds(10));
        runner.start();
        fake.awaitConnection(connectionsBefore + 1, BTC);
    }

    private void start() throws TimeoutException {
        start(Duration.ofSeconds(30));
    }

    private BinanceSource source() {
        return (BinanceSource) runner.source();
    }

    /** Remembers ids the topic must hold, in this order, for their symbol. */
    private List<Long> expect(String symbol, List<Long> ids) {
        expected.computeIfAbsent(symbol, s -> new ArrayList<>()).addAll(ids);
        return ids;
    }

    /** Waits until the producer has every expected trade acknowledged. */
    private void awaitWritten() throws TimeoutException {
        FakeBinance.await(Duration.ofSeconds(30), () -> expected.entrySet().stream()
                .allMatch(e -> stats.of(e.getKey()).trades() >= e.getValue().size()));
    }

    /** Reads md.trades back once every trade is acknowledged; it must hold exactly the expected ids per symbol, in order. */
    private void assertTopicHoldsExactlyTheExpectedIds() throws TimeoutException {
        awaitWritten();
        int total = expected.values().stream().mapToInt(List::size).sum();
        Map<String, List<Long>> read = IngestTestSupport.idsBySymbol(
                IngestTestSupport.readAll(broker.bootstrapServers(), tradesTopic, registry.confluentApiUrl()));
        assertThat(read).isEqualTo(expected);
        assertThat(stats.trades()).isEqualTo(total);
    }

    /**
     * {@code before} BTC trades, written; then {@code fault}, the trades {@code during} it, the reconnect and
     * {@code after} more trades: every one of them is expected in md.trades.
     */
    private void tradeAcross(int before, Runnable fault, Supplier<List<Long>> during, int after) throws Exception {
        expect(BTC, fake.trade(BTC, before));
        awaitWritten();
        fault.run();
        expect(BTC, during.get());
        fake.awaitConnection(2, BTC);
        expect(BTC, fake.trade(BTC, after));
    }

    @Test
    void normalStream() throws Exception {
        start();
        expect(BTC, fake.trade(BTC, 200));

        assertTopicHoldsExactlyTheExpectedIds();
        assertThat(source().malformedMessages()).isZero();
        assertThat(source().reconnects()).isZero();
    }

    @Test
    void droppedConnection() throws Exception {
        start();
        tradeAcross(20, fake::dropConnections, () -> fake.trade(BTC, 20), 20);

        assertTopicHoldsExactlyTheExpectedIds();
        assertThat(source().reconnects()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void silentConnection() throws Exception {
        start(Duration.ofMillis(300));
        tradeAcross(20, fake::silenceConnections, () -> fake.trade(BTC, 20), 20);

        assertTopicHoldsExactlyTheExpectedIds();
        assertThat(source().reconnects()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void serverShutdown() throws Exception {
        start();
        tradeAcross(20, fake::sendServerShutdown, List::of, 20);

        assertTopicHoldsExactlyTheExpectedIds();
        assertThat(source().reconnects()).isEqualTo(1);
        assertThat(source().malformedMessages()).isZero();
    }

    @Test
    void tradesMissedDuringAReconnectComeFromRest() throws Exception {
        start();
        tradeAcross(10, fake::dropConnections, () -> fake.tradeOffStream(BTC, 2_345), 10);

        assertTopicHoldsExactlyTheExpectedIds();
        SymbolProgress progress = source().progress(BTC).orElseThrow();
        assertThat(progress.backfilledTrades()).isGreaterThanOrEqualTo(2_345);
        assertThat(progress.gapsFilled()).isGreaterThanOrEqualTo(1);
        assertThat(progress.gapsReported()).isZero();
        assertThat(runner.sourceProgress().get(BTC).gapsFilled()).isEqualTo(progress.gapsFilled());
        assertThat(runner.reconnects()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void overlapBetweenBackfillAndStreamIsWrittenOnce() throws Exception {
        fake.replayOnConnect(8);
        start();
        tradeAcross(10, fake::dropConnections, () -> fake.trade(BTC, 5), 5);

        assertTopicHoldsExactlyTheExpectedIds();
        assertThat(source().progress(BTC).orElseThrow().duplicatesDropped()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void malformedMessagesAreCountedAndTheStreamContinues() throws Exception {
        start();
        expect(BTC, fake.trade(BTC, 10));
        fake.sendRaw("not json at all");
        fake.sendRaw("[1,2,3]");
        fake.sendRaw("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1}}");
        fake.sendRaw("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\","
                + "\"a\":999999,\"p\":\"abc\",\"q\":\"1\",\"f\":1,\"l\":1,\"T\":1,\"m\":true,\"M\":true}}");
        expect(BTC, fake.trade(BTC, 10));

        assertTopicHoldsExactlyTheExpectedIds();
        assertThat(source().malformedMessages()).isEqualTo(4);
        assertThat(runner.malformed()).isEqualTo(4);
        assertThat(fake.connectionCount()).isEqualTo(1);
    }

    @Test
    void symbolAddedAndRemovedThroughControlSymbols() throws Exception {
        start();
        String bootstrap = broker.bootstrapServers();
        String registryUrl = registry.confluentApiUrl();
        expect(BTC, fake.trade(BTC, 10));
        awaitWritten();

        IngestTestSupport.sendCommand(bootstrap, controlTopic, registryUrl, ETH, true);
        fake.awaitConnection(2, BTC, ETH);
        expect(ETH, fake.trade(ETH, 10));
        expect(BTC, fake.trade(BTC, 10));
        awaitWritten();

        IngestTestSupport.sendCommand(bootstrap, controlTopic, registryUrl, ETH, null);
        fake.awaitConnection(3, BTC);
        assertThat(fake.lastStreams()).containsExactly("btcusdt@aggTrade");
        fake.trade(ETH, 10);
        expect(BTC, fake.trade(BTC, 10));

        assertTopicHoldsExactlyTheExpectedIds();
        assertThat(source().progress()).containsOnlyKeys(BTC);
    }

    /** Stops ingest (the fake keeps trading: {@code downtime} trades only REST can give) and starts it again. */
    private void restartAcross(int downtime) throws Exception {
        expect(BTC, fake.trade(BTC, 40));
        awaitWritten();
        runner.close();
        runner = null;
        expect(BTC, fake.trade(BTC, downtime));
        start();
        expect(BTC, fake.trade(BTC, 20));
        List<Long> all = expected.get(BTC);
        FakeBinance.await(Duration.ofSeconds(40), () -> stats.of(BTC).trades() >= downtime + 20);
        Map<String, List<Long>> read = IngestTestSupport.idsBySymbol(
                IngestTestSupport.readAll(broker.bootstrapServers(), tradesTopic, registry.confluentApiUrl()));
        assertThat(read).isEqualTo(Map.of(BTC, all));
        assertThat(stats.trades()).isEqualTo(downtime + 20);
    }

    @Test
    void aRestartedIngestResumesAfterTheLastTradeInMdTradesWithNoIdMissingOrRepeated() throws Exception {
        fake.stampTradesWithWallClock();
        start();
        restartAcross(2_345);

        assertThat(source().progress(BTC).orElseThrow().backfilledTrades()).isGreaterThanOrEqualTo(2_345);
        assertThat(source().progress(BTC).orElseThrow().gapsReported()).isZero();
        List<IngestTestSupport.StoredRecord> records = IngestTestSupport.readRecords(broker.bootstrapServers(), tradesTopic,
                registry.confluentApiUrl());
        FakeBinance.await(Duration.ofSeconds(10), () -> IngestTestSupport.watermarksPerPartition(
                IngestTestSupport.readRecords(broker.bootstrapServers(), tradesTopic, registry.confluentApiUrl()), 3) >= 2);
        // backfilled trades (eventTime = tradeTime) were held back for: no watermark past them comes before them
        IngestTestSupport.assertWatermarksCoverTheTradesBeforeThem(records,
                r -> r.trade().getEventTime().equals(r.trade().getTradeTime()));
    }
}
