package dev.tickflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Trade;
import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeBinance.RestRequest;
import dev.tickflow.testkit.binance.FakeBinance.ScriptedAnswer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** BinanceSource with the real connector against FakeBinance on 127.0.0.1. */
@Timeout(60)
class BinanceSourceTest {

    private static final String BTC = "BTCUSDT";
    private static final String ETH = "ETHUSDT";
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    /** FakeBinance's trade time of its first trade (id 1000): 2026-01-01 plus 10 ms per id. */
    private static final long FAKE_TRADE_TIME_OF_FIRST = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() + 1000 * 10;

    private FakeBinance fake;
    private BinanceSource source;
    private final TradeCollector collector = new TradeCollector();

    @BeforeEach
    void startFake() {
        fake = new FakeBinance();
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        fake.close();
    }

    private BinanceSourceSettings settings(Duration silenceTimeout) {
        return BinanceSourceSettings.testnet()
                .withUrls(fake.streamUrl(), fake.restUrl())
                .withTimings(silenceTimeout, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(20),
                        Duration.ofMillis(10));
    }

    private void start(BinanceSourceSettings settings, String... symbols) throws TimeoutException {
        source = new BinanceSource(settings, Clock.fixed(NOW, ZoneOffset.UTC));
        for (String symbol : symbols) {
            source.subscribe(symbol);
        }
        source.start(collector);
        fake.awaitConnection(1, symbols);
    }

    private void start(String... symbols) throws TimeoutException {
        start(settings(Duration.ofSeconds(5)), symbols);
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void deliversANormalStreamInOrder() throws Exception {
        start(BTC);
        List<Long> ids = fake.trade(BTC, 50);
        collector.awaitLast(BTC, ids.get(49));

        assertThat(collector.ids(BTC)).isEqualTo(ids);
        Trade first = collector.trades(BTC).get(0);
        assertThat(first.getExchange()).isEqualTo("binance");
        assertThat(first.getSymbol()).isEqualTo(BTC);
        assertThat(first.getFirstTradeId()).isEqualTo(ids.get(0) * 3);
        assertThat(first.getLastTradeId()).isEqualTo(ids.get(0) * 3 + 2);
        assertThat(first.getPrice()).isEqualTo(new BigDecimal("20000.01000000"));
        assertThat(first.getQuantity()).isEqualTo(new BigDecimal("0.00700000"));
        assertThat(first.getEventTime()).isEqualTo(first.getTradeTime().plusMillis(1));
        assertThat(first.getIngestTime()).isEqualTo(NOW);
        assertThat(first.getBuyerIsMaker()).isTrue();
        assertThat(collector.gaps).isEmpty();
        assertThat(source.malformedMessages()).isZero();
        assertThat(fake.connectionCount()).isEqualTo(1);
        SymbolProgress progress = source.progress(BTC).orElseThrow();
        assertThat(progress.trades()).isEqualTo(50);
        assertThat(progress.lastTradeId()).isEqualTo(ids.get(49));
        assertThat(progress.lastTradeTime()).isEqualTo(collector.trades(BTC).get(49).getTradeTime());
    }

    /** Ten trades, {@code fault}, ten during it, the reconnect, ten after: all arrive once, in order, with no gap. */
    private void assertEveryTradeArrivesAcross(Runnable fault) throws Exception {
        List<Long> before = fake.trade(BTC, 10);
        collector.awaitLast(BTC, before.get(9));

        fault.run();
        List<Long> during = fake.trade(BTC, 10);
        fake.awaitConnection(2, BTC);
        List<Long> after = fake.trade(BTC, 10);
        collector.awaitLast(BTC, after.get(9));

        assertThat(collector.ids(BTC)).isEqualTo(concat(concat(before, during), after));
        assertThat(collector.gaps).isEmpty();
        assertThat(source.reconnects()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reconnectsAfterADroppedConnectionAndBackfillsWhatWasMissed() throws Exception {
        start(BTC);
        assertEveryTradeArrivesAcross(fake::dropConnections);
    }

    @Test
    void catchesUpFromRestRightAfterReconnectingWithoutNewStreamTrades() throws Exception {
        start(BTC);
        List<Long> before = fake.trade(BTC, 5);
        collector.awaitLast(BTC, before.get(4));

        fake.dropConnections();
        List<Long> during = fake.tradeOffStream(BTC, 2_345);
        collector.awaitLast(BTC, during.get(during.size() - 1));

        assertThat(collector.ids(BTC)).isEqualTo(concat(before, during));
        assertThat(source.progress(BTC).orElseThrow().backfilledTrades()).isEqualTo(2_345);
        assertThat(fake.restRequests()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void replacesASilentConnection() throws Exception {
        start(settings(Duration.ofMillis(300)), BTC);
        assertEveryTradeArrivesAcross(fake::silenceConnections);
    }

    @Test
    void movesToANewConnectionOnServerShutdown() throws Exception {
        start(BTC);
        List<Long> before = fake.trade(BTC, 10);
        collector.awaitLast(BTC, before.get(9));

        fake.sendServerShutdown();
        fake.awaitConnection(2, BTC);
        List<Long> after = fake.trade(BTC, 10);
        collector.awaitLast(BTC, after.get(9));

        assertThat(collector.ids(BTC)).isEqualTo(concat(before, after));
        assertThat(source.malformedMessages()).isZero();
        assertThat(source.reconnects()).isEqualTo(1);
        assertThat(source.progress(BTC).orElseThrow().reconnects()).isEqualTo(1);
    }

    @Test
    void fillsTradesTheStreamSkippedFromRestInPages() throws Exception {
        start(BTC);
        List<Long> before = fake.trade(BTC, 10);
        List<Long> skipped = fake.tradeOffStream(BTC, 2_500);
        List<Long> after = fake.trade(BTC, 10);
        collector.awaitLast(BTC, after.get(9));

        assertThat(collector.ids(BTC)).isEqualTo(concat(concat(before, skipped), after));
        SymbolProgress progress = source.progress(BTC).orElseThrow();
        assertThat(progress.backfilledTrades()).isEqualTo(2_500);
        assertThat(progress.gapsFilled()).isEqualTo(1);
        assertThat(progress.gapsReported()).isZero();
        assertThat(fake.restRequests()).isEqualTo(3);
        assertThat(fake.connectionCount()).isEqualTo(1);
        Trade backfilled = collector.trades(BTC).get(10);
        assertThat(backfilled.getEventTime()).isEqualTo(backfilled.getTradeTime());
    }

    @Test
    void dropsTheOverlapBetweenBackfillAndStream() throws Exception {
        fake.replayOnConnect(8);
        start(BTC);
        List<Long> before = fake.trade(BTC, 10);
        collector.awaitLast(BTC, before.get(9));

        fake.dropConnections();
        List<Long> during = fake.trade(BTC, 5);
        fake.awaitConnection(2, BTC);
        List<Long> after = fake.trade(BTC, 5);
        collector.awaitLast(BTC, after.get(4));

        assertThat(collector.ids(BTC)).isEqualTo(concat(concat(before, during), after));
        assertThat(collector.gaps).isEmpty();
        assertThat(source.progress(BTC).orElseThrow().duplicatesDropped()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void countsMalformedMessagesAndKeepsGoing() throws Exception {
        start(BTC);
        List<Long> before = fake.trade(BTC, 5);
        fake.sendRaw("not json at all");
        fake.sendRaw("[1,2,3]");
        fake.sendRaw("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1}}");
        fake.sendRaw("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"s\":\"BTCUSDT\"}}");
        fake.sendRaw("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\","
                + "\"a\":999999,\"p\":\"abc\",\"q\":\"1\",\"f\":1,\"l\":1,\"T\":1,\"m\":true,\"M\":true}}");
        fake.sendRaw("{\"stream\":\"dogeusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1,\"s\":\"DOGEUSDT\","
                + "\"a\":5,\"p\":\"1\",\"q\":\"1\",\"f\":1,\"l\":1,\"T\":1,\"m\":true,\"M\":true}}");
        List<Long> after = fake.trade(BTC, 5);
        collector.awaitLast(BTC, after.get(4));

        assertThat(collector.ids(BTC)).isEqualTo(concat(before, after));
        assertThat(source.malformedMessages()).isEqualTo(6);
        assertThat(fake.connectionCount()).isEqualTo(1);
        assertThat(collector.gaps).isEmpty();
    }

    @Test
    void followsSymbolsAddedAndRemovedWhileRunning() throws Exception {
        start(BTC);
        List<Long> btc1 = fake.trade(BTC, 5);
        collector.awaitLast(BTC, btc1.get(4));

        source.subscribe(ETH);
        fake.awaitConnection(2, BTC, ETH);
        assertThat(fake.lastStreams()).containsExactly("btcusdt@aggTrade", "ethusdt@aggTrade");
        List<Long> eth1 = fake.trade(ETH, 5);
        List<Long> btc2 = fake.trade(BTC, 5);
        collector.awaitLast(ETH, eth1.get(4));
        collector.awaitLast(BTC, btc2.get(4));

        source.unsubscribe(BTC);
        fake.awaitConnection(3, ETH);
        assertThat(fake.lastStreams()).containsExactly("ethusdt@aggTrade");
        fake.trade(BTC, 5);
        List<Long> eth2 = fake.trade(ETH, 5);
        collector.awaitLast(ETH, eth2.get(4));

        assertThat(collector.ids(BTC)).isEqualTo(concat(btc1, btc2));
        assertThat(collector.ids(ETH)).isEqualTo(concat(eth1, eth2));
        assertThat(source.progress()).containsOnlyKeys(ETH);
        assertThat(collector.gaps).isEmpty();
    }

    @Test
    void reportsTradesRestNoLongerHasAsAGap() throws Exception {
        start(BTC);
        List<Long> before = fake.trade(BTC, 10);
        List<Long> skipped = fake.tradeOffStream(BTC, 20);
        fake.pruneRest(BTC, skipped.get(5));
        List<Long> after = fake.trade(BTC, 5);
        collector.awaitLast(BTC, after.get(4));

        assertThat(collector.ids(BTC)).isEqualTo(concat(concat(before, skipped.subList(5, 20)), after));
        assertThat(collector.gaps).singleElement().satisfies(gap -> {
            assertThat(gap.symbol()).isEqualTo(BTC);
            assertThat(gap.fromId()).isEqualTo(skipped.get(0));
            assertThat(gap.toId()).isEqualTo(skipped.get(4));
        });
        assertThat(source.progress(BTC).orElseThrow().gapsReported()).isEqualTo(1);
    }

    @Test
    void reportsAGapWhenRestKeepsFailing() throws Exception {
        start(BTC);
        List<Long> before = fake.trade(BTC, 10);
        collector.awaitLast(BTC, before.get(9));
        fake.failRest(true);
        List<Long> skipped = fake.tradeOffStream(BTC, 7);
        List<Long> after = fake.trade(BTC, 5);
        collector.awaitLast(BTC, after.get(4));

        assertThat(collector.ids(BTC)).isEqualTo(concat(before, after));
        assertThat(collector.gaps).singleElement().satisfies(gap -> {
            assertThat(gap.fromId()).isEqualTo(skipped.get(0));
            assertThat(gap.toId()).isEqualTo(skipped.get(6));
            assertThat(gap.reason()).contains("REST backfill failed");
        });
        assertThat(fake.restRequests()).isEqualTo(3);
    }

    @Test
    void rotatesTheConnectionWithoutLosingTrades() throws Exception {
        start(settings(Duration.ofSeconds(5)).withRotationPeriod(Duration.ofMillis(300)), BTC);
        List<Long> before = fake.trade(BTC, 5);
        collector.awaitLast(BTC, before.get(4));
        FakeBinance.await(Duration.ofSeconds(10), () -> fake.connectionCount() >= 3);
        List<Long> during = fake.trade(BTC, 5);
        fake.awaitConnection(fake.connectionCount(), BTC);
        List<Long> after = fake.trade(BTC, 5);
        collector.awaitLast(BTC, after.get(4));

        assertThat(collector.ids(BTC)).isEqualTo(concat(concat(before, during), after));
        assertThat(collector.gaps).isEmpty();
    }

    @Test
    void resumesAfterAGivenTradeIdThroughRest() throws Exception {
        List<Long> history = fake.trade(BTC, 30);
        source = new BinanceSource(settings(Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC));
        source.subscribe(BTC, history.get(9));
        source.start(collector);
        collector.awaitLast(BTC, history.get(29));
        List<Long> live = fake.trade(BTC, 5);
        collector.awaitLast(BTC, live.get(4));

        assertThat(collector.ids(BTC)).isEqualTo(concat(history.subList(10, 30), live));
        assertThat(source.progress(BTC).orElseThrow().backfilledTrades()).isEqualTo(20);
    }

    @Test
    void waitsOutA429AndA418ForTheirRetryAfterAndCompletesTheBackfill() throws Exception {
        List<Long> history = fake.trade(BTC, 2_345);
        fake.scriptRest(ScriptedAnswer.ok(), ScriptedAnswer.tooManyRequests(Duration.ofSeconds(1)),
                ScriptedAnswer.banned(Duration.ofSeconds(1)));
        source = new BinanceSource(settings(Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC));
        source.subscribe(BTC, history.get(0) - 1);
        source.start(collector);
        collector.awaitLast(BTC, history.get(2_344));

        assertThat(collector.ids(BTC)).isEqualTo(history);
        assertThat(collector.gaps).isEmpty();
        List<RestRequest> requests = fake.restLog();
        assertThat(requests).extracting(RestRequest::status).containsSubsequence(200, 429, 418, 200);
        for (int i = 0; i < requests.size() - 1; i++) {
            RestRequest refused = requests.get(i);
            if (refused.status() == 429 || refused.status() == 418) {
                long quietNanos = requests.get(i + 1).receivedNanos() - refused.answeredNanos();
                assertThat(quietNanos).as("request after the %s answer", refused.status())
                        .isGreaterThanOrEqualTo(refused.retryAfter().toNanos());
                assertThat(requests.get(i + 1).fromId()).isEqualTo(refused.fromId());
            }
        }
    }

    @Test
    void resumesAfterARecentResumePointAndHoldsTheWatermarkUntilCaughtUp() throws Exception {
        List<Long> history = fake.trade(BTC, 30);
        long resumeTime = FAKE_TRADE_TIME_OF_FIRST + 9 * 10;
        source = new BinanceSource(settings(Duration.ofSeconds(5)).withResumeMaxAge(Duration.ofDays(400)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        source.resumeAfter(Map.of(BTC, new ResumePoint(history.get(9), resumeTime)));
        source.subscribe(BTC);
        FakeBinance.await(Duration.ofSeconds(5), () -> source.progress(BTC).isPresent());
        assertThat(source.watermark()).hasValue(resumeTime);

        source.start(collector);
        collector.awaitLast(BTC, history.get(29));
        FakeBinance.await(Duration.ofSeconds(10), () -> source.watermark().orElse(0) == NOW.toEpochMilli());
        List<Long> live = fake.trade(BTC, 5);
        collector.awaitLast(BTC, live.get(4));

        assertThat(collector.ids(BTC)).isEqualTo(concat(history.subList(10, 30), live));
        assertThat(collector.gaps).isEmpty();
    }

    @Test
    void aResumePointOlderThanTheMaxAgeIsReportedAsAGapInsteadOfBackfilled() throws Exception {
        List<Long> history = fake.trade(BTC, 30);
        source = new BinanceSource(settings(Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC));
        source.resumeAfter(Map.of(BTC, new ResumePoint(history.get(9), FAKE_TRADE_TIME_OF_FIRST + 9 * 10)));
        source.subscribe(BTC);
        source.start(collector);
        fake.awaitConnection(1, BTC);
        List<Long> live = fake.trade(BTC, 5);
        collector.awaitLast(BTC, live.get(4));

        assertThat(collector.ids(BTC)).isEqualTo(live);
        assertThat(collector.gaps).containsExactly(new TradeCollector.Gap(BTC, history.get(10), history.get(29),
                "older than ingest.binance.resume.max.age.ms when ingest started: not backfilled"));
        assertThat(fake.restRequests()).isZero();
    }
}
