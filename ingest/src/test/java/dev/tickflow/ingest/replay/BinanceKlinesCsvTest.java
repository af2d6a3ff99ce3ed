package dev.tickflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.schema.Candle;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceKlinesCsvTest extends BinanceCsvTestSupport {
    private static final String HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";
    private static final String FULL_1 = "1570752000000,0.00141342,0.00141557,0.00141266,0.00141418,1482.00000000,1570752059999,"
            + "2.09508116,12,400.00000000,0.56612000,0";
    private static final String FULL_2 = "1570752060000,0.00141597,0.00141658,0.00141597,0.00141658,522.00000000,1570752119999,"
            + "0.73946000,3,0.00000000,0.00000000,0";
    private static final String SHORT_HEADER = "open_time,open,high,low,close,volume";
    private static final String SHORT_1 = "1570752000000,0.00141342,0.00141557,0.00141266,0.00141418,1482.00000000";
    private static final String SHORT_FLAT = "1570752180000,0.00141580,0.00141580,0.00141580,0.00141580,0E-8";

    @Test
    void readsTheFullLayoutWithoutHeader() throws IOException {
        List<Candle> candles = readAll(write("k.csv", FULL_1, FULL_2));

        assertThat(candles).hasSize(2);
        Candle first = candles.get(0);
        assertThat(first.getExchange()).isEqualTo("binance");
        assertThat(first.getSymbol()).isEqualTo("XRPETH");
        assertThat(first.getInterval()).isEqualTo("1m");
        assertThat(first.getOpenTime()).isEqualTo(Instant.ofEpochMilli(1570752000000L));
        assertThat(first.getCloseTime()).isEqualTo(Instant.ofEpochMilli(1570752059999L));
        assertThat(first.getOpen()).isEqualTo(new BigDecimal("0.00141342"));
        assertThat(first.getHigh()).isEqualTo(new BigDecimal("0.00141557"));
        assertThat(first.getLow()).isEqualTo(new BigDecimal("0.00141266"));
        assertThat(first.getClose()).isEqualTo(new BigDecimal("0.00141418"));
        assertThat(first.getVolume()).isEqualTo(new BigDecimal("1482.00000000"));
        assertThat(first.getQuoteVolume()).isEqualTo(new BigDecimal("2.0950811600000000"));
        assertThat(first.getTradeCount()).isEqualTo(12L);
        assertThat(first.getTakerBuyVolume()).isEqualTo(new BigDecimal("400.00000000"));
        assertThat(first.getTakerBuyQuoteVolume()).isEqualTo(new BigDecimal("0.5661200000000000"));
        assertThat(first.getFirstTradeId()).isEqualTo(-1L);
        assertThat(first.getFilled()).isFalse();
    }

    @Test
    void skipsAHeaderLineAndAByteOrderMark() throws IOException {
        assertThat(readAll(write("k.csv", "\uFEFF" + HEADER, FULL_1, "", FULL_2))).extracting(c -> c.getOpenTime().toEpochMilli())
                .containsExactly(1570752000000L, 1570752060000L);
    }

    @Test
    void readsTheShortLayoutDerivingTheMissingColumns() throws IOException {
        List<Candle> candles = readAll(write("k.csv", SHORT_HEADER, SHORT_1, SHORT_FLAT));

        Candle first = candles.get(0);
        assertThat(first.getCloseTime()).isEqualTo(Instant.ofEpochMilli(1570752059999L));
        assertThat(first.getQuoteVolume()).isEqualTo(new BigDecimal("0E-16"));
        assertThat(first.getTradeCount()).isZero();
        assertThat(first.getTakerBuyVolume()).isEqualTo(new BigDecimal("0E-8"));
        assertThat(first.getFilled()).isFalse();
        Candle flat = candles.get(1);
        assertThat(flat.getVolume().toPlainString()).isEqualTo("0.00000000");
        assertThat(flat.getFilled()).isTrue();
    }

    @Test
    void derivesCloseTimeFromTheIntervalGiven() throws IOException {
        BinanceKlinesCsv reader = BinanceKlinesCsv.open(List.of(write("k.csv", SHORT_1)), "xrpeth", "5m", Duration.ofMinutes(5),
                MalformedLinePolicy.FAIL);
        Candle candle = reader.next();
        assertThat(candle.getInterval()).isEqualTo("5m");
        assertThat(candle.getCloseTime()).isEqualTo(Instant.ofEpochMilli(1570752000000L + 300_000 - 1));
    }

    @Test
    void truncatesMicrosecondTimestampsToMilliseconds() throws IOException {
        String micro = "1735689600000000,1,2,0.5,1.5,10,1735689659999999,15,4,5,7.5,0";
        Candle candle = readAll(write("k.csv", micro)).get(0);
        assertThat(candle.getOpenTime()).isEqualTo(Instant.ofEpochMilli(1735689600000L));
        assertThat(candle.getCloseTime()).isEqualTo(Instant.ofEpochMilli(1735689659999L));
    }

    @Test
    void readsGzipAndSeveralFilesInOrder() throws IOException {
        Path gz = gzip("k.csv.gz", HEADER + "\n" + FULL_1 + "\n");
        BinanceKlinesCsv reader = BinanceKlinesCsv.open(List.of(gz, write("b.csv", FULL_2)), "XRPETH", "1m", Duration.ofMinutes(1),
                MalformedLinePolicy.FAIL);
        List<Candle> candles = drain(reader);
        assertThat(candles).extracting(Candle::getTradeCount).containsExactly(12L, 3L);
        assertThat(reader.klinesRead()).isEqualTo(2);
        assertThat(reader.bytesRead()).isEqualTo(reader.totalBytes());
    }

    @Test
    void failsOnAMalformedLineNamingFileAndLine() throws IOException {
        Path file = write("k.csv", HEADER, FULL_1, "1570752060000,0.1,0.2,0.1,abc,5,1570752119999,1,1,1,1,0");
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(MalformedTradeLineException.class)
                .hasMessage(file + " line 3: close 'abc' is not a decimal number");
    }

    @Test
    void refusesWrongColumnCountsBadRangesAndDisorder() throws IOException {
        assertProblem("1570752000000,1,2,0.5,1.5", "expected 12 columns (klines) or 6 (open_time,open,high,low,close,volume), found 5");
        assertProblem("1570752000000,1,2,0.5,3,1", "high 2.00000000 and low 0.50000000 do not enclose open and close");
        assertProblem("1570752000000,1,2,0.5,1.5,-1", "volume -1 is negative");
        assertProblem("1570752000000,0,2,0,1.5,1", "open 0 is not positive");
        assertProblem("1570752000000,1,2,0.5,1.5,1.000000001", "volume 1.000000001 has more than 8 decimals");
        assertProblem("x1570752000000,1,2,0.5,1.5,1", null);
        Path file = write("k.csv", FULL_2, FULL_1);
        assertThatThrownBy(() -> readAll(file)).hasMessageContaining("line 2: open_time 1570752000000 is not after the previous kline's 1570752060000");
    }

    @Test
    void skipsAndCountsMalformedLinesWhenAsked() throws IOException {
        Path file = write("k.csv", FULL_1, "garbage", FULL_2);
        BinanceKlinesCsv reader = BinanceKlinesCsv.open(List.of(file), "XRPETH", "1m", Duration.ofMinutes(1), MalformedLinePolicy.SKIP);
        assertThat(drain(reader)).hasSize(2);
        assertThat(reader.skippedLines()).isEqualTo(1);
        assertThat(reader.skippedProblems()).containsExactly(file + " line 2: expected 12 columns (klines) or 6 (open_time,open,high,low,close,volume), found 1");
    }

    @Test
    void refusesMissingFiles() {
        assertThatThrownBy(() -> BinanceKlinesCsv.open(List.of(dir.resolve("none.csv")), "XRPETH", "1m", Duration.ofMinutes(1),
                MalformedLinePolicy.FAIL)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    }

    @Test
    void refusesAFileNamedForAnotherSymbolOrInterval() throws IOException {
        Path file = write("BTCUSDT-1m-2024-01-01.csv", FULL_1);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Klines file " + file + " is named for BTCUSDT, not XRPETH");
        assertThat(readAll(write("XRPETH-1m-2019-10-11.csv", FULL_1))).hasSize(1);
        Path fiveMinutes = write("XRPETH-5m-2019-10-11.csv", FULL_1);
        assertThatThrownBy(() -> readAll(fiveMinutes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Klines file " + fiveMinutes + " is named for 5m klines, not 1m");
    }

    private void assertProblem(String line, String problem) throws IOException {
        Path file = write("bad.csv", FULL_1, line);
        var thrown = assertThatThrownBy(() -> readAll(file)).isInstanceOf(MalformedTradeLineException.class);
        if (problem != null) {
            thrown.hasMessage(file + " line 2: " + problem);
        }
    }

    private List<Candle> readAll(Path file) {
        return drain(BinanceKlinesCsv.open(List.of(file), "XRPETH", "1m", Duration.ofMinutes(1), MalformedLinePolicy.FAIL));
    }
}
