package dev.tickflow.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * A service's latency defaults for its Kafka Streams clients, defined as {@code kafka.*} keys of its configuration so
 * that they show in its description and a file or {@code TICKFLOW_KAFKA_*} variable still overrides each one. Each
 * service keeps its values in its settings class; docs/performance.md has the measurements behind them.
 *
 * @param commitIntervalMs {@code commit.interval.ms}: how long a processed record may wait for the transaction that makes it visible
 * @param pollMs           {@code poll.ms}: how long the stream thread blocks in a poll when nothing is buffered
 * @param fetchMaxWaitMs   {@code fetch.max.wait.ms}: how long the broker holds a fetch that finds no committed data
 * @param lingerMs         {@code linger.ms}: how long the producer waits to fill a batch (Streams' own default is 100)
 * @param retryBackoffMs   the producer's {@code retry.backoff.ms}: its wait before resending a batch the broker refused, such as
 *                         the first records of a transaction while the previous commit's markers are still being written
 *                         (CONCURRENT_TRANSACTIONS, frequent with short commit intervals); the client's default is 100
 * @param retryBackoffMaxMs the producer's {@code retry.backoff.max.ms}: the longest that wait grows to, as it doubles with every
 *                         attempt of a batch; the client's default of 1,000 let a batch refused four or five times in a row wait
 *                         150-300 ms after the markers were written
 */
public record StreamsTuning(long commitIntervalMs, long pollMs, int fetchMaxWaitMs, long lingerMs, long retryBackoffMs, long retryBackoffMaxMs) {
    public static final String COMMIT_INTERVAL_MS = ConfigKeys.KAFKA_PREFIX + "commit.interval.ms";
    public static final String POLL_MS = ConfigKeys.KAFKA_PREFIX + "poll.ms";
    public static final String FETCH_MAX_WAIT_MS = ConfigKeys.KAFKA_PREFIX + "fetch.max.wait.ms";
    public static final String LINGER_MS = ConfigKeys.KAFKA_PREFIX + "linger.ms";
    public static final String PRODUCER_RETRY_BACKOFF_MS = ConfigKeys.KAFKA_PREFIX + "producer.retry.backoff.ms";
    public static final String PRODUCER_RETRY_BACKOFF_MAX_MS = ConfigKeys.KAFKA_PREFIX + "producer.retry.backoff.max.ms";

    /** Adds the six keys with these defaults to {@code definition}. */
    public ConfigDef defineOn(ConfigDef definition) {
        return definition
                .define(COMMIT_INTERVAL_MS, Type.LONG, commitIntervalMs, Range.atLeast(1), Importance.LOW,
                        "Kafka Streams commit.interval.ms: under exactly_once_v2 the most a processed record waits for its transaction to commit.")
                .define(POLL_MS, Type.LONG, pollMs, Range.atLeast(1), Importance.LOW,
                        "Kafka Streams poll.ms: the longest the stream thread blocks polling when it has nothing buffered.")
                .define(FETCH_MAX_WAIT_MS, Type.INT, fetchMaxWaitMs, Range.atLeast(0), Importance.LOW,
                        "Consumer fetch.max.wait.ms: the longest the broker holds a fetch that finds no (committed) data.")
                .define(LINGER_MS, Type.LONG, lingerMs, Range.atLeast(0), Importance.LOW,
                        "Producer linger.ms: the longest the producer waits to fill a batch.")
                .define(PRODUCER_RETRY_BACKOFF_MS, Type.LONG, retryBackoffMs, Range.atLeast(0), Importance.LOW,
                        "Producer retry.backoff.ms (producers only): the wait before resending a batch the broker refused for now, such as "
                                + "one sent while the previous transaction's commit is being completed.")
                .define(PRODUCER_RETRY_BACKOFF_MAX_MS, Type.LONG, retryBackoffMaxMs, Range.atLeast(0), Importance.LOW,
                        "Producer retry.backoff.max.ms (producers only): the longest the resend wait grows to as it doubles per attempt.");
    }
}
