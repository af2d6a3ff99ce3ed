package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.config.TickflowConfig;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ExecutorAppTest {
    private static final String KEY = "unmistakable-api-key-4711";

    @Test
    void binanceWithAKeyButNoSecretNamesTheSecretVariables() {
        TickflowConfig loaded = TickflowConfig.load(Optional.empty(), Map.of("TICKFLOW_HTTP_PORT", "-1", "TICKFLOW_EXECUTOR_BROKER", "binance",
                "TICKFLOW_EXECUTOR_BINANCE_API_KEY", KEY), ExecutorSettings.definition());
        assertThatThrownBy(() -> new ExecutorApp().buildTopology(loaded))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no API secret")
                .hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_SECRET").hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_SECRET_FILE")
                .hasMessageNotContaining(KEY);
    }
}
