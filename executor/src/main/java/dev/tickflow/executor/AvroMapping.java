package dev.tickflow.executor;

import dev.tickflow.executor.broker.ExchangeFill;
import dev.tickflow.executor.broker.OrderRequest;
import dev.tickflow.executor.engine.ExecutorOutput.OrderUpdate;
import dev.tickflow.executor.engine.SignalInput;
import dev.tickflow.executor.position.PositionState;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Between the Avro records of the topics and the engine's types; decimals at the scales of the schemas, half-even. The
 * processor and the backtest both map with it.
 */
public final class AvroMapping {
    static final int SCALE_8 = 8;
    static final int SCALE_16 = 16;

    private AvroMapping() {
    }

    public static SignalInput signal(Signal signal) {
        return new SignalInput(signal.getSignalId(), signal.getStrategyInstance(), signal.getSymbol(), signal.getTarget(), signal.getPrice(),
                signal.getCreatedAt());
    }

    public static OrderEvent orderEvent(OrderUpdate update) {
        OrderRequest order = update.order();
        return OrderEvent.newBuilder()
                .setClientOrderId(order.clientOrderId())
                .setExchangeOrderId(update.exchangeOrderId())
                .setStrategyInstance(order.strategyInstance())
                .setSymbol(order.symbol())
                .setSide(order.side())
                .setType(order.type())
                .setQuantity(scale(order.quantity(), SCALE_8))
                .setPrice(scale(order.limitPrice(), SCALE_8))
                .setStatus(update.status())
                .setRejectReason(update.rejectReason())
                .setEventTime(update.time())
                .setBroker(update.broker())
                .setSignalId(order.signalId())
                .setFilledQuantity(scale(update.filledQuantity(), SCALE_8))
                .setAverageFillPrice(scale(update.averageFillPrice(), SCALE_16))
                .build();
    }

    public static Fill fill(OrderRequest order, String exchangeOrderId, ExchangeFill fill) {
        return Fill.newBuilder()
                .setClientOrderId(order.clientOrderId())
                .setExchangeOrderId(exchangeOrderId)
                .setTradeId(fill.tradeId())
                .setStrategyInstance(order.strategyInstance())
                .setSymbol(order.symbol())
                .setSide(order.side())
                .setPrice(scale(fill.price(), SCALE_8))
                .setQuantity(scale(fill.quantity(), SCALE_8))
                .setCommission(scale(fill.commission(), SCALE_16))
                .setCommissionAsset(fill.commissionAsset())
                .setTradeTime(fill.time())
                .build();
    }

    static Position position(String instance, String symbol, PositionState position, Instant time) {
        return Position.newBuilder()
                .setStrategyInstance(instance)
                .setSymbol(symbol)
                .setQuantity(scale(position.quantity(), SCALE_8))
                .setAverageEntryPrice(scale(position.averageEntryPrice(), SCALE_16))
                .setRealizedPnl(scale(position.realizedPnl(), SCALE_16))
                .setFees(scale(position.fees(), SCALE_16))
                .setLastPrice(scale(position.lastPrice(), SCALE_8))
                .setUnrealizedPnl(scale(position.unrealizedPnl(), SCALE_16))
                .setUpdatedAt(time)
                .build();
    }

    /** The key of oms.positions: {@code instance:symbol}. */
    static String positionKey(String instance, String symbol) {
        return instance + ":" + symbol;
    }

    private static BigDecimal scale(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_EVEN);
    }
}
