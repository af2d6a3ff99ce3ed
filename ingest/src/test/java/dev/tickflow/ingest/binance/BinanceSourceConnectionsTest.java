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
    private static final String A = "AAAUSDT";
    private static final String B = "BBBUSDT";
    private static final String C = "CCCUSDT";
    private static final String D = "DDDUSDT";
    private static final String E = "EEEUSDT";

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
        now.set(BEFORE_FIRST_TRADE); // subscribed before the first trade, so their trade times can hold the watermark
        start(settings(2, Duration.ofMillis(3_000)), List.of(A, B, C, D, E));
        awaitOpenConnections(Set.of(Set.of(A, B), Set.of(C, D), Set.of(E)));
        for (String symbol : List.of(A, B, C, D, E)) {
            collector.awaitLast(symbol, fake.trade(symbol, 3).get(2));
        }
        now.set(NOW);
        long aLastTime = collector.trades(A).get(2).getTradeTime().toEpochMilli();
        FakeBinance.await(AWAIT, () -> source.watermark().orElse(0) == NOW.toEpochMilli());

        assertThat(fake.closeConnectionsOf(A)).isEqualTo(1);
        // Held back at A's last trade from the close until A is caught up after its reconnect.
        FakeBinance.await(AWAIT, () -> source.watermark().orElse(0) == aLastTime);
        List<Long> aDuring = fake.trade(A, 10); // reaches REST only: A's connection is closed
        List<Long> cDuring = fake.trade(C, 10);
        List<Long> eDuring = fake.trade(E, 10);
        collector.awaitLast(C, cDuring.get(9));
        collector.awaitLast(E, eDuring.get(9));
        // C and E flowed while A waited for its reconnect.
        assertThat(collector.ids(A)).hasSize(3);

        collector.awaitLast(A, aDuring.get(9));
        FakeBinance.await(AWAIT, () -> source.watermark().orElse(0) == NOW.toEpochMilli());
        assertThat(collector.ids(A).subList(3, 13)).isEqualTo(aDuring);
        assertThat(collector.ids(C).subList(3, 13)).isEqualTo(cDuring);
        assertThat(collector.gaps).isEmpty();
        assertThat(fake.restLog()).extracting(RestRequest::symbol).isNotEmpty().allMatch(s -> s.equals(A) || s.equals(B));
        assertThat(source.progress(A).orElseThrow().backfilledTrades()).isEqualTo(10);
        assertThat(source.progress(A).orElseThrow().reconnects()).isEqualTo(1);
        assertThat(source.progress(B).orElseThrow().reconnects()).isEqualTo(1);
        assertThat(source.progress(C).orElseThrow().reconnects()).isZero();
        assertThat(source.progress(C).orElseThrow().backfilledTrades()).isZero();
        assertThat(source.reconnects()).isEqualTo(1);
        assertThat(fake.connectionCount()).isEqualTo(4);
    }

    @Test
    void symbolsAddedLiveGoToAConnectionWithRoomAndAnEmptiedConnectionCloses() throws Exception {
        start(settings(2, Duration.ofMillis(20)), List.of(A, B, C));
        awaitOpenConnections(Set.of(Set.of(A, B), Set.of(C)));

        source.subscribe(D); // the second connection has room
        awaitOpenConnections(Set.of(Set.of(A, B), Set.of(C, D)));
        assertThat(fake.connectionCount()).isEqualTo(3);

        source.unsubscribe(A);
        awaitOpenConnections(Set.of(Set.of(B), Set.of(C, D)));
        source.subscribe(E); // the first connection has room again
        awaitOpenConnections(Set.of(Set.of(B, E), Set.of(C, D)));
        assertThat(source.connections()).isEqualTo(2);

        source.unsubscribe(C);
        source.unsubscribe(D);
        FakeBinance.await(AWAIT, () -> source.connections() == 1);
        awaitOpenConnections(Set.of(Set.of(B, E)));
        assertThat(source.progress().keySet()).isEqualTo(new TreeSet<>(Set.of(B, E)));
        List<Long> eIds = fake.trade(E, 3);
        collector.awaitLast(E, eIds.get(2));
        assertThat(collector.ids(E)).isEqualTo(eIds);
        assertThat(source.reconnects()).isZero();
    }
}
