package dev.tickflow.api;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SymbolCommand;
import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON bodies of the records: field names as in the Avro schemas, decimals as exact strings (never JSON numbers,
 * which clients read as doubles), instants as ISO-8601 UTC, enums by name, absent optional fields as null, maps as
 * objects sorted by key.
 */
public final class RecordJson {

    private RecordJson() {
    }

    public static Map<String, Object> candle(Candle c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", c.getSymbol());
        json.put("exchange", c.getExchange());
        json.put("interval", c.getInterval());
        json.put("openTime", time(c.getOpenTime()));
        json.put("closeTime", time(c.getCloseTime()));
        json.put("open", decimal(c.getOpen()));
        json.put("high", decimal(c.getHigh()));
        json.put("low", decimal(c.getLow()));
        json.put("close", decimal(c.getClose()));
        json.put("volume", decimal(c.getVolume()));
        json.put("quoteVolume", decimal(c.getQuoteVolume()));
        json.put("tradeCount", c.getTradeCount());
        json.put("takerBuyVolume", decimal(c.getTakerBuyVolume()));
        json.put("takerBuyQuoteVolume", decimal(c.getTakerBuyQuoteVolume()));
        json.put("firstTradeId", c.getFirstTradeId());
        json.put("lastTradeId", c.getLastTradeId());
        json.put("filled", c.getFilled());
        return json;
    }

    public static Map<String, Object> trade(Trade t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", t.getSymbol());
        json.put("exchange", t.getExchange());
        json.put("tradeId", t.getTradeId());
        json.put("price", decimal(t.getPrice()));
        json.put("quantity", decimal(t.getQuantity()));
        json.put("tradeTime", time(t.getTradeTime()));
        json.put("buyerIsMaker", t.getBuyerIsMaker());
        json.put("eventTime", time(t.getEventTime()));
        json.put("ingestTime", time(t.getIngestTime()));
        return json;
    }

    public static Map<String, Object> indicator(IndicatorSnapshot s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategyInstance", s.getStrategyInstance());
        json.put("symbol", s.getSymbol());
        json.put("openTime", time(s.getOpenTime()));
        json.put("close", decimal(s.getClose()));
        json.put("sma", decimal(s.getSma()));
        json.put("ema", decimal(s.getEma()));
        json.put("indicators", decimals(s.getIndicators()));
        return json;
    }

    public static Map<String, Object> signal(Signal s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signalId", s.getSignalId());
        json.put("strategyInstance", s.getStrategyInstance());
        json.put("symbol", s.getSymbol());
        json.put("candleOpenTime", time(s.getCandleOpenTime()));
        json.put("target", s.getTarget().name());
        json.put("action", s.getTarget().name().equals("LONG") ? "BUY" : "SELL");
        json.put("reason", s.getReason().name());
        json.put("price", decimal(s.getPrice()));
        json.put("sma", decimal(s.getSma()));
        json.put("ema", decimal(s.getEma()));
        json.put("stopPrice", decimal(s.getStopPrice()));
        json.put("createdAt", time(s.getCreatedAt()));
        return json;
    }

    public static Map<String, Object> order(OrderEvent o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clientOrderId", o.getClientOrderId());
        json.put("exchangeOrderId", o.getExchangeOrderId());
        json.put("strategyInstance", o.getStrategyInstance());
        json.put("symbol", o.getSymbol());
        json.put("side", o.getSide().name());
        json.put("type", o.getType().name());
        json.put("quantity", decimal(o.getQuantity()));
        json.put("price", decimal(o.getPrice()));
        json.put("status", o.getStatus().name());
        json.put("rejectReason", o.getRejectReason());
        json.put("eventTime", time(o.getEventTime()));
        json.put("broker", o.getBroker());
        json.put("signalId", o.getSignalId());
        json.put("filledQuantity", decimal(o.getFilledQuantity()));
        json.put("averageFillPrice", decimal(o.getAverageFillPrice()));
        json.put("stopPrice", decimal(o.getStopPrice()));
        json.put("trailingDelta", o.getTrailingDelta());
        json.put("orderListId", o.getOrderListId());
        json.put("protection", o.getProtection());
        json.put("protectsClientOrderId", o.getProtectsClientOrderId());
        return json;
    }

    public static Map<String, Object> fill(Fill f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clientOrderId", f.getClientOrderId());
        json.put("exchangeOrderId", f.getExchangeOrderId());
        json.put("tradeId", f.getTradeId());
        json.put("strategyInstance", f.getStrategyInstance());
        json.put("symbol", f.getSymbol());
        json.put("side", f.getSide().name());
        json.put("price", decimal(f.getPrice()));
        json.put("quantity", decimal(f.getQuantity()));
        json.put("commission", decimal(f.getCommission()));
        json.put("commissionAsset", f.getCommissionAsset());
        json.put("tradeTime", time(f.getTradeTime()));
        return json;
    }

    /** The position with {@code totalPnl} = realized + unrealized - fees, exact. */
    public static Map<String, Object> position(Position p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategyInstance", p.getStrategyInstance());
        json.put("symbol", p.getSymbol());
        json.put("quantity", decimal(p.getQuantity()));
        json.put("averageEntryPrice", decimal(p.getAverageEntryPrice()));
        json.put("lastPrice", decimal(p.getLastPrice()));
        json.put("realizedPnl", decimal(p.getRealizedPnl()));
        json.put("unrealizedPnl", decimal(p.getUnrealizedPnl()));
        json.put("fees", decimal(p.getFees()));
        json.put("totalPnl", decimal(p.getRealizedPnl().add(p.getUnrealizedPnl()).subtract(p.getFees())));
        json.put("updatedAt", time(p.getUpdatedAt()));
        return json;
    }

    public static Map<String, Object> symbolCommand(SymbolCommand c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", c.getSymbol());
        json.put("enabled", c.getEnabled());
        json.put("requestedAt", time(c.getRequestedAt()));
        return json;
    }

    public static Map<String, Object> operatorCommand(OperatorCommand c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("commandId", c.getCommandId());
        json.put("action", c.getAction().name());
        json.put("strategyInstance", c.getStrategyInstance());
        json.put("symbol", c.getSymbol());
        json.put("parameters", new TreeMap<>(c.getParameters()));
        json.put("issuedBy", c.getIssuedBy());
        json.put("reason", c.getReason());
        json.put("requestedAt", time(c.getRequestedAt()));
        return json;
    }

    public static Map<String, Object> operationalEvent(OperationalEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", e.getEventId());
        json.put("kind", e.getKind());
        json.put("severity", e.getSeverity());
        json.put("service", e.getService());
        json.put("strategyInstance", e.getStrategyInstance());
        json.put("symbol", e.getSymbol());
        json.put("message", e.getMessage());
        json.put("details", new TreeMap<>(e.getDetails()));
        json.put("eventTime", time(e.getEventTime()));
        return json;
    }

    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** Named decimals, sorted by name (a decoded Avro map keeps no order). */
    static Map<String, String> decimals(Map<String, BigDecimal> values) {
        Map<String, String> json = new TreeMap<>();
        values.forEach((name, value) -> json.put(name, decimal(value)));
        return json;
    }

    static String time(Instant value) {
        return value == null ? null : value.toString();
    }
}
