package dev.tickflow.strategy;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.TargetPosition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMA(10)/EMA(5) crossover with a stop loss, written again from the rules of docs/strategies.md (not with the
 * strategy-streams classes), so the service tests check the service against an independent expectation. The stop
 * compares the candle's low ({@code stop-trigger=low}, the default) or its close ({@code stop-trigger=close}).
 */
final class CrossoverReference {
    static final int SMA_PERIOD = 10;
    static final int EMA_PERIOD = 5;
    private static final int SCALE = 16;

    /** A BUY fill of the instance, applied after the candle at {@code afterCandle}. */
    record BuyFill(int afterCandle, BigDecimal price, BigDecimal quantity) {
    }

    /** The snapshots and signals of one instance in one symbol, in candle order. */
    record Output(List<IndicatorSnapshot> snapshots, List<Signal> signals) {
    }

    private CrossoverReference() {
    }

    /** The stop loss of an instance: its fraction, and whether the candle's low (true) or its close is compared. */
    record Stop(BigDecimal fraction, boolean onLow) {
    }

    static Output run(String instance, Stop stopLoss, List<Candle> candles, List<BuyFill> fills) {
        List<IndicatorSnapshot> snapshots = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        BigDecimal factor = BigDecimal.ONE.subtract(stopLoss.fraction());
        List<BigDecimal> closes = new ArrayList<>();
        BigDecimal ema = null;
        int side = 0;
        boolean open = false;
        BigDecimal signalClose = null;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (int i = 0; i < candles.size(); i++) {
            Candle candle = candles.get(i);
            BigDecimal close = candle.getClose();
            closes.add(close);
            BigDecimal sma = closes.size() < SMA_PERIOD ? null : mean(closes.subList(closes.size() - SMA_PERIOD, closes.size()));
            if (closes.size() == EMA_PERIOD) {
                ema = mean(closes);
            } else if (closes.size() > EMA_PERIOD) {
                ema = divide(close.multiply(BigDecimal.valueOf(2)).add(ema.multiply(BigDecimal.valueOf(EMA_PERIOD - 1))), EMA_PERIOD + 1);
            }
            int cross = 0;
            if (sma != null && ema != null && ema.compareTo(sma) != 0) {
                int now = ema.compareTo(sma);
                cross = side != 0 && side != now ? now : 0;
                side = now;
            }
            Map<String, BigDecimal> indicators = new LinkedHashMap<>();
            if (sma != null) {
                indicators.put("sma", sma);
            }
            if (ema != null) {
                indicators.put("ema", ema);
            }
            snapshots.add(IndicatorSnapshot.newBuilder().setStrategyInstance(instance).setSymbol(candle.getSymbol())
                    .setOpenTime(candle.getOpenTime()).setClose(close).setSma(sma).setEma(ema).setIndicators(indicators).build());

            // the exact stop is notional x factor / quantity with fills, signal close x factor before: compared without division
            BigDecimal stopTimesQuantity = quantity.signum() > 0 ? notional.multiply(factor) : open ? signalClose.multiply(factor) : null;
            BigDecimal weight = quantity.signum() > 0 ? quantity : BigDecimal.ONE;
            BigDecimal compared = stopLoss.onLow() ? candle.getLow() : close;
            if (open && compared.multiply(weight).compareTo(stopTimesQuantity) <= 0) {
                boolean gapped = stopLoss.onLow() && candle.getOpen().multiply(weight).compareTo(stopTimesQuantity) <= 0;
                BigDecimal stop = gapped ? candle.getOpen() : stopTimesQuantity.divide(weight, SCALE, RoundingMode.HALF_EVEN);
                signals.add(signal(instance, candle, TargetPosition.FLAT, SignalReason.STOP_LOSS, sma, ema, stop.setScale(SCALE)));
                open = false;
            } else if (open && cross < 0) {
                signals.add(signal(instance, candle, TargetPosition.FLAT, SignalReason.CROSS_DOWN, sma, ema, null));
                open = false;
            } else if (!open && cross > 0) {
                signals.add(signal(instance, candle, TargetPosition.LONG, SignalReason.CROSS_UP, sma, ema,
                        close.multiply(factor).setScale(SCALE, RoundingMode.HALF_EVEN)));
                open = true;
                signalClose = close;
                quantity = BigDecimal.ZERO;
                notional = BigDecimal.ZERO;
            }
            for (BuyFill fill : fills) {
                if (fill.afterCandle() == i && open) {
                    quantity = quantity.add(fill.quantity());
                    notional = notional.add(fill.price().multiply(fill.quantity()));
                }
            }
        }
        return new Output(snapshots, signals);
    }

    /** Every instance of {@code stopLosses} (in its iteration order) on one symbol's candles, interleaved as the service publishes. */
    static Output runAll(Map<String, Stop> stopLosses, List<Candle> candles, Map<String, List<BuyFill>> fills) {
        List<Output> outputs = new ArrayList<>();
        stopLosses.forEach((instance, stopLoss) -> outputs.add(run(instance, stopLoss, candles, fills.getOrDefault(instance, List.of()))));
        List<IndicatorSnapshot> snapshots = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        for (Candle candle : candles) {
            for (Output output : outputs) {
                output.snapshots().stream().filter(s -> s.getOpenTime().equals(candle.getOpenTime())).forEach(snapshots::add);
                output.signals().stream().filter(s -> s.getCandleOpenTime().equals(candle.getOpenTime())).forEach(signals::add);
            }
        }
        return new Output(snapshots, signals);
    }

    private static Signal signal(String instance, Candle candle, TargetPosition target, SignalReason reason, BigDecimal sma, BigDecimal ema,
            BigDecimal stopPrice) {
        return Signal.newBuilder()
                .setSignalId(instance + ":" + candle.getSymbol() + ":" + candle.getOpenTime().toEpochMilli())
                .setStrategyInstance(instance)
                .setSymbol(candle.getSymbol())
                .setCandleOpenTime(candle.getOpenTime())
                .setTarget(target)
                .setReason(reason)
                .setPrice(candle.getClose())
                .setSma(sma)
                .setEma(ema)
                .setStopPrice(stopPrice)
                .setCreatedAt(candle.getCloseTime())
                .build();
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return divide(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add), values.size());
    }

    private static BigDecimal divide(BigDecimal sum, int count) {
        return sum.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_EVEN);
    }
}
