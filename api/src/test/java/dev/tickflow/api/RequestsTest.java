package dev.tickflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.api.view.TimeRange;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestsTest {

    private static void rejected(Runnable request, int status, String... phrases) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(phrases);
        });
    }

    @Test
    void symbolsAreUpperCasedAndMalformedOnesRefused() {
        assertThat(Requests.symbol("btcusdt")).isEqualTo("BTCUSDT");
        assertThat(Requests.symbol(" ETHUSDT ")).isEqualTo("ETHUSDT");
        rejected(() -> Requests.symbol("BTC-USDT"), 400, "'BTC-USDT' is not a symbol", "such as BTCUSDT");
        rejected(() -> Requests.symbol("B"), 400, "is not a symbol");
        rejected(() -> Requests.symbol("A".repeat(31)), 400, "is not a symbol");
        rejected(() -> Requests.symbol("<script>x</script>".repeat(5)), 400, "...");
    }

    @Test
    void anUnknownSymbolIsA404ThatNamesTheKnownOnesAndHowToAddIt() {
        assertThat(Requests.knownSymbol("btcusdt", Set.of("BTCUSDT"))).isEqualTo("BTCUSDT");
        rejected(() -> Requests.knownSymbol("SOLUSDT", Set.of("BTCUSDT")), 404, "Unknown symbol SOLUSDT", "[BTCUSDT]", "POST /symbols/SOLUSDT");
        rejected(() -> Requests.knownSymbol("SOL/USDT", Set.of("BTCUSDT")), 400, "is not a symbol");
    }

    @Test
    void intervalsMustBePublished() {
        var published = TopicCatalog.defaultIntervals();
        assertThat(Requests.interval(null, published, CandleInterval.ONE_MINUTE)).isEqualTo("1m");
        assertThat(Requests.interval("15m", published, CandleInterval.ONE_MINUTE)).isEqualTo("15m");
        rejected(() -> Requests.interval("2m", published, CandleInterval.ONE_MINUTE), 400, "Interval '2m' is not published", "[1m, 5m, 15m, 1h]");
    }

    @Test
    void timeRangesAcceptIsoInstantsAndEpochMillisAndRefuseBackwardsOnes() {
        TimeRange range = Requests.range("2026-01-15T10:00:00Z", "1768472400000", "10");
        assertThat(range.from()).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.ofEpochMilli(1_768_472_400_000L));
        assertThat(range.limit()).isEqualTo(10);
        assertThat(Requests.range(null, "", null)).isEqualTo(new TimeRange(null, null, Requests.DEFAULT_LIMIT));

        rejected(() -> Requests.range("2026-01-15T11:00:00Z", "2026-01-15T10:00:00Z", null), 400, "Bad time range", "must be before");
        rejected(() -> Requests.range("yesterday", null, null), 400, "from 'yesterday' is not a time", "ISO-8601");
        rejected(() -> Requests.range(null, "2026-13-01", null), 400, "to '2026-13-01' is not a time");
    }

    @Test
    void limitsAreWholeNumbersInBounds() {
        assertThat(Requests.limit("1")).isEqualTo(1);
        assertThat(Requests.limit(String.valueOf(Requests.MAX_LIMIT))).isEqualTo(Requests.MAX_LIMIT);
        rejected(() -> Requests.limit("0"), 400, "from 1 to 10000");
        rejected(() -> Requests.limit("10001"), 400, "from 1 to 10000");
        rejected(() -> Requests.limit("ten"), 400, "limit 'ten'");
    }

    @Test
    void instanceFiltersAreNamesOfStrategyInstances() {
        assertThat(Requests.optionalInstance("A")).isEqualTo("A");
        assertThat(Requests.optionalInstance(null)).isNull();
        rejected(() -> Requests.optionalInstance("A B"), 400, "is not a strategy instance name");
    }
}
