package dev.tickflow.bench.jmh;

import dev.tickflow.aggregate.CandleAggregator;
import dev.tickflow.bench.BenchTrades;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.serde.MockSchemaRegistry;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The aggregation service's own work per trade on one thread, without Kafka's runtime around it: reading the trade
 * from Confluent's Avro wire format ({@link #deserializeTrade}), and {@link CandleAggregator} taking it
 * ({@link #acceptTrade}). Trades per second: one operation is one trade.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AggregationBenchmark {

    /**
     * The bench's simulated trades ({@link BenchTrades}: 60 a minute per symbol) through the aggregation with the
     * service's intervals (1m rolled up to 5m, 15m, 1h) and 5 s grace: every symbol's minutes close once per minute of
     * trade time. {@code memory} keeps the states as the backtest does; {@code encoded} also encodes every changed
     * state as the service's processor does for its store. The trades are made once per trial and cycle; at the end
     * of a cycle the aggregation starts afresh.
     */
    @State(Scope.Thread)
    public static class Aggregation {
        private static final int CYCLE = 1 << 20;
        private static final Duration GRACE = Duration.ofSeconds(5);
        private static final List<CandleInterval> INTERVALS = Stream.of("1m", "5m", "15m", "1h").map(CandleInterval::parse).toList();

        @Param({"100", "1000"})
        public int symbols;

        @Param({"memory", "encoded"})
        public String states;

        private Trade[] trades;
        private int next;
        private long streamTime;
        private long candles;
        private CandleAggregator aggregator;

        @Setup
        public void makeTrades() {
            trades = new Trade[CYCLE];
            BenchTrades simulated = new BenchTrades(CYCLE, symbols, 1);
            for (int i = 0; i < CYCLE; i++) {
                trades[i] = simulated.next().toTrade();
            }
            startAfresh();
        }

        @TearDown
        public void checkCandlesClosed() {
            if (candles == 0) {
                throw new IllegalStateException("The aggregation closed no candle: the benchmark measured nothing real");
            }
        }

        CandleAggregator.Outcome acceptNext() {
            if (next == CYCLE) {
                startAfresh();
            }
            Trade trade = trades[next++];
            streamTime = Math.max(streamTime, trade.getTradeTime().toEpochMilli());
            return aggregator.accept(trade, streamTime);
        }

        private void startAfresh() {
            next = 0;
            streamTime = Long.MIN_VALUE;
            Consumer<Candle> countCandle = candle -> candles++;
            aggregator = switch (states) {
                case "memory" -> new CandleAggregator(GRACE, INTERVALS, countCandle);
                case "encoded" -> CandleAggregator.encodingEveryChange(GRACE, INTERVALS, countCandle);
                default -> throw new IllegalArgumentException("states is memory or encoded, not " + states);
            };
        }
    }

    /** Simulated trades as the aggregation reads them from md.trades: Avro, schema id from a mock:// registry. */
    @State(Scope.Thread)
    public static class WireTrades {
        private static final int CYCLE = 1 << 16;
        private static final String TOPIC = TopicCatalog.TRADES;

        private final String scope = "jmh-" + UUID.randomUUID();
        private AvroSerde<Trade> serde;
        private byte[][] records;
        private int next;

        @Setup
        public void serializeTrades() {
            serde = new AvroSerde<>(Trade.class, MockSchemaRegistry.forScope(scope));
            records = new byte[CYCLE][];
            BenchTrades simulated = new BenchTrades(CYCLE, 100, 1);
            for (int i = 0; i < CYCLE; i++) {
                records[i] = serde.serializer().serialize(TOPIC, simulated.next().toTrade());
            }
        }

        @TearDown
        public void dropRegistry() {
            serde.close();
            MockSchemaRegistry.dropScope(scope);
        }

        Trade deserializeNext() {
            byte[] record = records[next];
            next = (next + 1) % CYCLE;
            return serde.deserializer().deserialize(TOPIC, record);
        }
    }

    @Benchmark
    public CandleAggregator.Outcome acceptTrade(Aggregation aggregation) {
        return aggregation.acceptNext();
    }

    @Benchmark
    public Trade deserializeTrade(WireTrades wire) {
        return wire.deserializeNext();
    }
}
