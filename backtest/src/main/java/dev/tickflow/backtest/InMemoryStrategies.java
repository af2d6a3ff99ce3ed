package dev.tickflow.backtest;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.strategy.StrategyRunner;
import dev.tickflow.strategy.StrategySettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The strategy service's {@link StrategyRunner} with the instances' states in memory. */
final class InMemoryStrategies implements BacktestEngine.Strategies, StrategyRunner.Output {
    private final StrategyRunner runner;
    private final StrategySink sink;
    private final List<IndicatorSnapshot> snapshots = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();

    InMemoryStrategies(StrategySettings settings, StrategySink sink) {
        Map<String, byte[]> states = new HashMap<>();
        this.runner = new StrategyRunner(settings.instances(), new StrategyRunner.States() {
            @Override
            public byte[] get(String key) {
                return states.get(key);
            }

            @Override
            public void put(String key, byte[] state) {
                states.put(key, state);
            }
        });
        this.sink = sink;
    }

    @Override
    public void accept(Candle candle) throws IOException {
        runner.onCandle(candle, this);
        try {
            for (IndicatorSnapshot snapshot : snapshots) {
                sink.indicators(snapshot);
            }
            for (Signal signal : signals) {
                sink.signal(signal);
            }
        } finally {
            snapshots.clear();
            signals.clear();
        }
    }

    @Override
    public void fill(Fill fill) {
        runner.onFill(fill);
    }

    @Override
    public void indicators(IndicatorSnapshot snapshot) {
        snapshots.add(snapshot);
    }

    @Override
    public void signal(Signal signal) {
        signals.add(signal);
    }

    @Override
    public void close() {
    }
}
