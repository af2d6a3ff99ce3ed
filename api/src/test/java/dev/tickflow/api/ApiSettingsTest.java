package dev.tickflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.config.TickflowConfig;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {

    private static TickflowConfig config(Map<String, String> environment) {
        return TickflowConfig.load(Optional.empty(), environment, ApiSettings.definition());
    }

    @Test
    void defaultsListenOnLoopbackPort8080WithoutToken() {
        ApiSettings settings = ApiSettings.from(config(Map.of()));
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.tokenRequired()).isFalse();
        assertThat(settings.defaultInterval().name()).isEqualTo("1m");
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutAToken() {
        assertThatThrownBy(() -> ApiSettings.from(config(Map.of("TICKFLOW_API_HOST", "0.0.0.0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("api.token").hasMessageContaining("is required");
    }

    @Test
    void theTokenIsNeverPrintedNorPartOfTheSettingsText() {
        TickflowConfig config = config(Map.of("TICKFLOW_API_HOST", "0.0.0.0", "TICKFLOW_API_TOKEN", "s3cret-token-0123456789abcdef01234567"));
        ApiSettings settings = ApiSettings.from(config);
        assertThat(settings.tokenRequired()).isTrue();
        assertThat(settings.token()).isEqualTo("s3cret-token-0123456789abcdef01234567");
        assertThat(settings.toString()).doesNotContain("s3cret-token-0123456789abcdef01234567");
        assertThat(config.describe().toString()).doesNotContain("s3cret-token-0123456789abcdef01234567");
        assertThat(config.toString()).doesNotContain("s3cret-token-0123456789abcdef01234567");
    }

    @Test
    void knowsTheStrategyServiceKeysForGetStrategy() {
        assertThat(ApiSettings.definition().names()).contains("strategy.instances.file", "strategy.candles.interval", "api.view.candles");
    }

    @Test
    void strategyInfoDescribesTheDefaultInstances() {
        StrategyInfo info = StrategyInfo.from(config(Map.of()));
        assertThat(info.error()).isNull();
        Map<String, Object> body = info.body().orElseThrow();
        assertThat(body).containsEntry("source", "defaults").containsEntry("interval", "1m");
        assertThat(body.get("instances").toString()).contains("name=A", "stop-loss=0.15", "name=B", "sma-ema-crossover");
    }

    @Test
    void aBrokenStrategyFileIsReportedNotFatal() {
        StrategyInfo info = StrategyInfo.from(config(Map.of("TICKFLOW_STRATEGY_INSTANCES_FILE", "/nonexistent/strategies.properties")));
        assertThat(info.body()).isEmpty();
        assertThat(info.error()).contains("/nonexistent/strategies.properties");
    }

    @Test
    void aTokenShorterThan32CharactersIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> ApiSettings.from(config(Map.of("TICKFLOW_API_TOKEN", "password123"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("api.token is too short", "at least 32", "openssl rand -hex 32")
                .hasMessageNotContaining("password123");
    }
}
