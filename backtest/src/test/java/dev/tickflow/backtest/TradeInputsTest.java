package dev.tickflow.backtest;

import static dev.tickflow.backtest.TradeFilesFixture.aggTrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.schema.Trade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeInputsTest {
    private static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00:00Z

    @TempDir
    Path dir;

    @Test
    void takesEachSymbolFromItsBinanceNameAndSortsItsFilesByTheirDates() throws IOException {
        Path february = TradeFilesFixture.zip(dir, "ETHBTC-aggTrades-2024-02", aggTrade(2, "0.05", "1", T0 + 31 * 86_400_000L));
        Path january = TradeFilesFixture.zip(dir, "ETHBTC-aggTrades-2024-01", aggTrade(1, "0.05", "1", T0));
        Path second = Files.writeString(dir.resolve("LTCBTC-trades-2024-03-02.csv"), "");
        Path first = Files.writeString(dir.resolve("LTCBTC-trades-2024-03-01.csv"), "");
        Files.writeString(dir.resolve("LTCBTC-1m-2024-03-01.csv"), "");
        Files.writeString(dir.resolve("notes.txt"), "");

        SortedMap<String, List<Path>> bySymbol = TradeInputs.bySymbol(List.of(dir), null);

        assertThat(bySymbol).containsExactly(Map.entry("ETHBTC", List.of(january, february)), Map.entry("LTCBTC", List.of(first, second)));
        assertThat(TradeInputs.bySymbol(List.of(second, first), null)).containsExactly(Map.entry("LTCBTC", List.of(first, second)));
        assertThat(TradeInputs.dateOf(february)).contains("2024-02");
        assertThat(TradeInputs.dateOf(first)).contains("2024-03-01");
    }

    @Test
    void needsTheSymbolOnlyForFilesWhoseNamesDoNotSayIt() throws IOException {
        Path later = Files.writeString(dir.resolve("b.csv"), "");
        Path earlier = Files.writeString(dir.resolve("a.csv"), "");

        assertThatThrownBy(() -> TradeInputs.bySymbol(List.of(later), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot tell the symbol of " + later + " from its name (Binance names them SYMBOL-aggTrades-DATE.zip): "
                        + "rename it so or give --symbol");
        assertThat(TradeInputs.bySymbol(List.of(later, earlier), "xrpeth")).containsExactly(Map.entry("XRPETH", List.of(later, earlier)));
    }

    @Test
    void refusesADirectoryWithoutTradeFiles() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> TradeInputs.bySymbol(List.of(empty), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Directory " + empty + " holds no trade file (.csv, .zip or .gz): give the trade files or their directory");
    }

    @Test
    void mergesTheSymbolsIntoOneTimelineTiesBySymbolThenTradeId() throws IOException {
        TradeFilesFixture.zip(dir, "BBBETH-aggTrades-2024-01", TradeFilesFixture.AGG_TRADES_HEADER
                + aggTrade(10, "1.5", "1", T0) + aggTrade(11, "1.5", "1", T0 + 5) + aggTrade(12, "1.5", "1", T0 + 5));
        TradeFilesFixture.zip(dir, "BBBETH-aggTrades-2024-02-01", aggTrade(13, "1.6", "1", T0 + 31 * 86_400_000L));
        // out of order within the symbol: stays after the trade before it
        Files.writeString(dir.resolve("AAAETH-aggTrades-2024-01-01.csv"), TradeFilesFixture.AGG_TRADES_HEADER
                + aggTrade(7, "2", "1", T0 + 5) + aggTrade(8, "2", "1", T0 + 3) + aggTrade(9, "2", "1", T0 + 6));

        List<String> timeline = new ArrayList<>();
        try (MergedTrades trades = MergedTrades.open(TradeInputs.bySymbol(List.of(dir), null), MalformedLinePolicy.FAIL, TradeCache.NONE)) {
            trades.forEachRemaining((Trade trade) -> timeline.add(trade.getSymbol() + ":" + trade.getTradeId() + "@"
                    + (trade.getTradeTime().toEpochMilli() - T0)));
            assertThat(trades.tradesBySymbol()).containsExactly(Map.entry("AAAETH", 3L), Map.entry("BBBETH", 4L));
            assertThat(trades.bytesRead()).isEqualTo(trades.totalBytes()).isPositive();
        }

        assertThat(timeline).containsExactly("BBBETH:10@0", "AAAETH:7@5", "AAAETH:8@3", "BBBETH:11@5", "BBBETH:12@5", "AAAETH:9@6",
                "BBBETH:13@" + 31 * 86_400_000L);
    }
}
