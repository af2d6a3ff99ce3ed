package dev.tickflow.cli.backtest;

import dev.tickflow.schema.Candle;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.topics.CandleInterval;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The strategy part of one backtest: a {@link StrategyReplay} writing to {@link StrategyFiles}, or nothing when the
 * request has no strategy settings.
 */
final class StrategyRun implements Closeable {
    private final StrategyReplay replay;
    private final StrategyFiles files;

    private StrategyRun(StrategyReplay replay, StrategyFiles files) {
        this.replay = replay;
        this.files = files;
    }

    /** @param settings the strategies, or null for none; {@code serdeConfig} replaces theirs */
    static StrategyRun open(StrategySettings settings, Map<String, Object> serdeConfig, Path outDir, Path stateDir) throws IOException {
        if (settings == null) {
            return new StrategyRun(null, null);
        }
        StrategySettings own = new StrategySettings(settings.topics(), settings.interval(), settings.instances(), serdeConfig);
        StrategyFiles files = StrategyFiles.open(outDir);
        try {
            return new StrategyRun(new StrategyReplay(own, stateDir.resolve("strategy"), files), files);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /** Runs the strategies on a candle of their interval; ignores the others. */
    void accept(CandleInterval interval, Candle candle) throws IOException {
        if (replay != null && replay.runsOn(interval.name())) {
            replay.accept(candle);
        }
    }

    /** Commits the files; null when no strategy ran. */
    StrategyResult commit() throws IOException {
        if (replay == null) {
            return null;
        }
        return new StrategyResult(replay.candles(), replay.signalCounts(), files.commit());
    }

    @Override
    public void close() throws IOException {
        if (replay == null) {
            return;
        }
        try {
            replay.close();
        } finally {
            files.close();
        }
    }
}
