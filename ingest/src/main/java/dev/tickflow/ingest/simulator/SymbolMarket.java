package dev.tickflow.ingest.simulator;

import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated trades of one symbol, one after the other: a geometric random walk of the price in whole ticks,
 * quantities of a lognormal notional in whole lot steps, and an activity that switches between quiet, normal and
 * burst periods. Pure and deterministic: the same symbol, seed and start give the same trades.
 */
final class SymbolMarket {
    static final String EXCHANGE = "simulator";
    static final int SCALE = 8;
    /** Volatility per square root of a second (about 60 % a year). */
    private static final double VOLATILITY_PER_SQRT_SECOND = 0.6 / Math.sqrt(365.0 * 24 * 3600);
    private static final double MEAN_REGIME_SECONDS = 45;
    /** Mean milliseconds between trades in the quiet, normal and burst periods. */
    private static final double[] MEAN_GAP_MS = {2_500, 300, 25};
    private static final double[] REGIME_ODDS = {0.3, 0.55, 0.15};
    private static final Map<String, String> KNOWN_PRICES = Map.of(
            "BTCUSDT", "65000.00", "ETHUSDT", "3200.00", "BNBUSDT", "580.0", "SOLUSDT", "150.00",
            "XRPUSDT", "0.5200", "ETHBTC", "0.05200", "XRPETH", "0.00016", "DOGEUSDT", "0.12000");

    private final String symbol;
    private final SplittableRandom random;
    private final BigDecimal tick;
    private final BigDecimal step;
    private final double meanNotional;
    private BigDecimal price;
    /** At most this many raw trades make one aggregate trade. */
    static final int MAX_RAW_TRADES = 4;

    private long nextTradeId;
    private long nextRawTradeId;
    private double timeMs;
    private double regimeEndsMs;
    private int regime = 1;

    SymbolMarket(String symbol, long seed, long startMillis) {
        this(symbol, seed, startMillis, 1);
    }

    /**
     * @param firstTradeId the first aggregate trade id; raw trade ids start at {@code (firstTradeId - 1) * MAX_RAW_TRADES + 1},
     *                     so markets started with ids above every earlier market's aggregate ids never repeat a raw id either
     */
    SymbolMarket(String symbol, long seed, long startMillis, long firstTradeId) {
        this.symbol = symbol;
        this.nextTradeId = firstTradeId;
        this.nextRawTradeId = (firstTradeId - 1) * MAX_RAW_TRADES + 1;
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ symbol.hashCode());
        BigDecimal initial = new BigDecimal(KNOWN_PRICES.getOrDefault(symbol, inventedPrice()));
        this.tick = powerOfTen(Math.max(-SCALE, magnitude(initial) - 6));
        this.step = powerOfTen(Math.max(-SCALE, Math.min(0, -magnitude(initial) - 1)));
        this.price = initial.setScale(SCALE, RoundingMode.HALF_EVEN).divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick)
                .setScale(SCALE, RoundingMode.UNNECESSARY);
        this.meanNotional = 200 + random.nextDouble() * 800;
        this.timeMs = startMillis;
        this.regimeEndsMs = startMillis;
    }

    String symbol() {
        return symbol;
    }

    BigDecimal tick() {
        return tick;
    }

    BigDecimal step() {
        return step;
    }

    /** The trade time of the next trade, in epoch milliseconds. */
    long nextTradeTime() {
        return (long) timeMs;
    }

    /** The next trade, then moves on to the one after it. */
    Trade next() {
        Instant tradeTime = Instant.ofEpochMilli((long) timeMs);
        int rawTrades = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(MAX_RAW_TRADES));
        BigDecimal before = price;
        double gapSeconds = advanceTime() / 1000.0;
        movePrice(gapSeconds);
        boolean buyerIsMaker = random.nextDouble() < (price.compareTo(before) < 0 ? 0.7 : price.compareTo(before) > 0 ? 0.3 : 0.5);
        Trade trade = Trade.newBuilder()
                .setExchange(EXCHANGE)
                .setSymbol(symbol)
                .setTradeId(nextTradeId++)
                .setFirstTradeId(nextRawTradeId)
                .setLastTradeId(nextRawTradeId + rawTrades - 1)
                .setPrice(before)
                .setQuantity(quantity(before))
                .setTradeTime(tradeTime)
                .setBuyerIsMaker(buyerIsMaker)
                .setEventTime(tradeTime)
                .setIngestTime(tradeTime)
                .build();
        nextRawTradeId += rawTrades;
        return trade;
    }

    /** Moves the clock to the next trade; returns the gap in milliseconds. */
    private double advanceTime() {
        if (timeMs >= regimeEndsMs) {
            double pick = random.nextDouble();
            regime = pick < REGIME_ODDS[0] ? 0 : pick < REGIME_ODDS[0] + REGIME_ODDS[1] ? 1 : 2;
            regimeEndsMs = timeMs + exponential(MEAN_REGIME_SECONDS * 1000);
        }
        double gap = exponential(MEAN_GAP_MS[regime]);
        timeMs += gap;
        return gap;
    }

    private void movePrice(double gapSeconds) {
        double sigma = VOLATILITY_PER_SQRT_SECOND * Math.sqrt(Math.max(gapSeconds, 0.001)) * (regime == 2 ? 3 : 1);
        double relativeMove = Math.expm1(sigma * gaussian());
        long ticks = Math.round(price.doubleValue() * relativeMove / tick.doubleValue());
        BigDecimal moved = price.add(tick.multiply(BigDecimal.valueOf(ticks)));
        BigDecimal floor = tick.multiply(BigDecimal.valueOf(100));
        price = (moved.compareTo(floor) < 0 ? floor : moved).setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    private BigDecimal quantity(BigDecimal atPrice) {
        double notional = meanNotional * Math.exp(1.2 * gaussian() - 0.72);
        long steps = Math.max(1, Math.round(notional / atPrice.doubleValue() / step.doubleValue()));
        return step.multiply(BigDecimal.valueOf(steps)).setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** A standard normal variate (Box-Muller; one of the pair is dropped to keep the state simple). */
    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A price between 0.01 and 1000 for a symbol without a known one, from the symbol alone. */
    private String inventedPrice() {
        double exponent = -2 + new SplittableRandom(symbol.hashCode()).nextDouble() * 5;
        return BigDecimal.valueOf(Math.pow(10, exponent)).round(new java.math.MathContext(4)).toPlainString();
    }

    private static int magnitude(BigDecimal value) {
        return value.precision() - value.scale() - 1;
    }

    private static BigDecimal powerOfTen(int exponent) {
        return BigDecimal.ONE.scaleByPowerOfTen(exponent);
    }
}
