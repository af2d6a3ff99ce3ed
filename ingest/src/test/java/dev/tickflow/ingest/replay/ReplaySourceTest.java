package dev.tickflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.ingest.TradeListener;
import dev.tickflow.schema.Trade;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {

    @TempDir
    Path dir;

    @Test
    void theSymbolComesFromTheFileNamesElseFromTheOneConfigured() {
        Path named = Path.of("XRPETH-aggTrades-2019-10-11.csv");
        assertThat(ReplaySource.symbolOf(List.of(named), List.of("BTCUSDT", "ETHUSDT"))).isEqualTo("XRPETH");
        assertThat(ReplaySource.symbolOf(List.of(Path.of("trades.csv")), List.of("SOLUSDT"))).isEqualTo("SOLUSDT");
        assertThatThrownBy(() -> ReplaySource.symbolOf(List.of(Path.of("trades.csv")), List.of("BTCUSDT", "ETHUSDT")))
                .hasMessageContaining("set exactly one symbol");
        assertThatThrownBy(() -> ReplaySource.symbolOf(List.of(named, Path.of("BTCUSDT-aggTrades-2024-01-01.csv")), List.of()))
                .hasMessageContaining("one symbol");
    }

    @Test
    void replaysInOrderReportingGapsAndSkippingMalformedLinesAndRepeatedIds() throws Exception {
        Path file = Files.writeString(dir.resolve("ETHUSDT-aggTrades-2024-01-01.csv"), String.join("\n",
                "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match",
                "100,3000.10,0.5,1000,1000,1704067200000,true,true",
                "101,3000.20,0.25,1001,1002,1704067200100,false,true",
                "not,a,trade,line,at,all,x,y",
                "101,3000.20,0.25,1001,1002,1704067200100,false,true",
                "105,3000.00,1.0,1010,1010,1704067201000,true,true", ""));
        List<Trade> trades = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        ReplaySource source = new ReplaySource(List.of(file), "ETHUSDT", 0, done::countDown);
        source.start(new TradeListener() {
            @Override
            public void onTrade(Trade trade) {
                trades.add(trade);
            }

            @Override
            public void onGap(String symbol, long fromTradeId, long toTradeId, String reason) {
                gaps.add(symbol + " " + fromTradeId + ".." + toTradeId);
            }
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        source.close();
        assertThat(trades).extracting(Trade::getTradeId).containsExactly(100L, 101L, 105L);
        assertThat(gaps).containsExactly("ETHUSDT 102..104");
        assertThat(source.skipped()).isEqualTo(2);
    }
}
