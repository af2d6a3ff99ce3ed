package dev.tickflow.strategy;

import dev.tickflow.strategy.CrossoverReference.BuyFill;
import dev.tickflow.strategy.CrossoverReference.Output;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Final 1m candles of two symbols for the strategy service, one price path scaled per symbol: a warm-up, a dip (the
 * EMA goes below the SMA), a cross up (A and B go long), a rally, a drop to 88 % of the entry close (B's 10 % stop
 * loss fires, A's 15 % does not) while the EMA stays above the SMA, a recovery, a minute that trades down to 84.5 % of
 * the entry close and recovers (its low reaches A's stop, its close does not: A stops on the low), a cross down (no
 * signal: A and B are flat), and a new cross up (both long again). In ETHUSDT instance A also gets two BUY fills after
 * its entry, averaging 6.2 % above the entry close: its stop moves up with them and the drop stops A there already.
 */
final class StrategyScript {
    static final String BTC = "BTCUSDT";
    static final String ETH = "ETHUSDT";
    /** The default instances, in the order they run. */
    static final Map<String, CrossoverReference.Stop> STOP_LOSSES = stopLosses();
    /** The candle of the first cross up: the entries. */
    static final int ENTRY = 13;
    /** The candle whose low (87) reaches A's stop (85 % of 103, 87.55) while its close (118) stays far above it. */
    static final int WICK = 20;
    private static final String WICK_LOW = "87";
    private static final String[] PATH = {
        "100", "100", "100", "100", "100", "100", "100", "100", "100", "100",
        "98", "96", "97", "103", "110", "118", "126", "90.64", "120", "124",
        "118", "108", "98", "92", "90", "93", "98", "104", "112", "116", "119"};
    private static final Map<String, BigDecimal> SCALE = Map.of(BTC, new BigDecimal("600"), ETH, new BigDecimal("30"));

    final Instant start;

    /** The first candle opens at {@code start} truncated to the minute. */
    StrategyScript(Instant start) {
        this.start = start.truncatedTo(ChronoUnit.MINUTES);
    }

    /** An hour ago, well within the topics' retention. */
    static StrategyScript recent() {
        return new StrategyScript(Instant.now().minus(Duration.ofHours(1)));
    }

    static int length() {
        return PATH.length;
    }

    Candle candle(String symbol, int index) {
        BigDecimal close = price(new BigDecimal(PATH[index]).multiply(SCALE.get(symbol)));
        BigDecimal previous = index == 0 ? close : price(new BigDecimal(PATH[index - 1]).multiply(SCALE.get(symbol)));
        Instant openTime = start.plus(Duration.ofMinutes(index));
        return Candle.newBuilder()
                .setExchange("binance")
                .setSymbol(symbol)
                .setInterval("1m")
                .setOpenTime(openTime)
                .setCloseTime(openTime.plusMillis(59_999))
                .setOpen(previous)
                .setHigh(previous.max(close))
                .setLow(index == WICK ? price(new BigDecimal(WICK_LOW).multiply(SCALE.get(symbol))) : previous.min(close))
                .setClose(close)
                .setVolume(price(BigDecimal.ONE))
                .setQuoteVolume(close.setScale(16))
                .setTradeCount(1)
                .setTakerBuyVolume(price(BigDecimal.ZERO))
                .setTakerBuyQuoteVolume(BigDecimal.ZERO.setScale(16))
                .setFirstTradeId(index)
                .setLastTradeId(index)
                .setFilled(false)
                .build();
    }

    /** Candles {@code from} (inclusive) to {@code to} (exclusive) of both symbols, minute by minute. */
    List<Candle> candles(int from, int to) {
        List<Candle> candles = new ArrayList<>();
        for (int index = from; index < to; index++) {
            candles.add(candle(BTC, index));
            candles.add(candle(ETH, index));
        }
        return candles;
    }

    List<Candle> candles(String symbol) {
        List<Candle> candles = new ArrayList<>();
        for (int index = 0; index < PATH.length; index++) {
            candles.add(candle(symbol, index));
        }
        return candles;
    }

    /** A's two BUY fills in ETHUSDT, a few seconds after its entry candle closed: 0.4 at +5 % and 0.6 at +7 % of its close. */
    List<Fill> fillsOfAInEth() {
        BigDecimal entry = candle(ETH, ENTRY).getClose();
        Instant time = candle(ETH, ENTRY).getCloseTime().plusSeconds(2);
        return List.of(fill("A-ETH-1", entry.multiply(new BigDecimal("1.05")), new BigDecimal("0.4"), time),
                fill("A-ETH-2", entry.multiply(new BigDecimal("1.07")), new BigDecimal("0.6"), time.plusMillis(300)));
    }

    /** The snapshots and signals the service publishes for a symbol, the fills included or not. */
    Output expected(String symbol, boolean withFills) {
        Map<String, List<BuyFill>> fills = new LinkedHashMap<>();
        if (withFills && symbol.equals(ETH)) {
            fills.put("A", fillsOfAInEth().stream().map(f -> new BuyFill(ENTRY, f.getPrice(), f.getQuantity())).toList());
        }
        return CrossoverReference.runAll(STOP_LOSSES, candles(symbol), fills);
    }

    private static Fill fill(String tradeId, BigDecimal price, BigDecimal quantity, Instant time) {
        return Fill.newBuilder()
                .setClientOrderId("A-ETHUSDT-" + tradeId)
                .setTradeId(tradeId)
                .setStrategyInstance("A")
                .setSymbol(ETH)
                .setSide(OrderSide.BUY)
                .setPrice(price(price))
                .setQuantity(price(quantity))
                .setCommission(BigDecimal.ZERO.setScale(16))
                .setCommissionAsset("USDT")
                .setTradeTime(time)
                .build();
    }

    private static BigDecimal price(BigDecimal value) {
        return value.setScale(8);
    }

    private static Map<String, CrossoverReference.Stop> stopLosses() {
        Map<String, CrossoverReference.Stop> stopLosses = new LinkedHashMap<>();
        stopLosses.put("A", new CrossoverReference.Stop(new BigDecimal("0.15"), true));
        stopLosses.put("B", new CrossoverReference.Stop(new BigDecimal("0.10"), true));
        return stopLosses;
    }
}
