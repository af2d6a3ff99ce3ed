package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.schema.Trade;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backtest applies the executor's portfolio-wide rules: one account limit over two symbols on one timeline. */
class BacktestPortfolioRiskTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private static Signal longSignal(String instance, String symbol, int minute, String price) {
        Instant open = START.plusSeconds(60L * minute);
        return Signal.newBuilder().setSignalId(instance + ":" + symbol + ":" + open.toEpochMilli()).setStrategyInstance(instance).setSymbol(symbol)
                .setCandleOpenTime(open).setTarget(TargetPosition.LONG).setReason(SignalReason.CROSS_UP)
                .setPrice(new BigDecimal(price).setScale(8, RoundingMode.UNNECESSARY)).setCreatedAt(open.plusMillis(59_999)).build();
    }

    private static List<OrderEvent> run(Map<String, String> keys) throws IOException {
        OrderRecorder sink = new OrderRecorder();
        BacktestExecutor executor = new BacktestExecutor(Requests.executor(keys), sink);
        executor.signal(longSignal("A", "BTCUSDT", 0, "50000"));   // 0.001 × 50000 = 50
        executor.signal(longSignal("B", "ETHUSDT", 1, "3000"));    // 0.01 × 3000 = 30
        return sink.orders;
    }

    /** The order events of a run; fills are not looked at. */
    private static final class OrderRecorder implements ExecutionSink {
        final List<OrderEvent> orders = new ArrayList<>();

        @Override
        public void order(OrderEvent order) {
            orders.add(order);
        }

        @Override
        public void fill(Fill fill) {
        }
    }

    @Test
    void anAccountExposureLimitOverTwoSymbolsRejectsTheSecondEntry() throws IOException {
        List<OrderEvent> limited = run(Map.of("executor.risk.account.max.exposure.notional", "60"));
        assertThat(limited).extracting(OrderEvent::getStatus).containsExactly(OrderStatus.FILLED, OrderStatus.REJECTED);
        assertThat(limited.get(1).getRejectReason()).isEqualTo("portfolio-exposure: the account would hold 80 over all instances and symbols, "
                + "the limit is 60");

        assertThat(run(Map.of("executor.risk.account.max.exposure.notional", "80"))).as("at the limit")
                .extracting(OrderEvent::getStatus).containsExactly(OrderStatus.FILLED, OrderStatus.FILLED);
    }

    @Test
    void anAccountDrawdownHaltsEveryInstanceInTheBacktest() throws IOException {
        OrderRecorder sink = new OrderRecorder();
        BacktestExecutor executor = new BacktestExecutor(Requests.executor(Map.of("executor.risk.account.max.drawdown", "1")), sink);
        executor.signal(longSignal("A", "BTCUSDT", 0, "50000"));
        executor.trade(Trade.newBuilder().setExchange("binance").setSymbol("BTCUSDT").setTradeId(1).setFirstTradeId(1)
                .setLastTradeId(1).setPrice(new BigDecimal("48000.00000000")).setQuantity(new BigDecimal("1.00000000"))
                .setTradeTime(START.plusSeconds(90)).setBuyerIsMaker(false).setEventTime(START.plusSeconds(90))
                .setIngestTime(START.plusSeconds(90)).build());
        executor.signal(longSignal("B", "ETHUSDT", 2, "3000"));
        assertThat(sink.orders).extracting(OrderEvent::getStatus).containsExactly(OrderStatus.FILLED, OrderStatus.REJECTED);
        assertThat(sink.orders.get(1).getRejectReason()).startsWith("halted: only position-reducing orders pass while halted (account-drawdown: PnL -2.05");
    }
}
