package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.executor.ExecutorSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleBacktestLimitTest {
    @TempDir
    Path dir;

    @Test
    void klinesWithLimitOrdersAreRefusedBeforeReading() {
        ExecutorSettings limit = Requests.executor(Map.of(ExecutorSettings.ORDER_TYPE, "LIMIT"));
        BacktestRequest request = Requests.of(BacktestRequest.Input.KLINES, java.util.List.of(dir.resolve("absent.csv")), "BTCUSDT",
                dir.resolve("out"), java.time.Duration.ofSeconds(5), Requests.strategies(StrategyOverrides.NONE), limit);

        assertThatThrownBy(() -> CandleBacktest.strategyCandles(request, new PrintWriter(new StringWriter())))
                .isInstanceOf(BacktestException.class)
                .hasMessageContaining("executor.order.type=LIMIT")
                .hasMessageContaining("executor.order.type=MARKET")
                .hasMessageContaining("single backtests");
    }
}
