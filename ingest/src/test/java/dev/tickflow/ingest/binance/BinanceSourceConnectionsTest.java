package dev.tickflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeBinance.RestRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** BinanceSource spreading symbols over several connections, with the real connector against FakeBinance on 127.0.0.1. */
@Timeout(90)
class BinanceSourceConnectionsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    /** Before FakeBinance's first trade time (2026-01-01 plus 10 ms per id, from id 1000). */
    private static final Instant BEFORE_FIRST_TRADE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration AWAIT = Duration.ofSeconds(30);

    private FakeBinance fake;
    private BinanceSource source;
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
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

    /** Fast timings; {@code backoffMin} is the first reconnect delay (a random half to all of it). */
    private BinanceSourceSettings settings(int streamsPerConnection, Duration backoffMin) {
        return BinanceSourceSettings.testnet()
                .withUrls(fake.streamUrl(), fake.restUrl())
                .withTimings(Duration.ofSeconds(20), backoffMin, backoffMin.multipliedBy(2), Duration.ofMillis(20),
                        Duration.ofMillis(10))
                .withMaxStreamsPerConnection(streamsPerConnection);
    }

    private void start(BinanceSourceSettings settings, List<String> symbols) {
        source = new BinanceSource(settings, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        symbols.forEach(source::subscribe);
        source.start(collector);
    }

    private void awaitOpenConnections(Set<Set<String>> expected) throws Exception {
        FakeBinance.await(AWAIT, () -> new HashSet<>(fake.openConnectionSymbols()).equals(expected)
                && fake.openConnectionSymbols().size() == expected.size());
    }

    private static List<String> symbols(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("S%04dUSDT", i)).toList();
    }

    @Test
    void spreads2500SymbolsOverConnectionsWithinTheLimitAndDeliversFromAll() throws Exception {
        List<String> all = symbols(2_500);
        start(settings(100, Duration.ofMillis(20)), all);

        FakeBinance.await(AWAIT, () -> fake.openConnectionSymbols().size() == 25);
        List<Set<String>> open = fake.openConnectionSymbols();
        assertThat(open).allSatisfy(symbols -> assertThat(symbols).hasSize(100));
        List<String> subscribed = open.stream().flatMap(Set::stream).sorted().toList();
        assertThat(subscribed).isEqualTo(all); // every symbol exactly once
        assertThat(source.connections()).isEqualTo(25);
        assertThat(fake.connectionCount()).isEqualTo(25);

        List<Long> lastIds = new ArrayList<>();
        for (String symbol : all) {
            lastIds.add(fake.trade(symbol, 2).get(1));
        }
        FakeBinance.await(AWAIT, () -> all.stream().allMatch(s -> collector.ids(s).size() == 2));
        for (int i = 0; i < all.size(); i++) {
            assertThat(collector.ids(all.get(i))).containsExactly(lastIds.get(i) - 1, lastIds.get(i));
        }
        assertThat(collector.gaps).isEmpty();
        assertThat(source.reconnects()).isZero();
    }

    @Test
    void aDroppedConnectionReconnectsAndBackfillsOnlyItsSymbolsWhileTheOthersFlow() throws Exception {
        // Two per connection: {A, B}, {C, D}, {E}. The reconnect waits 1.5 to 3 s, long enough to see the others flow.
        String a = "AAAUSDT";
        String b = "BBBUSDT";
        String c = "CCCUSDT";
        String d = "DDDUSDT";
        String e = "EEEUSDT";
        now.set(BEFORE_FIRST_TRADE); // subscribed before the first trade, so their trade times can hold the watermark
        start(settings(2, Duration.ofMillis(3_000)), List.of(a, b, c, d, e));
        awaitOpenConnections(Set.of(Set.of(a, b), Set.of(c, d), Set.of(e)));
        for (String symbol : List.of(a, b, c, d, e)) {
            collector.awaitLast(symbol, fake.trade(symbol, 3).get(2));
        }
        now.set(NOW);
        long aLastTime = collector.trades(a).get(2).getTradeTime().toEpochMilli();
        FakeBinance.await(AWAIT, () -> source.watermark().orElse(0) == NOW.toEpochMilli());

        assertThat(fake.closeConnectionsOf(a)).isEqualTo(1);
        // Held back at A's last trade from the close until A is caught up after its reconnect.
        FakeBinance.await(AWAIT, () -> source.watermark().orElse(0) == aLastTime);
        List<Long> aDuring = fake.trade(a, 10); // reaches REST only: A's connection is closed
        List<Long> cDuring = fake.trade(c, 10);
        List<Long> eDuring = fake.trade(e, 10);
        collector.awaitLast(c, cDuring.get(9));
        collector.awaitLast(e, eDuring.get(9));
        // C and E flowed while A waited for its reconnect.
        assertThat(collector.ids(a)).hasSize(3);

        collector.awaitLast(a, aDuring.get(9));
        FakeBinance.await(AWAIT, () -> source.watermark().orElse(0) == NOW.toEpochMilli());
        assertThat(collector.ids(a).subList(3, 13)).isEqualTo(aDuring);
        assertThat(collector.ids(c).subList(3, 13)).isEqualTo(cDuring);
        assertThat(collector.gaps).isEmpty();
        assertThat(fake.restLog()).extracting(RestRequest::symbol).isNotEmpty().allMatch(s -> s.equals(a) || s.equals(b));
        assertThat(source.progress(a).orElseThrow().backfilledTrades()).isEqualTo(10);
        assertThat(source.progress(a).orElseThrow().reconnects()).isEqualTo(1);
        assertThat(source.progress(b).orElseThrow().reconnects()).isEqualTo(1);
        assertThat(source.progress(c).orElseThrow().reconnects()).isZero();
        assertThat(source.progress(c).orElseThrow().backfilledTrades()).isZero();
        assertThat(source.reconnects()).isEqualTo(1);
        assertThat(fake.connectionCount()).isEqualTo(4);
    }

    @Test
    void symbolsAddedLiveGoToAConnectionWithRoomAndAnEmptiedConnectionCloses() throws Exception {
        String a = "AAAUSDT";
        String b = "BBBUSDT";
        String c = "CCCUSDT";
        String d = "DDDUSDT";
        String e = "EEEUSDT";
        start(settings(2, Duration.ofMillis(20)), List.of(a, b, c));
        awaitOpenConnections(Set.of(Set.of(a, b), Set.of(c)));

        source.subscribe(d); // the second connection has room
        awaitOpenConnections(Set.of(Set.of(a, b), Set.of(c, d)));
        assertThat(fake.connectionCount()).isEqualTo(3);

        source.unsubscribe(a);
        awaitOpenConnections(Set.of(Set.of(b), Set.of(c, d)));
        source.subscribe(e); // the first connection has room again
        awaitOpenConnections(Set.of(Set.of(b, e), Set.of(c, d)));
        assertThat(source.connections()).isEqualTo(2);

        source.unsubscribe(c);
        source.unsubscribe(d);
        FakeBinance.await(AWAIT, () -> source.connections() == 1);
        awaitOpenConnections(Set.of(Set.of(b, e)));
        assertThat(source.progress().keySet()).isEqualTo(new TreeSet<>(Set.of(b, e)));
        List<Long> eIds = fake.trade(e, 3);
        collector.awaitLast(e, eIds.get(2));
        assertThat(collector.ids(e)).isEqualTo(eIds);
        assertThat(source.reconnects()).isZero();
    }
}
