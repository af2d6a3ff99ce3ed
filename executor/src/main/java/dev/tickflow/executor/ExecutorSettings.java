package dev.tickflow.executor;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.StreamsTuning;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.binance.BinanceVenueSettings;
import dev.tickflow.executor.reconcile.ReconcileSettings;
import dev.tickflow.executor.engine.OrderPolicy;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.order.OrderSizing;
import dev.tickflow.executor.order.ProtectionPolicies;
import dev.tickflow.executor.risk.PortfolioLimits;
import dev.tickflow.executor.risk.RiskLimits;
import dev.tickflow.executor.risk.RiskPolicy;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.topics.TopicCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the executor topology needs to know; every key is under {@code executor.} (docs/executor.md lists them).
 *
 * @param venue           where orders go, {@code paper} or {@code binance} (the value of {@value #BROKER})
 * @param orderType       MARKET, or LIMIT at {@code limitOffsetBps} from the signal price
 * @param limitOffsetBps  a BUY limit is this many basis points below the signal price, a SELL limit above it
 * @param timeInForce     of LIMIT orders
 * @param limitExpiry     a resting LIMIT order still open this long after the signal is canceled (EXPIRED); zero never
 * @param paperFilters    the paper venue's exchange filters per symbol (none for a symbol without)
 * @param refreshInterval how often resting orders on an exchange are refreshed on the wall clock
 * @param protection      where each instance's positions are protected ({@link ProtectionSettings})
 */
public record ExecutorSettings(TopicCatalog topics, String venue, OrderType orderType, BigDecimal limitOffsetBps, TimeInForce timeInForce,
                               Duration limitExpiry, OrderSizing sizing, RiskPolicy risk, BigDecimal paperFeeRate, BigDecimal paperSlippageBps,
                               Map<String, SymbolFilters> paperFilters, Duration refreshInterval, Map<String, Object> serdeConfig,
                               ProtectionPolicies protection) {

    public static final String APPLICATION_ID = "tickflow-executor";
    /**
     * Latency defaults of its Streams clients (docs/performance.md, "Close-to-order per hop"). A signal crosses two
     * commits here (onto the one-partition repartition topic, then to the processor), so the interval is short; with
     * trades flowing that is 40 transactions a second, which this low-volume service carries easily.
     */
    public static final StreamsTuning STREAMS_TUNING = new StreamsTuning(25, 100, 20, 5, 10, 25);
    public static final String PREFIX = "executor.";
    /** The venue orders go to: the configuration word "broker" names the venue (kept for compatibility, as is {@code --broker}). */
    public static final String BROKER = PREFIX + "broker";
    public static final String VENUE_PAPER = "paper";
    public static final String VENUE_BINANCE = "binance";
    public static final String ORDER_TYPE = PREFIX + "order.type";
    public static final String LIMIT_OFFSET_BPS = PREFIX + "order.limit.offset.bps";
    public static final String TIME_IN_FORCE = PREFIX + "order.time.in.force";
    public static final String LIMIT_EXPIRY_MS = PREFIX + "order.limit.expiry.ms";
    public static final String ORDER_QUANTITIES = PREFIX + "order.quantities";
    public static final String ORDER_NOTIONALS = PREFIX + "order.notionals";
    public static final String PAPER_FEE_RATE = PREFIX + "paper.fee.rate";
    public static final String PAPER_SLIPPAGE_BPS = PREFIX + "paper.slippage.bps";
    public static final String PAPER_FILTERS = PREFIX + "paper.filters";
    public static final String REFRESH_INTERVAL_MS = PREFIX + "refresh.interval.ms";
    public static final String RISK_PREFIX = PREFIX + "risk.";
    public static final String RISK_MAX_POSITION_NOTIONAL = RISK_PREFIX + "max.position.notional";
    public static final String RISK_MAX_ORDER_NOTIONAL = RISK_PREFIX + "max.order.notional";
    public static final String RISK_MAX_ORDERS_PER_SECOND = RISK_PREFIX + "max.orders.per.second";
    public static final String RISK_MAX_OPEN_ORDERS = RISK_PREFIX + "max.open.orders";
    public static final String RISK_MAX_DAILY_LOSS = RISK_PREFIX + "max.daily.loss";
    public static final String RISK_MAX_DRAWDOWN = RISK_PREFIX + "max.drawdown";
    public static final String RISK_MAX_SIGNAL_AGE_MS = RISK_PREFIX + "max.signal.age.ms";
    /**
     * A signal is created at its 1-minute candle's close and normally reaches the executor some seconds later (the
     * aggregation's grace period, two topics); one older than two candle periods is refused (docs/executor.md).
     */
    public static final Duration DEFAULT_MAX_SIGNAL_AGE = Duration.ofMinutes(5);
    public static final String RISK_MAX_EXPOSURE_NOTIONAL = RISK_PREFIX + "max.exposure.notional";
    public static final String RISK_ACCOUNT_PREFIX = RISK_PREFIX + "account.";
    public static final String RISK_ACCOUNT_MAX_EXPOSURE_NOTIONAL = RISK_ACCOUNT_PREFIX + "max.exposure.notional";
    public static final String RISK_ACCOUNT_MAX_OPEN_ORDERS = RISK_ACCOUNT_PREFIX + "max.open.orders";
    public static final String RISK_ACCOUNT_MAX_ORDERS_PER_SECOND = RISK_ACCOUNT_PREFIX + "max.orders.per.second";
    public static final String RISK_ACCOUNT_MAX_DAILY_LOSS = RISK_ACCOUNT_PREFIX + "max.daily.loss";
    public static final String RISK_ACCOUNT_MAX_DRAWDOWN = RISK_ACCOUNT_PREFIX + "max.drawdown";
    /** A runaway loop stops here; well under an exchange's own order rate limits. */
    static final int DEFAULT_ACCOUNT_MAX_ORDERS_PER_SECOND = 20;
    /** Binance's MAX_NUM_ORDERS of a symbol. */
    static final int DEFAULT_ACCOUNT_MAX_OPEN_ORDERS = 200;
    public static final String RISK_HALT_SCOPE = RISK_PREFIX + "halt.scope";
    public static final String RISK_OVERRIDES = RISK_PREFIX + "overrides";

    /** The limits an entry of {@value #RISK_OVERRIDES} may set, by their name after {@value #RISK_PREFIX}. */
    static final List<String> OVERRIDABLE = List.of("max.position.notional", "max.order.notional", "max.orders.per.second",
            "max.open.orders", "max.daily.loss", "max.drawdown", "max.signal.age.ms");

    public ExecutorSettings {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(timeInForce, "timeInForce");
        paperFilters = Map.copyOf(paperFilters);
        serdeConfig = Map.copyOf(serdeConfig);
        Objects.requireNonNull(protection, "protection");
    }

    /** Settings whose protection stays in the strategies. */
    public ExecutorSettings(TopicCatalog topics, String venue, OrderType orderType, BigDecimal limitOffsetBps, TimeInForce timeInForce,
                            Duration limitExpiry, OrderSizing sizing, RiskPolicy risk, BigDecimal paperFeeRate, BigDecimal paperSlippageBps,
                            Map<String, SymbolFilters> paperFilters, Duration refreshInterval, Map<String, Object> serdeConfig) {
        this(topics, venue, orderType, limitOffsetBps, timeInForce, limitExpiry, sizing, risk, paperFeeRate, paperSlippageBps, paperFilters,
                refreshInterval, serdeConfig, ProtectionPolicies.STRATEGY_ONLY);
    }

    /** Paper venue, MARKET orders, default sizes, no risk limits, no fee or slippage, default topics. */
    public static ExecutorSettings paperDefaults(Map<String, Object> serdeConfig) {
        return new ExecutorSettings(TopicCatalog.defaults(), VENUE_PAPER, OrderType.MARKET, BigDecimal.ZERO, TimeInForce.GTC, Duration.ofMinutes(5),
                new OrderSizing(Map.of(), Map.of(), ORDER_QUANTITIES, ORDER_NOTIONALS), RiskPolicy.unlimited(), BigDecimal.ZERO, BigDecimal.ZERO,
                Map.of(), Duration.ofSeconds(5), serdeConfig);
    }

    /** How orders are shaped: type, LIMIT offset, time in force and expiry. */
    public OrderPolicy orderPolicy() {
        return new OrderPolicy(orderType, limitOffsetBps, timeInForce, limitExpiry);
    }

    public ExecutorSettings withOrderType(OrderType type, BigDecimal offsetBps, TimeInForce tif, Duration expiry) {
        return new ExecutorSettings(topics, venue, type, offsetBps, tif, expiry, sizing, risk, paperFeeRate, paperSlippageBps, paperFilters,
                refreshInterval, serdeConfig, protection);
    }

    public ExecutorSettings withRisk(RiskPolicy policy) {
        return new ExecutorSettings(topics, venue, orderType, limitOffsetBps, timeInForce, limitExpiry, sizing, policy, paperFeeRate, paperSlippageBps,
                paperFilters, refreshInterval, serdeConfig, protection);
    }

    public ExecutorSettings withPaperCosts(BigDecimal feeRate, BigDecimal slippageBps) {
        return new ExecutorSettings(topics, venue, orderType, limitOffsetBps, timeInForce, limitExpiry, sizing, risk, feeRate, slippageBps,
                paperFilters, refreshInterval, serdeConfig, protection);
    }

    public ExecutorSettings withPaperFilters(Map<String, SymbolFilters> filters) {
        return new ExecutorSettings(topics, venue, orderType, limitOffsetBps, timeInForce, limitExpiry, sizing, risk, paperFeeRate, paperSlippageBps,
                filters, refreshInterval, serdeConfig, protection);
    }

    public ExecutorSettings withProtection(ProtectionPolicies policies) {
        return new ExecutorSettings(topics, venue, orderType, limitOffsetBps, timeInForce, limitExpiry, sizing, risk, paperFeeRate,
                paperSlippageBps, paperFilters, refreshInterval, serdeConfig, policies);
    }

    public ExecutorSettings withSizing(OrderSizing orderSizing) {
        return new ExecutorSettings(topics, venue, orderType, limitOffsetBps, timeInForce, limitExpiry, orderSizing, risk, paperFeeRate,
                paperSlippageBps, paperFilters, refreshInterval, serdeConfig, protection);
    }

    /** The keys of the executor service: the common ones, {@link #define its own} and the binance venue's ({@code executor.binance.*}). */
    public static ConfigDef definition() {
        return ReconcileSettings.define(BinanceVenueSettings.define(define(STREAMS_TUNING.defineOn(CommonConfig.definition(APPLICATION_ID)))));
    }

    /** Adds the executor's own keys to {@code definition}; a venue adds its own ({@code executor.binance.*}) the same way. */
    public static ConfigDef define(ConfigDef definition) {
        return ProtectionSettings.define(definition
                .define(BROKER, Type.STRING, VENUE_PAPER, ValidString.in(VENUE_PAPER, VENUE_BINANCE), Importance.HIGH,
                        "Where orders go: paper (simulated fills, the default) or binance (the Spot Testnet unless configured otherwise).")
                .define(ORDER_TYPE, Type.STRING, OrderType.MARKET.name(), ValidString.in(OrderType.MARKET.name(), OrderType.LIMIT.name()),
                        Importance.HIGH, "MARKET (default) or LIMIT orders.")
                .define(LIMIT_OFFSET_BPS, Type.STRING, "0", decimal(true), Importance.MEDIUM,
                        "LIMIT orders: basis points a BUY limit lies below the signal price (a SELL limit above it), rounded to the tick size.")
                .define(TIME_IN_FORCE, Type.STRING, TimeInForce.GTC.name(), ValidString.in(names(TimeInForce.values())), Importance.MEDIUM,
                        "LIMIT orders: GTC (rests until filled, canceled or expired), IOC or FOK.")
                .define(LIMIT_EXPIRY_MS, Type.LONG, Duration.ofMinutes(5).toMillis(), Range.atLeast(0), Importance.MEDIUM,
                        "LIMIT orders: cancel a resting order this long after its signal (event time on paper, wall clock on an exchange); 0 never.")
                .define(ORDER_QUANTITIES, Type.LIST, "", Importance.HIGH,
                        "Opening size per symbol in the base asset: SYMBOL=QUANTITY,... Defaults: 0.001 for BTC-base pairs, 0.01 for ETH-base pairs.")
                .define(ORDER_NOTIONALS, Type.LIST, "", Importance.HIGH,
                        "Opening size per symbol in the quote asset: SYMBOL=AMOUNT,... Defaults: 0.001 where the quote is BTC, 0.01 where it is ETH.")
                .define(PAPER_FEE_RATE, Type.STRING, "0.001", decimal(true), Importance.MEDIUM,
                        "Paper venue: fee per fill as a fraction of its notional, in the quote asset (0.001 = 0.1 %).")
                .define(PAPER_SLIPPAGE_BPS, Type.STRING, "0", decimal(true), Importance.MEDIUM,
                        "Paper venue: basis points a market order's price moves against it.")
                .define(PAPER_FILTERS, Type.LIST, "", PaperFilters::validate, Importance.LOW,
                        "Paper venue: exchange filters per symbol, SYMBOL.FIELD=VALUE,... with FIELD one of " + PaperFilters.FIELDS
                                + " (absent fields are off); empty: no filters.")
                .define(REFRESH_INTERVAL_MS, Type.LONG, 5_000L, Range.atLeast(100), Importance.LOW,
                        "Exchange venue (binance): how often resting orders are refreshed and expired ones canceled (wall clock).")
                .define(RISK_MAX_POSITION_NOTIONAL, Type.STRING, "", decimalOrEmpty(), Importance.HIGH,
                        "Largest position value (|quantity| x price, quote asset) per instance and symbol; empty: no limit.")
                .define(RISK_MAX_ORDER_NOTIONAL, Type.STRING, "", decimalOrEmpty(), Importance.HIGH,
                        "Largest value of one order (quote asset); empty: no limit.")
                .define(RISK_MAX_ORDERS_PER_SECOND, Type.STRING, "", wholeOrEmpty(), Importance.MEDIUM,
                        "Most orders an instance may place in any one second; empty: no limit.")
                .define(RISK_MAX_OPEN_ORDERS, Type.STRING, "", wholeOrEmpty(), Importance.MEDIUM,
                        "Most resting orders an instance may have; empty: no limit.")
                .define(RISK_MAX_DAILY_LOSS, Type.STRING, "", decimalOrEmpty(), Importance.HIGH,
                        "Loss of an instance's net PnL (realized + unrealized - fees, over all its symbols) within one UTC day that halts "
                                + "it until the next; empty: no limit.")
                .define(RISK_MAX_DRAWDOWN, Type.STRING, "", decimalOrEmpty(), Importance.HIGH,
                        "Fall of an instance's net PnL (over all its symbols) from its peak that halts it until lifted; empty: no limit.")
                .define(RISK_MAX_SIGNAL_AGE_MS, Type.STRING, Long.toString(DEFAULT_MAX_SIGNAL_AGE.toMillis()), wholeOrEmpty(), Importance.HIGH,
                        "Refuse signals older than this (signal time, its candle's close, vs. the executor's clock; on paper the "
                                + "clock is the signal's own time, so it never refuses there); empty: no limit. Default: two 1-minute "
                                + "candles, so an executor that lags or restarts slowly does not trade on a crossing the market has left.")
                .define(RISK_MAX_EXPOSURE_NOTIONAL, Type.STRING, "", decimalOrEmpty(), Importance.HIGH,
                        "Largest exposure of an instance over all its symbols (sum of |quantity| x price, quote asset); empty: no limit.")
                .define(RISK_ACCOUNT_MAX_EXPOSURE_NOTIONAL, Type.STRING, "", decimalOrEmpty(), Importance.HIGH,
                        "Largest exposure of the whole account over all instances and symbols (quote asset); empty: no limit.")
                .define(RISK_ACCOUNT_MAX_OPEN_ORDERS, Type.STRING, Integer.toString(DEFAULT_ACCOUNT_MAX_OPEN_ORDERS), wholeOrEmpty(),
                        Importance.MEDIUM, "Most resting orders of the whole account; empty: no limit.")
                .define(RISK_ACCOUNT_MAX_ORDERS_PER_SECOND, Type.STRING, Integer.toString(DEFAULT_ACCOUNT_MAX_ORDERS_PER_SECOND), wholeOrEmpty(),
                        Importance.MEDIUM, "Most orders of the whole account in any one second of the executor's clock; empty: no limit.")
                .define(RISK_ACCOUNT_MAX_DAILY_LOSS, Type.STRING, "", decimalOrEmpty(), Importance.HIGH,
                        "Loss of the account's net PnL (all instances and symbols) within one UTC day that halts every instance until "
                                + "the next; empty: no limit.")
                .define(RISK_ACCOUNT_MAX_DRAWDOWN, Type.STRING, "", decimalOrEmpty(), Importance.HIGH,
                        "Fall of the account's net PnL from its peak that halts every instance until lifted; empty: no limit.")
                .define(RISK_HALT_SCOPE, Type.STRING, "instance", ValidString.in("instance", "all"), Importance.MEDIUM,
                        "What a breached loss limit halts: the instance (default) or every instance.")
                .define(RISK_OVERRIDES, Type.LIST, "", RiskOverrides::validate, Importance.MEDIUM,
                        "Per-instance limits over the global ones: INSTANCE:LIMIT=VALUE,... with LIMIT one of " + OVERRIDABLE
                                + ", e.g. A:max.order.notional=500."));
    }

    /** The settings a service's configuration describes. */
    public static ExecutorSettings from(TickflowConfig config) {
        OrderSizing sizing;
        try {
            sizing = new OrderSizing(symbolDecimals(config.getList(ORDER_QUANTITIES), ORDER_QUANTITIES),
                    symbolDecimals(config.getList(ORDER_NOTIONALS), ORDER_NOTIONALS), ORDER_QUANTITIES, ORDER_NOTIONALS);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        RiskLimits global = new RiskLimits(
                optionalDecimal(config.getString(RISK_MAX_POSITION_NOTIONAL)),
                optionalDecimal(config.getString(RISK_MAX_ORDER_NOTIONAL)),
                optionalInt(config.getString(RISK_MAX_ORDERS_PER_SECOND)),
                optionalInt(config.getString(RISK_MAX_OPEN_ORDERS)),
                optionalDecimal(config.getString(RISK_MAX_DAILY_LOSS)),
                optionalDecimal(config.getString(RISK_MAX_DRAWDOWN)),
                optionalMillis(config.getString(RISK_MAX_SIGNAL_AGE_MS)));
        RiskPolicy.HaltScope scope = RiskPolicy.HaltScope.valueOf(config.getString(RISK_HALT_SCOPE).toUpperCase(Locale.ROOT));
        PortfolioLimits portfolio = new PortfolioLimits(
                optionalDecimal(config.getString(RISK_MAX_EXPOSURE_NOTIONAL)),
                optionalDecimal(config.getString(RISK_ACCOUNT_MAX_EXPOSURE_NOTIONAL)),
                optionalInt(config.getString(RISK_ACCOUNT_MAX_OPEN_ORDERS)),
                optionalInt(config.getString(RISK_ACCOUNT_MAX_ORDERS_PER_SECOND)),
                optionalDecimal(config.getString(RISK_ACCOUNT_MAX_DAILY_LOSS)),
                optionalDecimal(config.getString(RISK_ACCOUNT_MAX_DRAWDOWN)));
        RiskPolicy policy = new RiskPolicy(global, RiskOverrides.parse(config.getList(RISK_OVERRIDES)), scope, portfolio);
        return new ExecutorSettings(TopicCatalog.from(config), config.getString(BROKER), OrderType.valueOf(config.getString(ORDER_TYPE)),
                new BigDecimal(config.getString(LIMIT_OFFSET_BPS)), TimeInForce.valueOf(config.getString(TIME_IN_FORCE)),
                Duration.ofMillis(config.getLong(LIMIT_EXPIRY_MS)), sizing, policy, new BigDecimal(config.getString(PAPER_FEE_RATE)),
                new BigDecimal(config.getString(PAPER_SLIPPAGE_BPS)), PaperFilters.parse(config.getList(PAPER_FILTERS)),
                Duration.ofMillis(config.getLong(REFRESH_INTERVAL_MS)), config.serdeProperties(), ProtectionSettings.parse(config));
    }

    /** {@code SYMBOL=DECIMAL} entries; symbols upper case. */
    static Map<String, BigDecimal> symbolDecimals(List<String> entries, String key) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new ConfigException(key, entry, "each entry must be SYMBOL=AMOUNT");
            }
            BigDecimal value = parsePositive(key, parts[1].trim());
            if (values.put(parts[0].trim().toUpperCase(Locale.ROOT), value) != null) {
                throw new ConfigException(key, entry, "symbol " + parts[0].trim() + " is given twice");
            }
        }
        return values;
    }

    static BigDecimal parsePositive(String key, String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(key, text, "must be a positive decimal number");
    }

    private static BigDecimal optionalDecimal(String text) {
        return text.isBlank() ? null : new BigDecimal(text.trim());
    }

    private static Integer optionalInt(String text) {
        return text.isBlank() ? null : Integer.valueOf(text.trim());
    }

    private static Duration optionalMillis(String text) {
        return text.isBlank() ? null : Duration.ofMillis(Long.parseLong(text.trim()));
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static ConfigDef.Validator decimal(boolean allowZero) {
        return (key, value) -> {
            try {
                BigDecimal parsed = new BigDecimal(String.valueOf(value).trim());
                if (parsed.signum() < 0 || (!allowZero && parsed.signum() == 0)) {
                    throw new ConfigException(key, value, allowZero ? "must not be negative" : "must be positive");
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(key, value, "must be a decimal number");
            }
        };
    }

    private static ConfigDef.Validator decimalOrEmpty() {
        return (key, value) -> {
            if (!String.valueOf(value).isBlank()) {
                parsePositive(key, String.valueOf(value).trim());
            }
        };
    }

    private static ConfigDef.Validator wholeOrEmpty() {
        return (key, value) -> {
            String text = String.valueOf(value).trim();
            if (!text.isEmpty()) {
                try {
                    if (Long.parseLong(text) >= 1) {
                        return;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new ConfigException(key, value, "must be a whole number of at least 1, or empty for no limit");
            }
        };
    }
}
