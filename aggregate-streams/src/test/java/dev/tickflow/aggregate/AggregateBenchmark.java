package dev.tickflow.aggregate;

import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;

/**
 * Throughput of the aggregation on one thread: synthetic trades, already in Confluent's Avro wire format, piped
 * through the real topology in a TopologyTestDriver (exactly_once_v2, changelog on, outputs drained); then the
 * same trades through the domain classes and the state codec alone, to show what the Kafka part costs.
 * Usage: AggregateBenchmark [trades] [symbols] [rounds]; see docs/performance.md for the command.
 */
public final class AggregateBenchmark {
    private static final Instant START = Instant.parse("2026-01-15T00:00:00Z");
    private static double averageStateBytes;

    private AggregateBenchmark() {
    }

    public static void main(String[] args) {
        int trades = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int symbols = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Trade> input = generate(trades, symbols);
        System.out.printf("%,d trades over %d symbols, %s of trade time%n", trades, symbols,
                Duration.between(input.get(0).getTradeTime(), input.get(input.size() - 1).getTradeTime()));
        for (int round = 1; round <= rounds; round++) {
            double exactlyOnce = throughTheTopology(input, StreamsConfig.EXACTLY_ONCE_V2);
            double atLeastOnce = throughTheTopology(input, StreamsConfig.AT_LEAST_ONCE);
            double domain = throughTheDomainClasses(input);
            System.out.printf("round %d: topology in TopologyTestDriver %,.0f trades/s (exactly_once_v2), %,.0f trades/s (at_least_once); "
                    + "domain classes + state codec alone %,.0f trades/s (state record %.0f bytes on average)%n",
                    round, exactlyOnce, atLeastOnce, domain, averageStateBytes);
        }
    }

    /** Trades per second through the topology. */
    private static double throughTheTopology(List<Trade> input, String processingGuarantee) {
        try (AggregateFixture fixture = new AggregateFixture("bench", "1m,5m,15m,1h", Duration.ofSeconds(5), processingGuarantee)) {
            AvroSerde<Trade> serde = AvroSerde.forClass(Trade.class, fixture.settings.serdeConfig(), false);
            String topic = fixture.settings.topics().trades().name();
            List<byte[]> keys = new ArrayList<>(input.size());
            List<byte[]> values = new ArrayList<>(input.size());
            for (Trade trade : input) {
                keys.add(trade.getSymbol().getBytes(StandardCharsets.UTF_8));
                values.add(serde.serializer().serialize(topic, trade));
            }
            TestInputTopic<byte[], byte[]> raw = fixture.driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
            List<TestOutputTopic<byte[], byte[]>> outputs = new ArrayList<>();
            for (String name : List.of("md.candles.1m", "md.candles.5m", "md.candles.15m", "md.candles.1h", "md.trades.late",
                    AggregateSettings.APPLICATION_ID + "-" + AggregateTopology.STORE + "-changelog")) {
                outputs.add(fixture.driver.createOutputTopic(name, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
            }
            long candles = 0;
            long started = System.nanoTime();
            for (int i = 0; i < input.size(); i++) {
                raw.pipeInput(keys.get(i), values.get(i), input.get(i).getTradeTime());
                if (i % 10_000 == 9_999) {
                    candles += drain(outputs);
                }
            }
            candles += drain(outputs);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (candles == 0) {
                throw new IllegalStateException("no output");
            }
            return input.size() / seconds;
        }
    }

    private static long drain(List<TestOutputTopic<byte[], byte[]>> outputs) {
        long count = 0;
        for (TestOutputTopic<byte[], byte[]> output : outputs) {
            count += output.getQueueSize();
            output.readRecordsToList();
        }
        return count;
    }

    /** The processor's work without Kafka: add the trade to the symbol's state, encode it, close minutes as time passes. */
    private static double throughTheDomainClasses(List<Trade> input) {
        SymbolStateCodec codec = new SymbolStateCodec();
        java.util.Map<String, byte[]> store = new java.util.HashMap<>();
        java.util.Map<String, SymbolState> states = new java.util.HashMap<>();
        List<dev.tickflow.topics.CandleInterval> rolled = List.of(dev.tickflow.topics.CandleInterval.parse("5m"),
                dev.tickflow.topics.CandleInterval.parse("15m"), dev.tickflow.topics.CandleInterval.parse("1h"));
        long[] emitted = {0};
        long bytes = 0;
        long lastSwept = Long.MIN_VALUE;
        long started = System.nanoTime();
        for (Trade trade : input) {
            long closable = MinuteCandle.openTimeOf(trade.getTradeTime().toEpochMilli() - 5_000 - MinuteCandle.LENGTH_MS);
            if (closable > lastSwept) {
                lastSwept = closable;
                for (SymbolState state : states.values()) {
                    if (state.closeUpTo(closable, rolled, candle -> emitted[0]++)) {
                        store.put(state.symbol, codec.encode(state));
                    }
                }
            }
            SymbolState state = states.computeIfAbsent(trade.getSymbol(), symbol -> new SymbolState(symbol, trade.getExchange()));
            if (!state.hasSeen(trade.getTradeId())) {
                state.add(trade);
            }
            byte[] encoded = codec.encode(state);
            bytes += encoded.length;
            store.put(trade.getSymbol(), encoded);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (emitted[0] == 0) {
            throw new IllegalStateException("no candles");
        }
        averageStateBytes = (double) bytes / input.size();
        return input.size() / seconds;
    }

    /** A random walk per symbol, 1 ms apart overall, contiguous trade ids per symbol. */
    static List<Trade> generate(int count, int symbols) {
        Random random = new Random(42);
        long[] nextId = new long[symbols];
        long[] price = new long[symbols];
        for (int s = 0; s < symbols; s++) {
            nextId[s] = 1_000_000_000L * (s + 1);
            price[s] = 100_000_000L * (10 + s);
        }
        List<Trade> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int s = random.nextInt(symbols);
            price[s] = Math.max(1, price[s] + random.nextInt(20_001) - 10_000);
            long id = nextId[s]++;
            Instant time = START.plusMillis(i);
            trades.add(Trades.trade("SYM" + s + "USDT", id, id * 3, id * 3 + random.nextInt(3), time,
                    BigDecimal.valueOf(price[s], 8), BigDecimal.valueOf(1 + random.nextInt(1_000_000), 8), random.nextBoolean()));
        }
        return trades;
    }
}
