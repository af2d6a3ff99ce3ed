package dev.tickflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.SampleRecords;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PayloadFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Notification halt = Notifications.of(SampleRecords.operationalEvent());

    @Test
    void jsonCarriesEveryFieldAndTheIdAsIdempotencyKey() throws Exception {
        JsonNode body = JSON.readTree(PayloadFormat.JSON.body(halt, null));

        assertThat(body.get("id").asText()).isEqualTo("halt:sma-cross:1718000000000");
        assertThat(body.get("topic").asText()).isEqualTo("ops.events");
        assertThat(body.get("kind").asText()).isEqualTo("HALTED");
        assertThat(body.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(body.get("service").asText()).isEqualTo("executor");
        assertThat(body.get("strategyInstance").asText()).isEqualTo("sma-cross");
        assertThat(body.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(body.get("message").asText()).startsWith("daily loss limit breached");
        assertThat(body.get("eventTime").asText()).isEqualTo("2026-01-15T10:01:00Z");
        assertThat(body.get("details").get("rule").asText()).isEqualTo("max-daily-loss");
        assertThat(body.get("details").get("limit").asText()).isEqualTo("100");
    }

    @Test
    void slackDiscordAndTelegramCarryOneLineOfText() throws Exception {
        String text = "[CRITICAL] HALTED sma-cross BTCUSDT: daily loss limit breached; lift with `tickflow control lift-halt sma-cross`";

        assertThat(JSON.readTree(PayloadFormat.SLACK.body(halt, null)).properties()).hasSize(1);
        assertThat(JSON.readTree(PayloadFormat.SLACK.body(halt, null)).get("text").asText()).isEqualTo(text);
        assertThat(JSON.readTree(PayloadFormat.DISCORD.body(halt, null)).get("content").asText()).isEqualTo(text);
        JsonNode telegram = JSON.readTree(PayloadFormat.TELEGRAM.body(halt, "-100123"));
        assertThat(telegram.get("chat_id").asText()).isEqualTo("-100123");
        assertThat(telegram.get("text").asText()).isEqualTo(text);
    }

    @Test
    void discordMessagesAreCutToTheirLimit() throws Exception {
        OperationalEvent longEvent = OperationalEvent.newBuilder(SampleRecords.operationalEvent()).setMessage("x".repeat(5_000)).build();

        String content = JSON.readTree(PayloadFormat.DISCORD.body(Notifications.of(longEvent), null)).get("content").asText();

        assertThat(content).hasSize(PayloadFormat.DISCORD_MAX_LENGTH).endsWith("\u2026");
    }

    @Test
    void telegramPostsToTheBotsSendMessageAndNeverShowsTheToken() {
        WebhookTarget target = new WebhookTarget("tg", URI.create("http://127.0.0.1:9000/"), PayloadFormat.TELEGRAM, "42", "123:SECRET",
                NotificationFilter.ALL);

        assertThat(target.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000/bot123:SECRET/sendMessage"));
        assertThat(target.toString()).isEqualTo("tg (telegram to http://127.0.0.1:9000)").doesNotContain("SECRET");
    }

    @Test
    void formatNamesParseCaseInsensitively() {
        assertThat(PayloadFormat.parse(" Slack ")).isEqualTo(PayloadFormat.SLACK);
    }
}
