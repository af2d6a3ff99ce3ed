package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every XRPETH aggregate trade of 2019-10-11..13 through the topology, then one source watermark past the last
 * minute's end plus the grace, as a finished replay sends: the 1m and 5m candles must equal Binance's own klines.
 */
class BinanceReferenceAcceptanceTest {
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static Path data;

    @BeforeAll
    static void locateData() {
        Path shared = Path.of(System.getProperty("tickflow.shared.dir", "../../shared"));
        data = shared.resolve("reference/binance-xrpeth-2019-10");
        assumeTrue(Files.isRegularFile(data.resolve("XRPETH-aggTrades-2019-10-11_13.csv")),
                "Skipped: the Binance reference data is not at " + data.toAbsolutePath()
                        + " (set -Dtickflow.shared.dir to the shared directory)");
    }

    @Test
    void oneAndFiveMinuteCandlesEqualBinanceKlines() throws IOException {
        List<Trade> trades = readTrades(data.resolve("XRPETH-aggTrades-2019-10-11_13.csv"));
        try (AggregateFixture fixture = new AggregateFixture("acceptance", "1m,5m", GRACE)) {
            fixture.send(trades);
            long lastTrade = trades.get(trades.size() - 1).getTradeTime().toEpochMilli();
            long lastWindowEnd = MinuteCandle.openTimeOf(lastTrade) + MinuteCandle.LENGTH_MS;
            fixture.sendWatermark(Instant.ofEpochMilli(lastWindowEnd).plus(GRACE));

            List<Candle> oneMinute = fixture.candles("1m").readValuesToList();
            List<Candle> fiveMinutes = fixture.candles("5m").readValuesToList();
            assertMatches(oneMinute, readKlines(data.resolve("XRPETH-1m-klines.csv")), 3_560);
            assertMatches(fiveMinutes, readKlines(data.resolve("XRPETH-5m-klines.csv")), 712);
            assertThat(fixture.late.isEmpty()).isTrue();
            assertThat(oneMinute.stream().filter(Candle::getFilled).count()).isEqualTo(1_091);
            assertThat(fiveMinutes.stream().filter(Candle::getFilled).count()).isEqualTo(6);
            assertThat(oneMinute.stream().mapToLong(Candle::getTradeCount).sum()).isEqualTo(15388189L - 15373518L + 1);
        }
    }

    /** With every default interval: the same 5m candles, and 15m/1h windows that add up to their minutes. */
    @Test
    void fifteenMinuteAndHourlyCandlesRollUpTheSameMinutes() throws IOException {
        List<Trade> trades = readTrades(data.resolve("XRPETH-aggTrades-2019-10-11_13.csv"));
        try (AggregateFixture fixture = new AggregateFixture("acceptance-rollups", "1m,5m,15m,1h", GRACE)) {
            fixture.send(trades);
            long lastTrade = trades.get(trades.size() - 1).getTradeTime().toEpochMilli();
            fixture.sendWatermark(Instant.ofEpochMilli(MinuteCandle.openTimeOf(lastTrade) + MinuteCandle.LENGTH_MS).plus(GRACE));

            List<Candle> oneMinute = fixture.candles("1m").readValuesToList();
            assertMatches(fixture.candles("5m").readValuesToList(), readKlines(data.resolve("XRPETH-5m-klines.csv")), 712);
            List<Candle> fifteen = fixture.candles("15m").readValuesToList();
            List<Candle> hours = fixture.candles("1h").readValuesToList();
            assertThat(fifteen).hasSize(3_560 / 15);
            assertThat(hours).hasSize(3_560 / 60);
            for (List<Candle> rolled : List.of(fifteen, hours)) {
                for (Candle candle : rolled) {
                    List<Candle> minutes = oneMinute.stream()
                            .filter(minute -> !minute.getOpenTime().isBefore(candle.getOpenTime())
                                    && minute.getOpenTime().isBefore(candle.getCloseTime()))
                            .toList();
                    String at = candle.getInterval() + " at " + candle.getOpenTime();
                    assertThat(candle.getVolume()).as("volume " + at)
                            .isEqualTo(minutes.stream().map(Candle::getVolume).reduce(BigDecimal::add).orElseThrow());
                    assertThat(candle.getQuoteVolume()).as("quote volume " + at)
                            .isEqualTo(minutes.stream().map(Candle::getQuoteVolume).reduce(BigDecimal::add).orElseThrow());
                    assertThat(candle.getTradeCount()).as("count " + at).isEqualTo(minutes.stream().mapToLong(Candle::getTradeCount).sum());
                    List<Candle> traded = minutes.stream().filter(minute -> !minute.getFilled()).toList();
                    if (!traded.isEmpty()) {
                        assertThat(candle.getOpen()).as("open " + at).isEqualTo(traded.get(0).getOpen());
                        assertThat(candle.getClose()).as("close " + at).isEqualTo(traded.get(traded.size() - 1).getClose());
                        assertThat(candle.getFirstTradeId()).as("first id " + at).isEqualTo(traded.get(0).getFirstTradeId());
                    }
                }
            }
        }
    }

    private static void assertMatches(List<Candle> actual, List<Kline> expected, int count) {
        assertThat(expected).hasSize(count);
        assertThat(actual).hasSize(count);
        Map<Long, Candle> byOpenTime = actual.stream()
                .collect(Collectors.toMap(candle -> candle.getOpenTime().toEpochMilli(), Function.identity()));
        assertThat(byOpenTime).hasSize(count);
        for (Kline kline : expected) {
            Candle candle = byOpenTime.get(kline.openTime());
            assertThat(candle).as("candle opening at %s", Instant.ofEpochMilli(kline.openTime())).isNotNull();
            String at = " at " + Instant.ofEpochMilli(kline.openTime());
            assertThat(candle.getOpen()).as("open" + at).isEqualByComparingTo(kline.open());
            assertThat(candle.getHigh()).as("high" + at).isEqualByComparingTo(kline.high());
            assertThat(candle.getLow()).as("low" + at).isEqualByComparingTo(kline.low());
            assertThat(candle.getClose()).as("close" + at).isEqualByComparingTo(kline.close());
            assertThat(candle.getVolume()).as("volume" + at).isEqualByComparingTo(kline.volume());
        }
    }

    private static List<Trade> readTrades(Path file) throws IOException {
        List<Trade> trades = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split(",");
            Instant time = Instant.ofEpochMilli(Long.parseLong(columns[5]));
            trades.add(Trades.trade("XRPETH", Long.parseLong(columns[0]), Long.parseLong(columns[3]), Long.parseLong(columns[4]),
                    time, new BigDecimal(columns[1]), new BigDecimal(columns[2]), Boolean.parseBoolean(columns[6].toLowerCase())));
        }
        return trades;
    }

    private static List<Kline> readKlines(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split(","))
                .map(columns -> new Kline(Long.parseLong(columns[0]), new BigDecimal(columns[1]), new BigDecimal(columns[2]),
                        new BigDecimal(columns[3]), new BigDecimal(columns[4]), new BigDecimal(columns[5])))
                .toList();
    }

    private record Kline(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
    }
}
