package dev.tickflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class BinanceSourceSettingsTest {

    @Test
    void defaultsPointAtTheSpotTestnet() {
        BinanceSourceSettings settings = BinanceSourceSettings.from(
                new AbstractConfig(BinanceSourceSettings.define(new ConfigDef()), Map.of()));

        assertThat(settings).isEqualTo(BinanceSourceSettings.testnet());
        assertThat(settings.streamUrl()).isEqualTo("wss://stream.testnet.binance.vision");
        assertThat(settings.restUrl()).isEqualTo("https://testnet.binance.vision");
        assertThat(settings.silenceTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.rotationPeriod()).isEqualTo(Duration.ofHours(23));
        assertThat(settings.maxStreamsPerConnection()).isEqualTo(200);
        assertThat(settings.restMaxWeightPerMinute()).isEqualTo(5_000);
        assertThat(settings.resumeMaxAge()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void readsEveryKey() {
        Map<String, Object> props = Map.ofEntries(
                Map.entry(BinanceSourceSettings.STREAM_URL, "wss://stream.binance.com:9443/"),
                Map.entry(BinanceSourceSettings.REST_URL, "https://api.binance.com"),
                Map.entry(BinanceSourceSettings.SILENCE_TIMEOUT_MS, "10000"),
                Map.entry(BinanceSourceSettings.BACKOFF_MIN_MS, "100"),
                Map.entry(BinanceSourceSettings.BACKOFF_MAX_MS, "5000"),
                Map.entry(BinanceSourceSettings.MIN_CONNECT_INTERVAL_MS, "250"),
                Map.entry(BinanceSourceSettings.ROTATION_PERIOD_MS, "3600000"),
                Map.entry(BinanceSourceSettings.MAX_STREAMS, "200"),
                Map.entry(BinanceSourceSettings.REST_ATTEMPTS, "5"),
                Map.entry(BinanceSourceSettings.REST_RETRY_BACKOFF_MS, "50"),
                Map.entry(BinanceSourceSettings.REST_MAX_WEIGHT_PER_MINUTE, "1200"),
                Map.entry(BinanceSourceSettings.RESUME_MAX_AGE_MS, "600000"));

        BinanceSourceSettings settings = BinanceSourceSettings.from(
                new AbstractConfig(BinanceSourceSettings.define(new ConfigDef()), props));

        assertThat(settings).isEqualTo(new BinanceSourceSettings("wss://stream.binance.com:9443",
                "https://api.binance.com", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofMillis(250), Duration.ofHours(1), 200, 5, Duration.ofMillis(50), 1_200, Duration.ofMinutes(10)));
    }

    @Test
    void refusesARotationAtOrBeyondBinancesCut() {
        assertThatThrownBy(() -> new AbstractConfig(BinanceSourceSettings.define(new ConfigDef()),
                Map.of(BinanceSourceSettings.ROTATION_PERIOD_MS, String.valueOf(Duration.ofHours(24).toMillis()))))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> BinanceSourceSettings.testnet().withRotationPeriod(Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMoreStreamsPerConnectionThanBinanceAllows() {
        assertThatThrownBy(() -> new AbstractConfig(BinanceSourceSettings.define(new ConfigDef()),
                Map.of(BinanceSourceSettings.MAX_STREAMS, "1025")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> BinanceSourceSettings.testnet().withMaxStreamsPerConnection(1025))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BinanceSourceSettings.testnet().withMaxStreamsPerConnection(1024).maxStreamsPerConnection()).isEqualTo(1024);
    }

    @Test
    void refusesAWeightLimitBelowOneRequest() {
        assertThatThrownBy(() -> new AbstractConfig(BinanceSourceSettings.define(new ConfigDef()),
                Map.of(BinanceSourceSettings.REST_MAX_WEIGHT_PER_MINUTE, "3")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void refusesABackoffMaxBelowMin() {
        assertThatThrownBy(() -> BinanceSourceSettings.testnet().withTimings(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
