package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.ingest.replay.BinanceTradesCsv;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.schema.Trade;
import dev.tickflow.testkit.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: the backtest (with {@code tickflow backtest}'s defaults) on Binance's real XRPETH aggTrades gives Binance's
 * own klines. Skipped when the shared reference data is absent.
 */
class BacktestReferenceDataTest {
    private static final String DIR = ReferenceData.XRPETH_2019_10 + "/";

    @TempDir
    Path out;

    @Test
    void candlesEqualBinancesKlines() throws IOException {
        Path trades = ReferenceData.assumeFile(DIR + "XRPETH-aggTrades-2019-10-11_13.csv");
        Path klines1m = ReferenceData.assumeFile(DIR + "XRPETH-1m-klines.csv");
        Path klines5m = ReferenceData.assumeFile(DIR + "XRPETH-5m-klines.csv");

        BacktestResult result = new BacktestRunner(new PrintWriter(new StringWriter()))
                .run(Requests.of(BacktestRequest.Input.TRADES, trades, "XRPETH", out));

        List<String[]> candles1m = rows(out.resolve("candles-1m.csv"));
        List<String[]> candles5m = rows(out.resolve("candles-5m.csv"));
        assertThat(candles1m).hasSize(3_560);
        assertThat(candles5m).hasSize(712);
        assertThat(ohlcv(candles1m)).containsExactlyElementsOf(ohlcv(rows(klines1m)));
        assertThat(ohlcv(candles5m)).containsExactlyElementsOf(ohlcv(rows(klines5m)));
        assertCloseTimes(candles1m, 60_000);
        assertCloseTimes(candles5m, 300_000);

        Totals expected = totalsOf(trades);
        for (List<String[]> candles : List.of(candles1m, candles5m)) {
            assertThat(sum(candles, 7)).isEqualByComparingTo(expected.quoteVolume);
            assertThat(candles.stream().mapToLong(row -> Long.parseLong(row[8])).sum()).isEqualTo(expected.count);
            assertThat(sum(candles, 9)).isEqualByComparingTo(expected.takerBuyVolume);
            assertThat(sum(candles, 10)).isEqualByComparingTo(expected.takerBuyQuoteVolume);
        }
        assertThat(String.join("\n", result.summary())).contains("trades:       12,477", "candles:      1m 3,560, 5m 712");

        Map<String, Integer> fills = ExecutionFiles.assertConsistent(out, new BigDecimal("0.001"));
        assertThat(fills).as("both default instances trade on the reference data").containsOnlyKeys("A", "B");
    }

    /** open_time, open, high, low, close, volume, with numbers compared by value. */
    private static List<String> ohlcv(List<String[]> rows) {
        return rows.stream().map(row -> row[0] + "," + plain(row[1]) + "," + plain(row[2]) + "," + plain(row[3]) + ","
                + plain(row[4]) + "," + plain(row[5])).toList();
    }

    private static void assertCloseTimes(List<String[]> rows, long interval) {
        for (String[] row : rows) {
            assertThat(Long.parseLong(row[6])).isEqualTo(Long.parseLong(row[0]) + interval - 1);
            assertThat(row).hasSize(12);
            assertThat(row[11]).isEqualTo("0");
        }
    }

    private static String plain(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal sum(List<String[]> rows, int column) {
        return rows.stream().map(row -> new BigDecimal(row[column])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("open_time,open,high,low,close,volume");
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }

    private record Totals(BigDecimal quoteVolume, long count, BigDecimal takerBuyVolume, BigDecimal takerBuyQuoteVolume) {
    }

    /** Binance's definitions applied to the trades directly. */
    private static Totals totalsOf(Path trades) {
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal takerVolume = BigDecimal.ZERO;
        BigDecimal takerQuote = BigDecimal.ZERO;
        long count = 0;
        try (BinanceTradesCsv reader = BinanceTradesCsv.open(List.of(trades), "XRPETH", MalformedLinePolicy.FAIL)) {
            while (reader.hasNext()) {
                Trade trade = reader.next();
                BigDecimal tradeQuote = trade.getPrice().multiply(trade.getQuantity());
                quote = quote.add(tradeQuote);
                count += trade.getLastTradeId() - trade.getFirstTradeId() + 1;
                if (!trade.getBuyerIsMaker()) {
                    takerVolume = takerVolume.add(trade.getQuantity());
                    takerQuote = takerQuote.add(tradeQuote);
                }
            }
        }
        return new Totals(quote, count, takerVolume, takerQuote);
    }
}
