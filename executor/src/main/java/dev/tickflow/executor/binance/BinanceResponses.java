package dev.tickflow.executor.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.executor.venue.TrailingDeltaBounds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads Binance Spot REST answers (orders, trades, exchangeInfo, time) into the venue contract's types. Decimals stay exact. */
final class BinanceResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BinanceResponses() {
    }

    /** The parts of an order answer (newOrder FULL, GET order, DELETE order) the venue needs. */
    record OrderState(String clientOrderId, long orderId, OrderStatus status, BigDecimal executedQuantity,
                      List<ExchangeFill> fills, Instant time) {

        ExecutionReport report(List<ExchangeFill> allFills) {
            return new ExecutionReport(clientOrderId, Long.toString(orderId), status, executedQuantity, allFills, null, time);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Binance answered something that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * An order answer. {@code clientOrderIdField} is {@code clientOrderId}, or {@code origClientOrderId} for a cancel
     * (whose {@code clientOrderId} is the cancel request's own id). A FULL answer's fills carry its transactTime.
     */
    static OrderState order(String body, String clientOrderIdField) {
        JsonNode o = parse(body);
        Instant time = Instant.ofEpochMilli(o.has("updateTime") ? o.get("updateTime").asLong() : o.get("transactTime").asLong());
        List<ExchangeFill> fills = new ArrayList<>();
        for (JsonNode f : o.path("fills")) {
            fills.add(new ExchangeFill(f.get("tradeId").asText(), decimal(f, "price"), decimal(f, "qty"),
                    decimal(f, "commission"), f.get("commissionAsset").asText(), time));
        }
        return new OrderState(text(o, clientOrderIdField), o.get("orderId").asLong(), status(text(o, "status")),
                decimal(o, "executedQty"), fills, time);
    }

    /** GET openOrders: the executed quantity by client order id. */
    static Map<String, BigDecimal> openOrders(String body) {
        Map<String, BigDecimal> open = new LinkedHashMap<>();
        for (JsonNode order : parse(body)) {
            open.put(text(order, "clientOrderId"), decimal(order, "executedQty"));
        }
        return open;
    }

    /** GET account: free plus locked per asset. */
    static Map<String, BigDecimal> balances(String body) {
        Map<String, BigDecimal> balances = new TreeMap<>();
        for (JsonNode balance : parse(body).path("balances")) {
            balances.put(text(balance, "asset"), decimal(balance, "free").add(decimal(balance, "locked")));
        }
        return balances;
    }

    /** The leg {@code clientOrderId} of an order list answer (a new OCO pair; a canceled one names it origClientOrderId). */
    static OrderState listLeg(String body, String clientOrderId) {
        for (JsonNode leg : parse(body).path("orderReports")) {
            String field = leg.has("origClientOrderId") ? "origClientOrderId" : "clientOrderId";
            if (clientOrderId.equals(leg.path(field).asText())) {
                return order(leg.toString(), field);
            }
        }
        throw new IllegalStateException("Binance's order list answer has no leg " + clientOrderId);
    }

    /** myTrades of one order, by trade id. */
    static List<ExchangeFill> trades(String body) {
        List<ExchangeFill> fills = new ArrayList<>();
        for (JsonNode t : parse(body)) {
            fills.add(new ExchangeFill(t.get("id").asText(), decimal(t, "price"), decimal(t, "qty"),
                    decimal(t, "commission"), t.get("commissionAsset").asText(), Instant.ofEpochMilli(t.get("time").asLong())));
        }
        fills.sort(Comparator.comparingLong(f -> Long.parseLong(f.tradeId())));
        return fills;
    }

    static long serverTime(String body) {
        return parse(body).get("serverTime").asLong();
    }

    /**
     * A symbol's filters from exchangeInfo. SymbolFilters has one quantity rule for both order types, so LOT_SIZE and
     * MARKET_LOT_SIZE are merged into the stricter one: an order that passes it passes both.
     */
    static Optional<SymbolFilters> filters(String body, String symbol) {
        for (JsonNode s : parse(body).path("symbols")) {
            if (!symbol.equals(s.path("symbol").asText())) {
                continue;
            }
            BigDecimal tickSize = BigDecimal.ZERO;
            BigDecimal minPrice = BigDecimal.ZERO;
            BigDecimal maxPrice = BigDecimal.ZERO;
            BigDecimal stepSize = BigDecimal.ZERO;
            BigDecimal minQuantity = BigDecimal.ZERO;
            BigDecimal maxQuantity = BigDecimal.ZERO;
            BigDecimal minNotional = BigDecimal.ZERO;
            BigDecimal maxNotional = BigDecimal.ZERO;
            TrailingDeltaBounds trailing = TrailingDeltaBounds.NONE;
            for (JsonNode f : s.path("filters")) {
                switch (f.path("filterType").asText()) {
                    case "PRICE_FILTER" -> {
                        tickSize = decimal(f, "tickSize");
                        minPrice = decimal(f, "minPrice");
                        maxPrice = decimal(f, "maxPrice");
                    }
                    case "LOT_SIZE", "MARKET_LOT_SIZE" -> {
                        stepSize = stepSize.max(decimal(f, "stepSize"));
                        minQuantity = minQuantity.max(decimal(f, "minQty"));
                        maxQuantity = stricterMaximum(maxQuantity, decimal(f, "maxQty"));
                    }
                    case "MIN_NOTIONAL" -> minNotional = minNotional.max(decimal(f, "minNotional"));
                    case "NOTIONAL" -> {
                        minNotional = minNotional.max(decimal(f, "minNotional"));
                        maxNotional = stricterMaximum(maxNotional, decimal(f, "maxNotional"));
                    }
                    case "TRAILING_DELTA" -> trailing = new TrailingDeltaBounds(f.path("minTrailingAboveDelta").asInt(),
                            f.path("maxTrailingAboveDelta").asInt(), f.path("minTrailingBelowDelta").asInt(), f.path("maxTrailingBelowDelta").asInt());
                    default -> {
                        // other filters (PERCENT_PRICE_BY_SIDE, ICEBERG_PARTS, MAX_NUM_ORDERS, ...) are not pre-checked
                    }
                }
            }
            return Optional.of(new SymbolFilters(symbol, text(s, "baseAsset"), text(s, "quoteAsset"), tickSize, minPrice,
                    maxPrice, stepSize, minQuantity, maxQuantity, minNotional, maxNotional, trailing));
        }
        return Optional.empty();
    }

    static OrderStatus status(String binanceStatus) {
        return switch (binanceStatus) {
            case "NEW", "PENDING_NEW", "PENDING_CANCEL" -> OrderStatus.NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            default -> throw new IllegalStateException("Unknown Binance order status '" + binanceStatus + "'");
        };
    }

    /** Zero means no maximum. */
    private static BigDecimal stricterMaximum(BigDecimal current, BigDecimal candidate) {
        if (current.signum() == 0) {
            return candidate;
        }
        return candidate.signum() == 0 ? current : current.min(candidate);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("Binance answer without '" + field + "'");
        }
        return new BigDecimal(value.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("Binance answer without '" + field + "'");
        }
        return value.asText();
    }
}
