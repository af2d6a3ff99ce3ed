package dev.tickflow.ingest.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Binance aggTrade JSON (combined-stream messages and REST pages) into {@link Trade}s. Public for the parsing
 * micro-benchmark in {@code bench}; the ingest uses it through {@link BinanceSource}.
 */
public final class AggTradeParser {

    static final String EXCHANGE = "binance";
    private static final int SCALE = 8;

    /** What one stream message is. */
    public sealed interface Message permits TradeMessage, ShutdownMessage {
    }

    public record TradeMessage(Trade trade) implements Message {
    }

    public record ShutdownMessage() implements Message {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Parses one combined-stream message ({"stream":...,"data":{...}}) or a bare event.
     *
     * @throws IllegalArgumentException when the message is not JSON, misses a field or is of another kind
     */
    public Message parseStream(String text, Instant ingestTime) {
        JsonNode root = read(text);
        if (!root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode event = root.has("data") ? root.get("data") : root.has("event") ? root.get("event") : root;
        String type = event.path("e").asText("");
        if (type.equals("serverShutdown")) {
            return new ShutdownMessage();
        }
        if (!type.equals("aggTrade")) {
            throw new IllegalArgumentException("unexpected event type '" + type + "'");
        }
        String symbol = text(event, "s");
        Instant eventTime = Instant.ofEpochMilli(number(event, "E"));
        return new TradeMessage(trade(symbol, event, eventTime, ingestTime));
    }

    /** Parses a GET /api/v3/aggTrades answer; REST trades carry eventTime = tradeTime. */
    public List<Trade> parseRest(String symbol, String text, Instant ingestTime) {
        JsonNode root = read(text);
        if (!root.isArray()) {
            throw new IllegalArgumentException("aggTrades answer is not an array");
        }
        List<Trade> trades = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            trades.add(trade(symbol, node, null, ingestTime));
        }
        return trades;
    }

    private Trade trade(String symbol, JsonNode node, Instant eventTime, Instant ingestTime) {
        Instant tradeTime = Instant.ofEpochMilli(number(node, "T"));
        JsonNode maker = node.get("m");
        if (maker == null || !maker.isBoolean()) {
            throw new IllegalArgumentException("field m is missing or not a boolean");
        }
        return Trade.newBuilder()
                .setExchange(EXCHANGE)
                .setSymbol(symbol)
                .setTradeId(number(node, "a"))
                .setFirstTradeId(number(node, "f"))
                .setLastTradeId(number(node, "l"))
                .setPrice(decimal(node, "p"))
                .setQuantity(decimal(node, "q"))
                .setTradeTime(tradeTime)
                .setBuyerIsMaker(maker.booleanValue())
                .setEventTime(eventTime == null ? tradeTime : eventTime)
                .setIngestTime(ingestTime)
                .build();
    }

    private JsonNode read(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("field " + field + " is missing or not text");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException("field " + field + " is missing or not a whole number");
        }
        return value.asLong();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String text = text(node, field);
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field " + field + " '" + text + "' is not a decimal");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("field " + field + " '" + text + "' is not positive");
        }
        if (value.scale() > SCALE) {
            try {
                value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("field " + field + " '" + text + "' has more than 8 decimals");
            }
        }
        return value;
    }
}
