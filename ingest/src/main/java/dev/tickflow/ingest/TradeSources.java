package dev.tickflow.ingest;

import dev.tickflow.ingest.binance.BinanceSource;
import dev.tickflow.ingest.replay.ReplaySource;
import dev.tickflow.ingest.simulator.SimulatedMarket;
import java.time.Instant;

/** Makes the {@link TradeSource} that {@code ingest.source} names. */
public final class TradeSources {

    private TradeSources() {
    }

    /**
     * @param onFinished called when a finite source (a replay) has handed on its last trade
     * @throws IllegalArgumentException when the source cannot be made from the settings
     */
    public static TradeSource create(IngestSettings settings, Runnable onFinished) {
        return switch (settings.source()) {
            case IngestSettings.SIMULATE -> new SimulatedMarket(settings.simulatorSeed(), settings.simulatorSpeed(),
                    settings.simulatorStart().orElseGet(Instant::now), settings.simulatorFirstTradeId(), settings.symbols());
            case IngestSettings.REPLAY -> replay(settings, onFinished);
            case IngestSettings.BINANCE -> binance(settings);
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
    private static TradeSource binance(IngestSettings settings) {
        BinanceSource source = new BinanceSource(settings.binance());
        settings.symbols().forEach(source::subscribe);
        return source;
    }
}
