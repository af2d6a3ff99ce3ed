package dev.tickflow.strategy;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.Execution;
import dev.tickflow.strategy.api.IndicatorValues;
import dev.tickflow.strategy.engine.ParameterChange;
import dev.tickflow.strategy.indicator.IndicatorDecimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Between the data contract's records and the strategies' plain values. */
final class StrategyRecords {

    private StrategyRecords() {
    }

    static Bar bar(Candle candle) {
        return new Bar(candle.getSymbol(), candle.getOpenTime().toEpochMilli(), candle.getCloseTime().toEpochMilli(), candle.getOpen(),
                candle.getHigh(), candle.getLow(), candle.getClose(), candle.getVolume(), candle.getFilled());
    }

    static Execution execution(Fill fill) {
        Execution.Side side = fill.getSide() == OrderSide.BUY ? Execution.Side.BUY : Execution.Side.SELL;
        return new Execution(fill.getClientOrderId(), side, fill.getPrice(), fill.getQuantity(), fill.getTradeTime().toEpochMilli());
    }

    /** Deterministic: the same instance, symbol and candle always give the same id. */
    static String signalId(String instance, String symbol, long candleOpenTime) {
        return instance + ":" + symbol + ":" + candleOpenTime;
    }

    static IndicatorSnapshot snapshot(String instance, Bar bar, IndicatorValues values) {
        return IndicatorSnapshot.newBuilder()
                .setStrategyInstance(instance)
                .setSymbol(bar.symbol())
                .setOpenTime(Instant.ofEpochMilli(bar.openTime()))
                .setClose(bar.close())
                .setSma(IndicatorDecimals.round(values.get(IndicatorValues.SMA)))
                .setEma(IndicatorDecimals.round(values.get(IndicatorValues.EMA)))
                .setIndicators(published(values))
                .build();
    }

    /** The values of the snapshot's map, rounded to its scale, in the strategy's order; those still warming up are left out. */
    private static Map<String, BigDecimal> published(IndicatorValues values) {
        Map<String, BigDecimal> published = new LinkedHashMap<>();
        values.values().forEach((name, value) -> {
            if (value != null) {
                published.put(name, IndicatorDecimals.round(value));
            }
        });
        return published;
    }

    /** createdAt is the candle's close time (event time), so a replay reproduces the record exactly. */
    static Signal signal(String instance, Bar bar, IndicatorValues values, Decision decision) {
        return Signal.newBuilder()
                .setSignalId(signalId(instance, bar.symbol(), bar.openTime()))
                .setStrategyInstance(instance)
                .setSymbol(bar.symbol())
                .setCandleOpenTime(Instant.ofEpochMilli(bar.openTime()))
                .setTarget(decision.target() == Decision.Target.LONG ? TargetPosition.LONG : TargetPosition.FLAT)
                .setReason(SignalReason.valueOf(decision.reason().name()))
                .setPrice(bar.close())
                .setSma(IndicatorDecimals.round(values.get(IndicatorValues.SMA)))
                .setEma(IndicatorDecimals.round(values.get(IndicatorValues.EMA)))
                .setStopPrice(IndicatorDecimals.round(decision.stopPrice()))
                .setCreatedAt(Instant.ofEpochMilli(bar.closeTime()))
                .build();
    }

    /** COMMAND_APPLIED or COMMAND_REFUSED of a SET_PARAMETERS command; its id derives from the command id, so a repeat is recognisable. */
    static OperationalEvent commandOutcome(ParameterChange change, Instant arrivedAt) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("commandId", change.commandId());
        details.put("action", "SET_PARAMETERS");
        change.overrides().forEach((name, value) -> details.put("parameter." + name, value));
        return OperationalEvent.newBuilder()
                .setEventId("strategy:" + change.commandId())
                .setKind(change.applied() ? "COMMAND_APPLIED" : "COMMAND_REFUSED")
                .setSeverity(change.applied() ? "INFO" : "WARNING")
                .setService(StrategyApp.NAME)
                .setStrategyInstance(change.instance())
                .setMessage(change.message())
                .setDetails(details)
                .setEventTime(arrivedAt)
                .build();
    }
}
