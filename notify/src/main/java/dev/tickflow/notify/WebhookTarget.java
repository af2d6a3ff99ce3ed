package dev.tickflow.notify;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where notifications go. For {@link PayloadFormat#TELEGRAM} {@code url} is the Bot API's base URL and the request goes
 * to {@code <url>/bot<token>/sendMessage}. {@link #toString()} never shows the URL's path or query nor the token.
 */
public record WebhookTarget(String name, URI url, PayloadFormat format, String chatId, String botToken, NotificationFilter filter) {

    public WebhookTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(filter, "filter");
        if (format == PayloadFormat.TELEGRAM && (chatId == null || chatId.isBlank() || botToken == null || botToken.isBlank())) {
            throw new IllegalArgumentException("target " + name + ": the telegram format needs a chat id and a bot token");
        }
    }

    /** The URL the payload is posted to. */
    public URI endpoint() {
        if (format != PayloadFormat.TELEGRAM) {
            return url;
        }
        String base = url.toString().endsWith("/") ? url.toString() : url + "/";
        return URI.create(base + "bot" + botToken + "/sendMessage");
    }

    public String body(Notification notification) {
        return format.body(notification, chatId);
    }

    @Override
    public String toString() {
        return name + " (" + format.name().toLowerCase(Locale.ROOT) + " to " + RedactedUrl.of(url) + ")";
    }
}
