package dev.tickflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.config.TickflowConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifySettingsTest {
    private static final String SECRET_URL = "https://hooks.example.invalid/services/T0/B0/SECRETPATH";

    @TempDir
    Path dir;

    @Test
    void readsTargetsFromTheEnvironmentWithDefaults() {
        NotifySettings settings = settings(Map.of(
                "TICKFLOW_NOTIFY_TARGET_1_URL", SECRET_URL,
                "TICKFLOW_NOTIFY_TARGET_1_FORMAT", "slack",
                "TICKFLOW_NOTIFY_TARGET_1_SEVERITIES", "WARNING,CRITICAL",
                "TICKFLOW_NOTIFY_TARGET_3_URL", "http://127.0.0.1:9000/hook",
                "TICKFLOW_NOTIFY_TARGET_3_NAME", "archive",
                "TICKFLOW_STATE_DIR", dir.toString()));

        assertThat(settings.targets()).hasSize(2);
        WebhookTarget slack = settings.targets().get(0);
        assertThat(slack.name()).isEqualTo("target-1");
        assertThat(slack.format()).isEqualTo(PayloadFormat.SLACK);
        assertThat(slack.url()).isEqualTo(URI.create(SECRET_URL));
        assertThat(slack.filter().severities()).containsExactlyInAnyOrder("WARNING", "CRITICAL");
        assertThat(settings.targets().get(1).name()).isEqualTo("archive");
        assertThat(settings.targets().get(1).format()).isEqualTo(PayloadFormat.JSON);
        assertThat(settings.retry().maxAttempts()).isEqualTo(6);
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.dataDir()).isEqualTo(dir.resolve("tickflow-notify"));
        assertThat(String.join("\n", settings.describe())).doesNotContain("SECRETPATH").contains("https://hooks.example.invalid/[hidden]");
    }

    @Test
    void printingTheConfigurationHidesUrlsAndTokens() {
        TickflowConfig config = config(Map.of("TICKFLOW_NOTIFY_TARGET_1_URL", SECRET_URL, "TICKFLOW_NOTIFY_TARGET_1_FORMAT", "telegram",
                "TICKFLOW_NOTIFY_TARGET_1_TELEGRAM_CHAT_ID", "42", "TICKFLOW_NOTIFY_TARGET_1_TELEGRAM_BOT_TOKEN", "123:TOKENSECRET"));

        assertThat(config.toString()).doesNotContain("SECRETPATH").doesNotContain("TOKENSECRET");
        assertThat(NotifySettings.from(config).targets().get(0).botToken()).isEqualTo("123:TOKENSECRET");
    }

    @Test
    void readsSecretsFromFiles() throws Exception {
        Path urlFile = Files.writeString(dir.resolve("url"), SECRET_URL + "\n");
        Path tokenFile = Files.writeString(dir.resolve("token"), " 123:TOKENSECRET ");

        NotifySettings settings = settings(Map.of("TICKFLOW_NOTIFY_TARGET_1_URL_FILE", urlFile.toString(),
                "TICKFLOW_NOTIFY_TARGET_1_FORMAT", "telegram", "TICKFLOW_NOTIFY_TARGET_1_TELEGRAM_CHAT_ID", "42",
                "TICKFLOW_NOTIFY_TARGET_1_TELEGRAM_BOT_TOKEN_FILE", tokenFile.toString()));

        assertThat(settings.targets().get(0).url()).isEqualTo(URI.create(SECRET_URL));
        assertThat(settings.targets().get(0).botToken()).isEqualTo("123:TOKENSECRET");
    }

    @Test
    void errorsNameKeysButNeverTheSecretValues() {
        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("notify.target.1.url").hasMessageContaining("TICKFLOW_NOTIFY_TARGET_1_URL");
        assertThatThrownBy(() -> settings(Map.of("TICKFLOW_NOTIFY_TARGET_2_URL", "ftp://SECRETPATH")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("notify.target.2.url").hasMessageNotContaining("SECRETPATH");
        assertThatThrownBy(() -> settings(Map.of("TICKFLOW_NOTIFY_TARGET_1_URL", SECRET_URL, "TICKFLOW_NOTIFY_TARGET_1_FORMAT", "telegram")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("notify.target.1.telegram.bot.token").hasMessageNotContaining("SECRETPATH");
        assertThatThrownBy(() -> settings(Map.of("TICKFLOW_NOTIFY_TARGET_1_URL", SECRET_URL, "TICKFLOW_NOTIFY_TARGET_1_TOPICS", "md.trades")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("notify.target.1.topics");
        assertThatThrownBy(() -> settings(Map.of("TICKFLOW_NOTIFY_TARGET_1_URL", SECRET_URL, "TICKFLOW_NOTIFY_TARGET_2_URL", SECRET_URL,
                "TICKFLOW_NOTIFY_TARGET_2_NAME", "target-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'target-1'");
    }

    private NotifySettings settings(Map<String, String> environment) {
        return NotifySettings.from(config(environment));
    }

    private static TickflowConfig config(Map<String, String> environment) {
        return TickflowConfig.load(Optional.empty(), environment, NotifySettings.definition());
    }
}
