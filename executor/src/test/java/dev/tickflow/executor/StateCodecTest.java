package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.engine.LastTrade;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.portfolio.PnlWatermarks;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.risk.Halt;
import dev.tickflow.executor.risk.RiskState;
import dev.tickflow.executor.risk.TradingState;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCodecTest {
    private static final Instant T = Instant.parse("2025-01-01T00:01:00.123Z");

    @Test
    void positionsRoundTripExactly() {
        PositionRecord record = new PositionRecord(new PositionState(new BigDecimal("0.00100000"), new BigDecimal("50123.4567890123456789"),
                new BigDecimal("-1.5"), new BigDecimal("0.05"), new BigDecimal("0.0001"), new BigDecimal("50000.01"), T),
                new PnlWatermarks(LocalDate.parse("2025-01-01"), new BigDecimal("-0.5"), new BigDecimal("2")), 28_928_161L);
        assertThat(StateCodec.position(StateCodec.position(record))).isEqualTo(record);
        PositionRecord flat = PositionRecord.flat();
        assertThat(StateCodec.position(StateCodec.position(flat))).isEqualTo(flat);
    }

    @Test
    void openOrdersRoundTrip() {
        OrderRequest limit = new OrderRequest("tf-abc", "A:BTCUSDT:0", "A", "BTCUSDT", OrderSide.BUY, OrderType.LIMIT, new BigDecimal("0.001"),
                new BigDecimal("49950"), TimeInForce.GTC, T.plusSeconds(300), T);
        OpenOrder order = new OpenOrder(limit, "paper-tf-abc", OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.0004"), 2, false, new BigDecimal("50000"));
        assertThat(StateCodec.openOrder(StateCodec.openOrder(order))).isEqualTo(order);
        OrderRequest market = new OrderRequest("tf-def", "B:ETHUSDT:0", "B", "ETHUSDT", OrderSide.SELL, OrderType.MARKET, new BigDecimal("0.01"),
                null, null, null, T);
        OpenOrder unknown = new OpenOrder(market, null, OrderStatus.NEW, BigDecimal.ZERO, 0, true, new BigDecimal("3000"));
        assertThat(StateCodec.openOrder(StateCodec.openOrder(unknown))).isEqualTo(unknown);
    }

    @Test
    void riskStateAndLastTradeRoundTrip() {
        RiskState halted = new RiskState(Halt.reducing("max-daily-loss: lost 5.01 on 2025-01-01, the limit is 5", T.plusSeconds(3600)), List.of(T, T.plusMillis(5)));
        assertThat(StateCodec.risk(StateCodec.risk(halted))).isEqualTo(halted);
        assertThat(StateCodec.risk(StateCodec.risk(RiskState.empty()))).isEqualTo(RiskState.empty());
        RiskState stopped = new RiskState(new Halt(TradingState.HALTED, "manual", null), List.of());
        assertThat(StateCodec.risk(StateCodec.risk(stopped))).isEqualTo(stopped);
        LastTrade trade = new LastTrade(new BigDecimal("50000.12"), T);
        assertThat(StateCodec.lastTrade(StateCodec.lastTrade(trade))).isEqualTo(trade);
    }

    @Test
    void isReadableAndIgnoresUnknownFields() {
        byte[] bytes = StateCodec.lastTrade(new LastTrade(new BigDecimal("1.5"), T));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("price=1.5\n");
        byte[] extended = (new String(bytes, StandardCharsets.UTF_8) + "addedLater=x\n").getBytes(StandardCharsets.UTF_8);
        assertThat(StateCodec.lastTrade(extended)).isEqualTo(new LastTrade(new BigDecimal("1.5"), T));
    }

    /** Values as the executor wrote them before its domain had its own enums and trading states: read alike, written alike. */
    @Test
    void valuesStoredByEarlierVersionsDecodeAndEncodeToTheSameBytes() {
        String position = "quantity=0.001\naverageEntryPrice=50100\nrealizedPnl=0\nfees=0.0501\notherCommissions=0\nlastPrice=50100\n"
                + "updatedAt=2025-01-01T00:00:59.999Z\nday=2025-01-01\ndayStartPnl=-0.0501\npeakPnl=0\nlastMarkMinute=-9223372036854775808\n";
        PositionRecord decodedPosition = StateCodec.position(bytes(position));
        assertThat(decodedPosition).isEqualTo(new PositionRecord(new PositionState(new BigDecimal("0.001"), new BigDecimal("50100"), BigDecimal.ZERO,
                new BigDecimal("0.0501"), BigDecimal.ZERO, new BigDecimal("50100"), Instant.parse("2025-01-01T00:00:59.999Z")),
                new PnlWatermarks(LocalDate.parse("2025-01-01"), new BigDecimal("-0.0501"), BigDecimal.ZERO), Long.MIN_VALUE));
        assertThat(StateCodec.position(decodedPosition)).isEqualTo(bytes(position));

        String openOrder = "clientOrderId=tf-abc\nsignalId=A:BTCUSDT:0\nstrategyInstance=A\nsymbol=BTCUSDT\nside=BUY\ntype=LIMIT\nquantity=0.001\n"
                + "limitPrice=49950\ntimeInForce=GTC\nexpiresAt=2025-01-01T00:06:00.123Z\ncreatedAt=2025-01-01T00:01:00.123Z\n"
                + "exchangeOrderId=paper-tf-abc\nstatus=PARTIALLY_FILLED\nfilledQuantity=0.0004\nfillsSeen=2\nfateUnknown=false\nsignalPrice=50000\n";
        OpenOrder decodedOrder = StateCodec.openOrder(bytes(openOrder));
        assertThat(decodedOrder).isEqualTo(new OpenOrder(new OrderRequest("tf-abc", "A:BTCUSDT:0", "A", "BTCUSDT", OrderSide.BUY, OrderType.LIMIT,
                new BigDecimal("0.001"), new BigDecimal("49950"), TimeInForce.GTC, T.plusSeconds(300), T), "paper-tf-abc",
                OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.0004"), 2, false, new BigDecimal("50000")));
        assertThat(StateCodec.openOrder(decodedOrder)).isEqualTo(bytes(openOrder));

        String risk = "haltReason=max-drawdown: PnL -1 is 1.5 below its peak 0.5, the limit is 1\nrecentOrders=2025-01-01T00:01:00.123Z\n";
        RiskState decodedRisk = StateCodec.risk(bytes(risk));
        assertThat(decodedRisk.halt().state()).isEqualTo(TradingState.REDUCING);
        assertThat(decodedRisk).isEqualTo(new RiskState(Halt.reducing("max-drawdown: PnL -1 is 1.5 below its peak 0.5, the limit is 1", null),
                List.of(T)));
        assertThat(StateCodec.risk(decodedRisk)).isEqualTo(bytes(risk));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
