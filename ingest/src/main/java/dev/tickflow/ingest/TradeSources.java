package dev.tickflow.ingest;

import dev.tickflow.ingest.binance.BinanceSource;
import dev.tickflow.ingest.binance.ResumePoint;
import dev.tickflow.ingest.replay.ReplaySource;
import dev.tickflow.ingest.simulator.SimulatedMarket;
import java.time.Instant;
import java.util.Map;

/** Makes the {@link TradeSource} that {@code ingest.source} names. */
public final class TradeSources {

    private TradeSources() {
    }

    /**
     * @param onFinished called when a finite source (a replay) has handed on its last trade
     * @throws IllegalArgumentException when the source cannot be made from the settings
     */
    public static TradeSource create(IngestSettings settings, Runnable onFinished) {
        return create(settings, Map.of(), onFinished);
    }

    /**
     * @param resumePoints by symbol, the last trade already written: the live source continues after it (the other
     *                     sources ignore it)
     * @param onFinished   called when a finite source (a replay) has handed on its last trade
     */
    public static TradeSource create(IngestSettings settings, Map<String, ResumePoint> resumePoints, Runnable onFinished) {
        return switch (settings.source()) {
            case IngestSettings.SIMULATE -> new SimulatedMarket(settings.simulatorSeed(), settings.simulatorSpeed(),
                    settings.simulatorStart().orElseGet(Instant::now), settings.simulatorFirstTradeId(), settings.symbols());
            case IngestSettings.REPLAY -> replay(settings, onFinished);
            case IngestSettings.BINANCE -> binance(settings, resumePoints);
            default -> throw new IllegalArgumentException("Unknown " + IngestSettings.SOURCE + " '" + settings.source()
                    + "': simulate, replay or binance");
        };
    }

    private static TradeSource replay(IngestSettings settings, Runnable onFinished) {
        if (settings.replayFiles().isEmpty()) {
            throw new IllegalArgumentException("The replay source needs files: set " + IngestSettings.REPLAY_FILES + " or pass --replay FILE");
        }
        String symbol = ReplaySource.symbolOf(settings.replayFiles(), settings.symbols());
        return new ReplaySource(settings.replayFiles(), symbol, settings.replaySpeed(), onFinished);
    }

    /** The live Binance source: aggregate trades over the WebSocket streams, gaps filled from REST (docs/binance.md). */
    private static TradeSource binance(IngestSettings settings, Map<String, ResumePoint> resumePoints) {
        BinanceSource source = new BinanceSource(settings.binance());
        source.resumeAfter(resumePoints);
        settings.symbols().forEach(source::subscribe);
        return source;
    }
}
