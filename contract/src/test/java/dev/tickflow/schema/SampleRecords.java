package dev.tickflow.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
  * One realistic instance of each Tickflow record, for tests in any module. Decimals carry exactly
  * their schema's scale, so a record equals itself after an Avro round trip ({@code equals} on
  * generated classes compares decimal scale too). Each call returns new instances.
  */
public final class SampleRecords {

    /** 2026-01-15T10:00:00Z, the open time of the sample candle. */
    public static final Instant OPEN_TIME = Instant.parse("2026-01-15T10:00:00Z");
    public static final String SYMBOL = "BTCUSDT";
    public static final String STRATEGY_INSTANCE = "A";

    private SampleRecords() {
    }

    /** The eight record types, every field (nullable ones included) set. */
    public static List<SpecificRecord> all() {
        return List.of(trade(), candle(), indicatorSnapshot(), signal(), orderEvent(), fill(), position(), symbolCommand(),
                operatorCommand(), operationalEvent());
    }

    /** Variants with every nullable field null, and the gap-filled candle. */
    public static List<SpecificRecord> withNullableFieldsNull() {
        return List.of(candleGapFilled(), indicatorSnapshotWarmingUp(), signalWithoutIndicators(), orderEventMarketNew(),
                fillPaper(), positionFlat());
    }

    /** {@link #all()} followed by {@link #withNullableFieldsNull()}. */
    public static List<SpecificRecord> allVariants() {
        List<SpecificRecord> records = new ArrayList<>(all());
        records.addAll(withNullableFieldsNull());
        return records;
    }

    public static Trade trade() {
        Instant tradeTime = OPEN_TIME.plusMillis(12_345);
        return Trade.newBuilder()
                .setExchange("binance")
                .setSymbol(SYMBOL)
                .setTradeId(3_412_345_678L)
                .setFirstTradeId(5_123_456_789L)
                .setLastTradeId(5_123_456_791L)
                .setPrice(price("97250.12"))
                .setQuantity(price("0.01234"))
                .setTradeTime(tradeTime)
                .setBuyerIsMaker(false)
                .setEventTime(tradeTime.plusMillis(3))
                .setIngestTime(tradeTime.plusMillis(17))
                .build();
    }

    public static Candle candle() {
        return Candle.newBuilder()
                .setExchange("binance")
                .setSymbol(SYMBOL)
                .setInterval("1m")
                .setOpenTime(OPEN_TIME)
                .setCloseTime(OPEN_TIME.plusMillis(59_999))
                .setOpen(price("97201.50"))
                .setHigh(price("97288.00"))
                .setLow(price("97180.01"))
                .setClose(price("97250.12"))
                .setVolume(price("12.34567"))
                .setQuoteVolume(exact("1200456.7890123456789"))
                .setTradeCount(1_234)
                .setTakerBuyVolume(price("6.54321"))
                .setTakerBuyQuoteVolume(exact("636123.4567890123"))
                .setFirstTradeId(3_412_345_001L)
                .setLastTradeId(3_412_345_678L)
                .setFilled(false)
                .build();
    }

    /** A minute without trades: flat at the previous close, zero volumes, no trade ids. */
    public static Candle candleGapFilled() {
        return Candle.newBuilder(candle())
                .setOpenTime(OPEN_TIME.plusSeconds(60))
                .setCloseTime(OPEN_TIME.plusMillis(119_999))
                .setOpen(price("97250.12"))
                .setHigh(price("97250.12"))
                .setLow(price("97250.12"))
                .setClose(price("97250.12"))
                .setVolume(price("0"))
                .setQuoteVolume(exact("0"))
                .setTradeCount(0)
                .setTakerBuyVolume(price("0"))
                .setTakerBuyQuoteVolume(exact("0"))
                .setFirstTradeId(-1)
                .setLastTradeId(-1)
                .setFilled(true)
                .build();
    }

    public static IndicatorSnapshot indicatorSnapshot() {
        return IndicatorSnapshot.newBuilder()
                .setStrategyInstance(STRATEGY_INSTANCE)
                .setSymbol(SYMBOL)
                .setOpenTime(OPEN_TIME)
                .setClose(price("97250.12"))
                .setSma(exact("97110.4230000000000001"))
                .setEma(exact("97190.0866666666666667"))
                .setIndicators(indicators("sma", "97110.4230000000000001", "ema", "97190.0866666666666667", "momentum", "-0.5"))
                .build();
    }

    public static IndicatorSnapshot indicatorSnapshotWarmingUp() {
        return IndicatorSnapshot.newBuilder(indicatorSnapshot()).setSma(null).setEma(null).setIndicators(Map.of()).build();
    }

    public static Signal signal() {
        return Signal.newBuilder()
                .setSignalId(STRATEGY_INSTANCE + "-" + SYMBOL + "-" + OPEN_TIME.toEpochMilli())
                .setStrategyInstance(STRATEGY_INSTANCE)
                .setSymbol(SYMBOL)
                .setCandleOpenTime(OPEN_TIME)
                .setTarget(TargetPosition.LONG)
                .setReason(SignalReason.CROSS_UP)
                .setPrice(price("97250.12"))
                .setSma(exact("97110.4230000000000001"))
                .setEma(exact("97190.0866666666666667"))
                .setStopPrice(exact("82662.602"))
                .setCreatedAt(OPEN_TIME.plusMillis(59_999))
                .build();
    }

    /** Going flat by a rule of a strategy without SMA/EMA: no indicators, no stop. */
    public static Signal signalWithoutIndicators() {
        return Signal.newBuilder(signal())
                .setTarget(TargetPosition.FLAT)
                .setReason(SignalReason.EXIT_RULE)
                .setSma(null)
                .setEma(null)
                .setStopPrice(null)
                .build();
    }

    /** A LIMIT order (IOC) partly filled, its remainder expired on the exchange: every field set. */
    public static OrderEvent orderEvent() {
        return OrderEvent.newBuilder()
                .setClientOrderId("tf-" + STRATEGY_INSTANCE + "-" + SYMBOL + "-" + OPEN_TIME.toEpochMilli())
                .setExchangeOrderId("28457123")
                .setStrategyInstance(STRATEGY_INSTANCE)
                .setSymbol(SYMBOL)
                .setSide(OrderSide.BUY)
                .setType(OrderType.LIMIT)
                .setQuantity(price("0.001"))
                .setPrice(price("97250.12"))
                .setStatus(OrderStatus.EXPIRED)
                .setRejectReason("IOC remainder expired unfilled")
                .setEventTime(OPEN_TIME.plusMillis(60_250))
                .setBroker("binance")
                .setSignalId(STRATEGY_INSTANCE + "-" + SYMBOL + "-" + OPEN_TIME.toEpochMilli())
                .setFilledQuantity(price("0.0006"))
                .setAverageFillPrice(exact("97249.995"))
                .build();
    }

    /** A paper market order just accepted: no exchange id, price, reason, signal or fills yet. */
    public static OrderEvent orderEventMarketNew() {
        return OrderEvent.newBuilder(orderEvent())
                .setExchangeOrderId(null)
                .setType(OrderType.MARKET)
                .setPrice(null)
                .setStatus(OrderStatus.NEW)
                .setQuantity(price("0.001"))
                .setRejectReason(null)
                .setBroker("paper")
                .setSignalId(null)
                .setFilledQuantity(null)
                .setAverageFillPrice(null)
                .build();
    }

    public static Fill fill() {
        return Fill.newBuilder()
                .setClientOrderId("tf-" + STRATEGY_INSTANCE + "-" + SYMBOL + "-" + OPEN_TIME.toEpochMilli())
                .setExchangeOrderId("28457123")
                .setTradeId("1987654")
                .setStrategyInstance(STRATEGY_INSTANCE)
                .setSymbol(SYMBOL)
                .setSide(OrderSide.BUY)
                .setPrice(price("97249.99"))
                .setQuantity(price("0.001"))
                .setCommission(exact("0.0000010000000000"))
                .setCommissionAsset("BTC")
                .setTradeTime(OPEN_TIME.plusMillis(60_240))
                .build();
    }

    public static Fill fillPaper() {
        return Fill.newBuilder(fill()).setExchangeOrderId(null).setTradeId("paper-1").setCommissionAsset("USDT")
                .setCommission(exact("0.09724999")).build();
    }

    public static Position position() {
        return Position.newBuilder()
                .setStrategyInstance(STRATEGY_INSTANCE)
                .setSymbol(SYMBOL)
                .setQuantity(price("0.001"))
                .setAverageEntryPrice(exact("97249.99"))
                .setRealizedPnl(exact("-12.3456789012345678"))
                .setFees(exact("0.19449998"))
                .setLastPrice(price("97310.55"))
                .setUnrealizedPnl(exact("0.06056"))
                .setUpdatedAt(OPEN_TIME.plusMillis(120_000))
                .build();
    }

    /** Flat before any price was seen. */
    public static Position positionFlat() {
        return Position.newBuilder(position())
                .setQuantity(price("0"))
                .setAverageEntryPrice(exact("0"))
                .setLastPrice(null)
                .setUnrealizedPnl(exact("0"))
                .build();
    }

    public static SymbolCommand symbolCommand() {
        return SymbolCommand.newBuilder()
                .setSymbol("ETHUSDT")
                .setEnabled(true)
                .setRequestedAt(OPEN_TIME.minusSeconds(3_600))
                .build();
    }

    public static OperatorCommand operatorCommand() {
        return OperatorCommand.newBuilder()
                .setCommandId("4f1c2a9e-5b7d-4e0a-9c33-0d2f6f8e1a11")
                .setAction(OperatorAction.SET_PARAMETERS)
                .setStrategyInstance("sma-cross")
                .setParameters(Map.of("fast", "7", "slow", "30"))
                .setIssuedBy("cli")
                .setReason("slower regime")
                .setRequestedAt(OPEN_TIME.minusSeconds(60))
                .build();
    }

    public static OperationalEvent operationalEvent() {
        return OperationalEvent.newBuilder()
                .setEventId("halt:sma-cross:1718000000000")
                .setKind("HALTED")
                .setSeverity("CRITICAL")
                .setService("executor")
                .setStrategyInstance("sma-cross")
                .setSymbol("BTCUSDT")
                .setMessage("daily loss limit breached; lift with `tickflow control lift-halt sma-cross`")
                .setDetails(Map.of("rule", "max-daily-loss", "limit", "100"))
                .setEventTime(OPEN_TIME.plusSeconds(60))
                .build();
    }

    /** Names and values, in order, at the scale of {@code decimal(38,16)}. */
    private static Map<String, BigDecimal> indicators(String... namesAndValues) {
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            indicators.put(namesAndValues[i], exact(namesAndValues[i + 1]));
        }
        return indicators;
    }

    /** A price or quantity at the scale of {@code decimal(30,8)}. */
    private static BigDecimal price(String value) {
        return new BigDecimal(value).setScale(8);
    }

    /** An exact amount at the scale of {@code decimal(38,16)}. */
    private static BigDecimal exact(String value) {
        return new BigDecimal(value).setScale(16);
    }
}
