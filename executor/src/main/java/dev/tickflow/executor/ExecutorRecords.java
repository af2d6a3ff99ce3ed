package dev.tickflow.executor;

import dev.tickflow.executor.engine.SignalInput;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TargetPosition;
import dev.tickflow.executor.oms.OrderUpdate;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.executor.control.ControlAction;
import dev.tickflow.executor.control.OperatorCommandInput;
import dev.tickflow.executor.control.OpsEvent;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorCommand;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Between the Avro records of the topics and the executor's own types: the one place that knows both (the engine and
 * its parts use the enums of {@code dev.tickflow.executor.model}). Decimals at the scales of the schemas, half-even.
 */
public final class ExecutorRecords {
    static final int SCALE_8 = 8;
    static final int SCALE_16 = 16;

    private ExecutorRecords() {
    }

    public static SignalInput signal(Signal signal) {
        return new SignalInput(signal.getSignalId(), signal.getStrategyInstance(), signal.getSymbol(), target(signal.getTarget()), signal.getPrice(),
                signal.getCreatedAt(), signal.getStopPrice());
    }

    public static OrderEvent orderEvent(OrderUpdate update) {
        OrderRequest order = update.order();
        return OrderEvent.newBuilder()
                .setClientOrderId(order.clientOrderId())
                .setExchangeOrderId(update.exchangeOrderId())
                .setStrategyInstance(order.strategyInstance())
                .setSymbol(order.symbol())
                .setSide(side(order.side()))
                .setType(type(order.type()))
                .setQuantity(scale(order.quantity(), SCALE_8))
                .setPrice(scale(order.limitPrice(), SCALE_8))
                .setStatus(status(update.status()))
                .setRejectReason(update.rejectReason())
                .setEventTime(update.time())
                .setBroker(update.venue())
                .setSignalId(order.signalId())
                .setFilledQuantity(scale(update.filledQuantity(), SCALE_8))
                .setAverageFillPrice(scale(update.averageFillPrice(), SCALE_16))
                .setStopPrice(scale(order.stopPrice(), SCALE_8))
                .setTrailingDelta(order.trailingDelta())
                .setOrderListId(order.stop().orderListId())
                .setProtection(order.protection() == null ? null : order.protection().name())
                .setProtectsClientOrderId(order.stop().protectsClientOrderId())
                .build();
    }

    public static Fill fill(OrderRequest order, String exchangeOrderId, ExchangeFill fill) {
        return Fill.newBuilder()
                .setClientOrderId(order.clientOrderId())
                .setExchangeOrderId(exchangeOrderId)
                .setTradeId(fill.tradeId())
                .setStrategyInstance(order.strategyInstance())
                .setSymbol(order.symbol())
                .setSide(side(order.side()))
                .setPrice(scale(fill.price(), SCALE_8))
                .setQuantity(scale(fill.quantity(), SCALE_8))
                .setCommission(scale(fill.commission(), SCALE_16))
                .setCommissionAsset(fill.commissionAsset())
                .setTradeTime(fill.time())
                .build();
    }

    public static Position position(String instance, String symbol, PositionState position, Instant time) {
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
    /** A control.operator record as the engine sees it. */
    public static OperatorCommandInput command(OperatorCommand command) {
        return new OperatorCommandInput(command.getCommandId(), ControlAction.valueOf(command.getAction().name()), command.getStrategyInstance(),
                command.getSymbol() == null ? null : command.getSymbol().toUpperCase(Locale.ROOT), command.getIssuedBy(), command.getRequestedAt());
    }

    public static OperationalEvent operationalEvent(OpsEvent event) {
        return OperationalEvent.newBuilder().setEventId(event.eventId()).setKind(event.kind()).setSeverity(event.severity())
                .setService(ExecutorTopology.SERVICE_KEY).setStrategyInstance(event.instance()).setSymbol(event.symbol())
                .setMessage(event.message()).setDetails(new LinkedHashMap<>(event.details())).setEventTime(event.time()).build();
    }

    public static String positionKey(String instance, String symbol) {
        return instance + ":" + symbol;
    }

    public static TargetPosition target(dev.tickflow.schema.TargetPosition target) {
        return switch (target) {
            case LONG -> TargetPosition.LONG;
            case FLAT -> TargetPosition.FLAT;
        };
    }

    public static dev.tickflow.schema.OrderSide side(OrderSide side) {
        return switch (side) {
            case BUY -> dev.tickflow.schema.OrderSide.BUY;
            case SELL -> dev.tickflow.schema.OrderSide.SELL;
        };
    }

    public static dev.tickflow.schema.OrderType type(OrderType type) {
        return switch (type) {
            case MARKET -> dev.tickflow.schema.OrderType.MARKET;
            case LIMIT -> dev.tickflow.schema.OrderType.LIMIT;
            case STOP_LOSS_LIMIT -> dev.tickflow.schema.OrderType.STOP_LOSS_LIMIT;
            case TAKE_PROFIT_LIMIT -> dev.tickflow.schema.OrderType.TAKE_PROFIT_LIMIT;
            case LIMIT_MAKER -> dev.tickflow.schema.OrderType.LIMIT_MAKER;
        };
    }

    public static dev.tickflow.schema.OrderStatus status(OrderStatus status) {
        return switch (status) {
            case NEW -> dev.tickflow.schema.OrderStatus.NEW;
            case PARTIALLY_FILLED -> dev.tickflow.schema.OrderStatus.PARTIALLY_FILLED;
            case FILLED -> dev.tickflow.schema.OrderStatus.FILLED;
            case REJECTED -> dev.tickflow.schema.OrderStatus.REJECTED;
            case CANCELED -> dev.tickflow.schema.OrderStatus.CANCELED;
            case EXPIRED -> dev.tickflow.schema.OrderStatus.EXPIRED;
        };
    }

    private static BigDecimal scale(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_EVEN);
    }
}
