package dev.tickflow.executor;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The executor's state-store values as UTF-8 {@code key=value} lines: readable in a changelog dump, exact for every
 * decimal (plain strings), and tolerant of added fields (unknown keys are ignored, missing ones read as absent).
 */
final class StateCodec {
    /**
     * The trading state of a halt written without one: every halt before trading states were stored (REDUCING), so
     * such a halt is encoded as before, without the field.
     */
    static final TradingState DEFAULT_HALT_STATE = TradingState.REDUCING;

    private StateCodec() {
    }

    static byte[] position(PositionRecord record) {
        PositionState p = record.position();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("quantity", p.quantity().toPlainString());
        fields.put("averageEntryPrice", p.averageEntryPrice().toPlainString());
        fields.put("realizedPnl", p.realizedPnl().toPlainString());
        fields.put("fees", p.fees().toPlainString());
        fields.put("otherCommissions", p.otherCommissions().toPlainString());
        put(fields, "lastPrice", p.lastPrice(), BigDecimal::toPlainString);
        put(fields, "updatedAt", p.updatedAt(), Instant::toString);
        if (record.watermarks() != null) {
            fields.put("day", record.watermarks().day().toString());
            fields.put("dayStartPnl", record.watermarks().dayStartPnl().toPlainString());
            fields.put("peakPnl", record.watermarks().peakPnl().toPlainString());
        }
        fields.put("lastMarkMinute", Long.toString(record.lastMarkMinute()));
        return encode(fields);
    }

    static PositionRecord position(byte[] bytes) {
        Map<String, String> f = decode(bytes);
        PositionState position = new PositionState(new BigDecimal(f.get("quantity")), new BigDecimal(f.get("averageEntryPrice")),
                new BigDecimal(f.get("realizedPnl")), new BigDecimal(f.get("fees")), new BigDecimal(f.getOrDefault("otherCommissions", "0")),
                get(f, "lastPrice", BigDecimal::new), get(f, "updatedAt", Instant::parse));
        PnlWatermarks watermarks = f.containsKey("day")
                ? new PnlWatermarks(LocalDate.parse(f.get("day")), new BigDecimal(f.get("dayStartPnl")), new BigDecimal(f.get("peakPnl")))
                : null;
        return new PositionRecord(position, watermarks, Long.parseLong(f.getOrDefault("lastMarkMinute", Long.toString(Long.MIN_VALUE))));
    }

    static byte[] openOrder(OpenOrder order) {
        OrderRequest r = order.request();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientOrderId", r.clientOrderId());
        put(fields, "signalId", r.signalId(), Function.identity());
        put(fields, "strategyInstance", r.strategyInstance(), Function.identity());
        fields.put("symbol", r.symbol());
        fields.put("side", r.side().name());
        fields.put("type", r.type().name());
        fields.put("quantity", r.quantity().toPlainString());
        put(fields, "limitPrice", r.limitPrice(), BigDecimal::toPlainString);
        put(fields, "timeInForce", r.timeInForce(), TimeInForce::name);
        put(fields, "expiresAt", r.expiresAt(), Instant::toString);
        put(fields, "createdAt", r.createdAt(), Instant::toString);
        put(fields, "exchangeOrderId", order.exchangeOrderId(), Function.identity());
        fields.put("status", order.status().name());
        fields.put("filledQuantity", order.filledQuantity().toPlainString());
        fields.put("fillsSeen", Integer.toString(order.fillsSeen()));
        fields.put("fateUnknown", Boolean.toString(order.fateUnknown()));
        put(fields, "signalPrice", order.signalPrice(), BigDecimal::toPlainString);
        return encode(fields);
    }

    static OpenOrder openOrder(byte[] bytes) {
        Map<String, String> f = decode(bytes);
        OrderRequest request = new OrderRequest(f.get("clientOrderId"), f.get("signalId"), f.get("strategyInstance"), f.get("symbol"),
                OrderSide.valueOf(f.get("side")), OrderType.valueOf(f.get("type")), new BigDecimal(f.get("quantity")),
                get(f, "limitPrice", BigDecimal::new), get(f, "timeInForce", TimeInForce::valueOf), get(f, "expiresAt", Instant::parse),
                get(f, "createdAt", Instant::parse));
        return new OpenOrder(request, f.get("exchangeOrderId"), OrderStatus.valueOf(f.get("status")), new BigDecimal(f.get("filledQuantity")),
                Integer.parseInt(f.get("fillsSeen")), Boolean.parseBoolean(f.get("fateUnknown")), get(f, "signalPrice", BigDecimal::new));
    }

    static byte[] risk(RiskState risk) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (risk.halt() != null) {
            fields.put("haltReason", risk.halt().reason());
            put(fields, "haltUntil", risk.halt().until(), Instant::toString);
            if (risk.halt().state() != DEFAULT_HALT_STATE) {
                fields.put("haltState", risk.halt().state().name());
            }
        }
        fields.put("recentOrders", String.join(",", risk.recentOrders().stream().map(Instant::toString).toList()));
        return encode(fields);
    }

    static RiskState risk(byte[] bytes) {
        Map<String, String> f = decode(bytes);
        Halt halt = f.containsKey("haltReason")
                ? new Halt(get(f, "haltState", TradingState::valueOf, DEFAULT_HALT_STATE), f.get("haltReason"), get(f, "haltUntil", Instant::parse))
                : null;
        String recent = f.getOrDefault("recentOrders", "");
        List<Instant> times = recent.isEmpty() ? List.of() : Arrays.stream(recent.split(",")).map(Instant::parse).toList();
        return new RiskState(halt, times);
    }

    static byte[] lastTrade(LastTrade trade) {
        return encode(Map.of("price", trade.price().toPlainString(), "time", trade.time().toString()));
    }

    static LastTrade lastTrade(byte[] bytes) {
        Map<String, String> f = decode(bytes);
        return new LastTrade(new BigDecimal(f.get("price")), Instant.parse(f.get("time")));
    }

    private static <T> void put(Map<String, String> fields, String key, T value, Function<T, String> format) {
        if (value != null) {
            fields.put(key, format.apply(value));
        }
    }

    private static <T> T get(Map<String, String> fields, String key, Function<String, T> parse) {
        return get(fields, key, parse, null);
    }

    private static <T> T get(Map<String, String> fields, String key, Function<String, T> parse, T absent) {
        String value = fields.get(key);
        return value == null ? absent : parse.apply(value);
    }

    private static byte[] encode(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> text.append(key).append('=').append(value.replace('\n', ' ')).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> decode(byte[] bytes) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return fields;
    }
}
