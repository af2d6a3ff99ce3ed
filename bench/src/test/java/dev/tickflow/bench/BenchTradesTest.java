package dev.tickflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Trade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchTradesTest {
    private static List<BenchTrades.SimTrade> all(BenchTrades trades) {
        List<BenchTrades.SimTrade> list = new ArrayList<>();
        trades.forEachRemaining(list::add);
        return list;
    }

    @Test
    void theSameArgumentsGiveTheSameTrades() {
        assertThat(all(new BenchTrades(5_000, 7, 3))).isEqualTo(all(new BenchTrades(5_000, 7, 3))).hasSize(5_000);
        assertThat(all(new BenchTrades(100, 7, 3))).isNotEqualTo(all(new BenchTrades(100, 7, 4)));
    }

    @Test
    void perSymbolIdsAndTimesIncreaseAndEachSymbolTradesSixtyTimesAMinute() {
        List<BenchTrades.SimTrade> trades = all(new BenchTrades(100 * 120, 100, 1, 0));
        Map<String, BenchTrades.SimTrade> last = new HashMap<>();
        for (BenchTrades.SimTrade trade : trades) {
            BenchTrades.SimTrade previous = last.put(trade.symbol(), trade);
            assertThat(trade.price().signum()).isPositive();
            assertThat(trade.quantity().signum()).isPositive();
            if (previous != null) {
                assertThat(trade.tradeId()).isEqualTo(previous.tradeId() + 1);
                assertThat(trade.time()).isGreaterThan(previous.time());
            }
        }
        assertThat(last).hasSize(100).containsKey("SYM099USDT");
        assertThat(trades.stream().filter(t -> t.symbol().equals("SYM000USDT") && t.time() < 60_000)).hasSize(60);
        assertThat(BenchTrades.spanMillis(100 * 120, 100)).isEqualTo(121_000);
    }

    @Test
    void aSimulatedTradeBecomesTheContractsTradeOfOneRawTrade() {
        BenchTrades.SimTrade simulated = new BenchTrades(1, 1, 5).next();

        Trade trade = simulated.toTrade();

        assertThat(trade.getExchange()).isEqualTo("simulator");
        assertThat(trade.getSymbol()).isEqualTo("SYM000USDT");
        assertThat(List.of(trade.getTradeId(), trade.getFirstTradeId(), trade.getLastTradeId())).containsOnly(simulated.tradeId());
        assertThat(trade.getPrice()).isEqualTo(simulated.price());
        assertThat(trade.getQuantity()).isEqualTo(simulated.quantity());
        assertThat(trade.getBuyerIsMaker()).isEqualTo(simulated.buyerIsMaker());
        assertThat(List.of(trade.getTradeTime(), trade.getEventTime(), trade.getIngestTime())).containsOnly(Instant.ofEpochMilli(simulated.time()));
    }
}
