package dev.tickflow.backtest;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.topics.TopicCatalog;
import java.util.Map;
import java.util.Optional;

final class TopicCatalogs {
    private TopicCatalogs() {
    }

    static TopicCatalog withIntervals(String... intervals) {
        TickflowConfig config = TickflowConfig.load(Optional.empty(),
                Map.of("TICKFLOW_" + ConfigKeys.CANDLE_INTERVALS.toUpperCase().replace('.', '_'), String.join(",", intervals)),
                AggregateSettings.definition());
        return TopicCatalog.from(config);
    }
}
