package dev.tickflow.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/** The body a target receives: a generic JSON document, or what a chat service's incoming webhook or bot expects. */
public enum PayloadFormat {
    /** Every field of the notification, with its id as {@code id} (also sent as the Idempotency-Key header). */
    JSON,
    /** An incoming-webhook message: {@code {"text": ...}}. */
    SLACK,
    /** A webhook message: {@code {"content": ...}}, cut to the 2000 characters a message may hold. */
    DISCORD,
    /** A Bot API sendMessage call: {@code {"chat_id": ..., "text": ...}}. */
    TELEGRAM;

    static final int DISCORD_MAX_LENGTH = 2000;
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    public static PayloadFormat parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** The JSON body for {@code notification}; {@code chatId} is used by {@link #TELEGRAM} only. */
    public String body(Notification notification, String chatId) {
        ObjectNode body = JSON_MAPPER.createObjectNode();
        switch (this) {
            case JSON -> {
                body.put("id", notification.id());
                body.put("topic", notification.topic());
                body.put("kind", notification.kind());
                body.put("severity", notification.severity());
                body.put("service", notification.service());
                body.put("strategyInstance", notification.strategyInstance());
                body.put("symbol", notification.symbol());
                body.put("message", notification.message());
                body.put("eventTime", notification.eventTime().toString());
                ObjectNode details = body.putObject("details");
                notification.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(entry -> details.put(entry.getKey(), entry.getValue()));
            }
            case SLACK -> body.put("text", notification.text());
            case DISCORD -> body.put("content", cut(notification.text(), DISCORD_MAX_LENGTH));
            case TELEGRAM -> {
                body.put("chat_id", chatId);
                body.put("text", notification.text());
            }
        }
        return body.toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
