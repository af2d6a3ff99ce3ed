package dev.tickflow.executor.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.config.TickflowConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinanceVenueSettingsTest {

    private static final String KEY = "key-AAAA1111";
    private static final String SECRET = "secret-BBBB2222";

    private static TickflowConfig load(Map<String, String> environment) {
        return TickflowConfig.load(Optional.empty(), environment, BinanceVenueSettings.define(new ConfigDef()));
    }

    @Test
    void defaultsToTheSpotTestnetWithoutCredentials() {
        BinanceVenueSettings settings = BinanceVenueSettings.from(load(Map.of()));

        assertThat(settings.restUrl()).isEqualTo("https://testnet.binance.vision");
        assertThat(settings.hasCredentials()).isFalse();
        assertThat(settings.recvWindow()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void credentialsComeFromTheEnvironment() {
        BinanceVenueSettings settings = BinanceVenueSettings.from(load(Map.of(
                BinanceVenueSettings.API_KEY_ENV, KEY,
                BinanceVenueSettings.API_SECRET_ENV, SECRET,
                "TICKFLOW_EXECUTOR_BINANCE_REST_URL", "http://127.0.0.1:1234/",
                "TICKFLOW_EXECUTOR_BINANCE_RECV_WINDOW_MS", "10000")));

        assertThat(settings.requireCredentials().apiKey()).isEqualTo(KEY);
        assertThat(settings.apiSecret()).isEqualTo(SECRET);
        assertThat(settings.restUrl()).isEqualTo("http://127.0.0.1:1234");
        assertThat(settings.recvWindow()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theSecretCanComeFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("binance-secret");
        Files.writeString(file, SECRET + "\n");

        BinanceVenueSettings settings = BinanceVenueSettings.from(load(Map.of(
                BinanceVenueSettings.API_KEY_ENV, KEY,
                BinanceVenueSettings.API_SECRET_FILE_ENV, file.toString())));

        assertThat(settings.apiSecret()).isEqualTo(SECRET);
    }

    @Test
    void aSecretInTwoPlacesOrAnUnreadableFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("binance-secret");
        Files.writeString(file, SECRET);
        assertThatThrownBy(() -> BinanceVenueSettings.from(load(Map.of(
                BinanceVenueSettings.API_SECRET_ENV, SECRET,
                BinanceVenueSettings.API_SECRET_FILE_ENV, file.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not both")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));

        assertThatThrownBy(() -> BinanceVenueSettings.from(load(Map.of(
                BinanceVenueSettings.API_SECRET_FILE_ENV, dir.resolve("missing").toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Cannot read the Binance API secret file");
    }

    @Test
    void missingCredentialsNameTheEnvironmentVariables() {
        BinanceVenueSettings onlyKey = BinanceVenueSettings.testnet().withCredentials(KEY, null);

        assertThatThrownBy(onlyKey::requireCredentials)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no API secret")
                .hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_KEY")
                .hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_SECRET");
        assertThatThrownBy(() -> new BinanceVenue(BinanceVenueSettings.testnet()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has neither a key nor a secret");
    }

    @Test
    void neitherToStringNorTheConfigDescriptionShowsTheCredentials() {
        TickflowConfig config = load(Map.of(BinanceVenueSettings.API_KEY_ENV, KEY, BinanceVenueSettings.API_SECRET_ENV, SECRET));
        BinanceVenueSettings settings = BinanceVenueSettings.from(config);

        assertThat(settings.toString()).doesNotContain(KEY).doesNotContain(SECRET).contains("[hidden]");
        assertThat(config.toString()).doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(new BinanceVenue(settings).toString()).doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void recvWindowAboveBinancesMaximumIsRefused() {
        assertThatThrownBy(() -> load(Map.of("TICKFLOW_EXECUTOR_BINANCE_RECV_WINDOW_MS", "60001")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(BinanceVenueSettings.RECV_WINDOW_MS);
    }

    @Test
    void aPlainHttpExchangeUrlIsRefusedUnlessOnLoopbackOrExplicitlyAllowed() {
        assertThatThrownBy(() -> BinanceVenueSettings.from(load(Map.of("TICKFLOW_EXECUTOR_BINANCE_REST_URL", "http://api.binance.com"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be an https:// URL", "clear text", BinanceVenueSettings.ALLOW_PLAIN_HTTP);
        assertThatThrownBy(() -> BinanceVenueSettings.from(load(Map.of("TICKFLOW_EXECUTOR_BINANCE_REST_URL", "ftp://exchange.example"))))
                .isInstanceOf(ConfigException.class);

        assertThat(BinanceVenueSettings.from(load(Map.of("TICKFLOW_EXECUTOR_BINANCE_REST_URL", "http://127.0.0.1:18080"))).restUrl())
                .isEqualTo("http://127.0.0.1:18080");
        assertThat(BinanceVenueSettings.from(load(Map.of("TICKFLOW_EXECUTOR_BINANCE_REST_URL", "http://localhost:18080"))).restUrl())
                .isEqualTo("http://localhost:18080");
        assertThat(BinanceVenueSettings.from(load(Map.of("TICKFLOW_EXECUTOR_BINANCE_REST_URL", "http://exchange.lab:8080",
                "TICKFLOW_EXECUTOR_BINANCE_ALLOW_PLAIN_HTTP", "true"))).restUrl()).isEqualTo("http://exchange.lab:8080");
        assertThat(BinanceVenueSettings.from(load(Map.of())).restUrl()).startsWith("https://");
    }
}
