package dev.tickflow.aggregate;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.StreamsTuning;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.topics.TopicCatalog;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * What the aggregation topology needs to know.
 *
 * @param topics      the topic catalog (names, candle intervals)
 * @param grace       how long after a window's end trades of it are still accepted, in stream time
 * @param serdeConfig configuration of the Avro serdes (schema.registry.url, ...)
 */
public record AggregateSettings(TopicCatalog topics, Duration grace, Map<String, Object> serdeConfig) {

    public static final String APPLICATION_ID = "tickflow-aggregate";
    public static final String GRACE_MS = "aggregate.grace.ms";
    public static final long DEFAULT_GRACE_MS = 5_000;
    /**
     * Latency defaults of its Streams clients (docs/performance.md, "Close-to-order per hop"): the candles a trade or
     * watermark closes ask for a commit themselves ({@link #EARLY_COMMIT_WITHIN_MS}; one per sweep, not per candle), so
     * the interval keeps Streams' exactly-once default, which the throughput of the trades needs.
     */
    public static final StreamsTuning STREAMS_TUNING = new StreamsTuning(100, 100, 20, 5, 10, 25);
    /**
     * Kafka Streams' {@code max.task.idle.ms}, -1 by default here: each task of this topology reads one partition of one
     * topic, so there is no other input to wait for and no order across inputs to keep. With Streams' default (0) the
     * thread checks every partition of the task before every record, which cost about a tenth of its time (the ladder's
     * profile, docs/performance.md).
     */
    public static final String MAX_TASK_IDLE_MS = ConfigKeys.KAFKA_PREFIX + "max.task.idle.ms";
    /** A candle whose window became closable less than this long ago (by the wall clock) is committed at once; older ones wait for the interval. */
    public static final long EARLY_COMMIT_WITHIN_MS = 60_000;

    /** The keys of the aggregate service: the common ones and its own. */
    public static ConfigDef definition() {
        return STREAMS_TUNING.defineOn(CommonConfig.definition(APPLICATION_ID))
                .define(GRACE_MS, Type.LONG, DEFAULT_GRACE_MS, Range.atLeast(0), Importance.MEDIUM,
                        "How long (ms of event time: trade times and source watermarks) after a window ends its trades are still accepted; later ones go to md.trades.late.")
                .define(MAX_TASK_IDLE_MS, Type.LONG, -1L, Range.atLeast(-1), Importance.LOW,
                        "Kafka Streams max.task.idle.ms; -1 (no idling) since each task reads one partition of md.trades only.");
    }

    public static AggregateSettings from(TickflowConfig config) {
        return new AggregateSettings(TopicCatalog.from(config), Duration.ofMillis(config.getLong(GRACE_MS)), config.serdeProperties());
    }
}
