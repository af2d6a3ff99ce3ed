package dev.tickflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.schema.Trade;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class BinanceTradesCsvTest extends BinanceCsvTestSupport {
    private static final String AGG_LINE_1 = "13519807,0.00141342,23.00000000,15373518,15373518,1570752011620,True,True";
    private static final String AGG_LINE_2 = "13519808,0.00141266,54.00000000,15373519,15373521,1570752011620,False,True";
    private static final String AGG_HEADER = "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match";
    private static final String TRADES_HEADER = "id,price,qty,quote_qty,time,is_buyer_maker,is_best_match";

    @Test
    void readsAggTradesWithoutHeader() throws IOException {
        List<Trade> trades = readAll(write("a.csv", AGG_LINE_1, AGG_LINE_2));

        assertThat(trades).hasSize(2);
        Trade first = trades.get(0);
        assertThat(first.getExchange()).isEqualTo("binance");
        assertThat(first.getSymbol()).isEqualTo("XRPETH");
        assertThat(first.getTradeId()).isEqualTo(13519807L);
        assertThat(first.getFirstTradeId()).isEqualTo(15373518L);
        assertThat(first.getLastTradeId()).isEqualTo(15373518L);
        assertThat(first.getPrice()).isEqualTo(new BigDecimal("0.00141342"));
        assertThat(first.getQuantity()).isEqualTo(new BigDecimal("23.00000000"));
        assertThat(first.getTradeTime()).isEqualTo(Instant.ofEpochMilli(1570752011620L));
        assertThat(first.getEventTime()).isEqualTo(first.getTradeTime());
        assertThat(first.getIngestTime()).isEqualTo(first.getTradeTime());
        assertThat(first.getBuyerIsMaker()).isTrue();
        assertThat(trades.get(1).getLastTradeId()).isEqualTo(15373521L);
        assertThat(trades.get(1).getBuyerIsMaker()).isFalse();
    }

    @Test
    void skipsAHeaderLine() throws IOException {
        assertThat(readAll(write("a.csv", AGG_HEADER, AGG_LINE_1, AGG_LINE_2))).extracting(Trade::getTradeId)
                .containsExactly(13519807L, 13519808L);
        assertThat(readAll(write("t.csv", TRADES_HEADER, "42,0.5,2,1.0,1570752011620,true,true")))
                .extracting(Trade::getTradeId).containsExactly(42L);
    }

    @Test
    void ignoresAByteOrderMark() throws IOException {
        assertThat(readAll(write("a.csv", "\uFEFF" + AGG_LINE_1, AGG_LINE_2))).extracting(Trade::getTradeId)
                .containsExactly(13519807L, 13519808L);
        assertThat(readAll(write("b.csv", "\uFEFF" + AGG_HEADER, AGG_LINE_1))).extracting(Trade::getTradeId)
                .containsExactly(13519807L);
    }

    @Test
    void readsRawTradesAsOneTradeEach() throws IOException {
        List<Trade> trades = readAll(write("t.csv", "2000000001,65000.12000000,0.00150000,97.50018000,1735689600123456,false,True",
                "2000000002,65000.13000000,0.01000000,650.00130000,1735689600999999,false,True"));

        assertThat(trades).hasSize(2);
        Trade first = trades.get(0);
        assertThat(first.getTradeId()).isEqualTo(2000000001L);
        assertThat(first.getFirstTradeId()).isEqualTo(2000000001L);
        assertThat(first.getLastTradeId()).isEqualTo(2000000001L);
        assertThat(first.getPrice()).isEqualTo(new BigDecimal("65000.12000000"));
        assertThat(first.getQuantity()).isEqualTo(new BigDecimal("0.00150000"));
        assertThat(first.getBuyerIsMaker()).isFalse();
    }

    @Test
    void truncatesMicrosecondTimestampsToTheMillisecond() throws IOException {
        List<Trade> trades = readAll(write("a.csv",
                "1,1.5,2,10,10,1735689600123999,true,true",
                "2,1.5,2,11,11,1735689600124000,true,true",
                "3,1.5,2,12,12,1735689599999999,true,true"));

        assertThat(trades).extracting(t -> t.getTradeTime().toEpochMilli())
                .containsExactly(1735689600123L, 1735689600124L, 1735689599999L);
        assertThat(BinanceTimestamps.toEpochMilli(1735689600123L)).isEqualTo(1735689600123L);
    }

    @Test
    void acceptsEveryBooleanSpelling() throws IOException {
        List<Trade> trades = readAll(write("a.csv",
                "1,1,1,1,1,1570752011620,True,True", "2,1,1,2,2,1570752011620,true,True",
                "3,1,1,3,3,1570752011620,False,True", "4,1,1,4,4,1570752011620,false,True"));

        assertThat(trades).extracting(Trade::getBuyerIsMaker).containsExactly(true, true, false, false);
    }

    @Test
    void keepsDecimalsExactAndRefusesMoreDecimalsThanTheSchemaHolds() throws IOException {
        Trade trade = readAll(write("a.csv", "1,0.000000010000,123456789.12345678,1,1,1570752011620,true,true")).get(0);
        assertThat(trade.getPrice()).isEqualByComparingTo("0.00000001");
        assertThat(trade.getPrice().scale()).isEqualTo(8);
        assertThat(trade.getQuantity().toPlainString()).isEqualTo("123456789.12345678");

        Path file = write("b.csv", AGG_LINE_1, "2,0.000000015,1,2,2,1570752011620,true,true");
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(MalformedTradeLineException.class)
                .hasMessage(file + " line 2: price 0.000000015 has more than 8 decimals");
    }

    @Test
    void failsOnAMalformedLineNamingFileLineAndProblem() throws IOException {
        Path file = write("a.csv", AGG_HEADER, AGG_LINE_1, "13519808,0.0014x,54,1,1,1570752011620,True,True", AGG_LINE_2);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(MalformedTradeLineException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.lineNumber()).isEqualTo(3);
                    assertThat(e.problem()).isEqualTo("price '0.0014x' is not a decimal number");
                })
                .hasMessage(file + " line 3: price '0.0014x' is not a decimal number");
    }

    @Test
    void reportsEachKindOfProblem() throws IOException {
        assertProblem("1,1,1,1,1,1570752011620,maybe,True", "is_buyer_maker 'maybe' is not True/False/true/false");
        assertProblem("1,1,1,5,4,1570752011620,true,True", "last_trade_id 4 is below first_trade_id 5");
        assertProblem("1,-1,1,1,1,1570752011620,true,True", "price -1 is not positive");
        assertProblem("1,1,0,1,1,1570752011620,true,True", "quantity 0 is not positive");
        assertProblem("1,1,1,1,1,,true,True", "time '' is not a whole number");
        assertProblem("1,1,1,1,1,99999999999999999999,true,True", "time '99999999999999999999' is out of range");
        assertProblem("1,1,1,1,1,1570752011620", "expected 8 columns (aggTrades) or 7 (trades), found 6");
    }

    @Test
    void refusesALineWhoseColumnCountDiffersFromTheFilesLayout() throws IOException {
        Path file = write("a.csv", AGG_LINE_1, "42,0.5,2,1.0,1570752011620,true,true");

        assertThatThrownBy(() -> readAll(file)).hasMessage(file + " line 2: expected 8 columns (aggTrades layout, as the file's first line), found 7");
    }

    @Test
    void skipsAndCountsMalformedLinesWhenAskedTo() throws IOException {
        Path file = write("a.csv", AGG_LINE_1, "garbage", "", AGG_LINE_2, "1,1,1,1,1,x,true,True");

        try (BinanceTradesCsv reader = BinanceTradesCsv.open(List.of(file), "xrpeth", MalformedLinePolicy.SKIP)) {
            List<Trade> trades = drain(reader);
            assertThat(trades).extracting(Trade::getTradeId).containsExactly(13519807L, 13519808L);
            assertThat(reader.tradesRead()).isEqualTo(2);
            assertThat(reader.skippedLines()).isEqualTo(2);
            assertThat(reader.skippedProblems()).containsExactly(
                    file + " line 2: expected 8 columns (aggTrades layout, as the file's first line), found 1",
                    file + " line 5: time 'x' is not a whole number");
        }
    }

    @Test
    void readsSeveralFilesInOrderEachWithItsOwnLayout() throws IOException {
        Path first = write("XRPETH-aggTrades-2019-10-11.csv", AGG_LINE_1, AGG_LINE_2);
        Path second = write("XRPETH-trades-2019-10-12.csv", TRADES_HEADER, "15373522,0.00141300,5.00000000,0.00706500,1570752071000,False,True");

        try (BinanceTradesCsv reader = BinanceTradesCsv.open(List.of(first, second), "XRPETH", MalformedLinePolicy.FAIL)) {
            assertThat(drain(reader)).extracting(Trade::getTradeId).containsExactly(13519807L, 13519808L, 15373522L);
            assertThat(reader.bytesRead()).isEqualTo(reader.totalBytes()).isEqualTo(Files.size(first) + Files.size(second));
        }
    }

    @Test
    void readsZipAndGzipFiles() throws IOException {
        Path zip = dir.resolve("XRPETH-aggTrades-2019-10-11.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("XRPETH-aggTrades-2019-10-11.csv"));
            out.write((AGG_LINE_1 + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path gz = gzip("XRPETH-aggTrades-2019-10-12.csv.gz", AGG_LINE_2 + "\r\n");

        try (BinanceTradesCsv reader = BinanceTradesCsv.open(List.of(zip, gz), "XRPETH", MalformedLinePolicy.FAIL)) {
            assertThat(drain(reader)).extracting(Trade::getTradeId).containsExactly(13519807L, 13519808L);
        }
    }

    @Test
    void refusesMissingFilesAndFilesNamedForAnotherSymbol() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> BinanceTradesCsv.open(List.of(missing), "XRPETH", MalformedLinePolicy.FAIL))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Trades file " + missing + " does not exist");

        Path other = write("BTCUSDT-aggTrades-2024-01-01.csv", AGG_LINE_1);
        assertThatThrownBy(() -> BinanceTradesCsv.open(List.of(other), "XRPETH", MalformedLinePolicy.FAIL))
                .hasMessageStartingWith("Trades file " + other + " is named for BTCUSDT, not XRPETH");

        assertThatThrownBy(() -> BinanceTradesCsv.open(List.of(other), "BTC/USDT", MalformedLinePolicy.FAIL))
                .hasMessageContaining("'BTC/USDT' is not an exchange symbol");
    }

    @Test
    void readsNothingUntilAsked() throws IOException {
        Path file = write("a.csv", AGG_LINE_1, "broken");
        try (BinanceTradesCsv reader = BinanceTradesCsv.open(List.of(file), "XRPETH", MalformedLinePolicy.FAIL)) {
            assertThat(reader.bytesRead()).isZero();
            assertThat(reader.next().getTradeId()).isEqualTo(13519807L);
            assertThatThrownBy(reader::hasNext).isInstanceOf(MalformedTradeLineException.class);
        }
    }

    private void assertProblem(String line, String problem) throws IOException {
        Path file = write("p.csv", line);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(MalformedTradeLineException.class).hasMessage(file + " line 1: " + problem);
    }

    private static List<Trade> readAll(Path file) {
        try (BinanceTradesCsv reader = BinanceTradesCsv.open(List.of(file), "XRPETH", MalformedLinePolicy.FAIL)) {
            return drain(reader);
        }
    }
}
