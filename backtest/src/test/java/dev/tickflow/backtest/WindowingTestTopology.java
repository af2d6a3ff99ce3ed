package dev.tickflow.backtest;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.topics.CandleInterval;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * A stand-in for the aggregation topology with the same contract at its edges: trades in, final candles
 * out per interval, windows closed when stream time (trades and source watermarks) passes end + grace.
 * No gap filling, no tie ordering, open/close by arrival: enough to test the backtest's plumbing.
 */
public final class WindowingTestTopology implements CandleTopology {
    static final Map<String, Object> OVERRIDES = Map.of("statestore.cache.max.bytes", 0L);

    @Override
    public Topology build(AggregateSettings settings) {
        AvroSerde<Trade> trades = AvroSerde.forClass(Trade.class, settings.serdeConfig(), false);
        AvroSerde<Candle> candles = AvroSerde.forClass(Candle.class, settings.serdeConfig(), false);
        Topology topology = new Topology();
        topology.addSource("trades", new StringDeserializer(), trades.deserializer(), settings.topics().trades().name());
        for (CandleInterval interval : settings.topics().candleIntervals()) {
            topology.addProcessor("window-" + interval, () -> new WindowProcessor(interval, settings), "trades");
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(lastTradeStore(interval)),
                    Serdes.String(), Serdes.Long()).withCachingDisabled(), "window-" + interval);
            topology.addSink("candles-" + interval, settings.topics().candles(interval).name(), new StringSerializer(),
                    candles.serializer(), "window-" + interval);
        }
        return topology;
    }

    /** A logged store, so that the driver collects changelog records the replay must drop. */
    private static String lastTradeStore(CandleInterval interval) {
        return "last-trade-" + interval;
    }

    @Override
    public Map<String, Object> streamsOverrides(AggregateSettings settings) {
        return OVERRIDES;
    }

    private static final class WindowProcessor implements Processor<String, Trade, String, Candle> {
        private final CandleInterval interval;
        private final long graceMs;
        private final TreeMap<Long, Candle.Builder> open = new TreeMap<>();
        private ProcessorContext<String, Candle> context;
        private KeyValueStore<String, Long> lastTrade;
        private long streamTime = Long.MIN_VALUE;

        WindowProcessor(CandleInterval interval, AggregateSettings settings) {
            this.interval = interval;
            this.graceMs = settings.grace().toMillis();
        }

        @Override
        public void init(ProcessorContext<String, Candle> context) {
            this.context = context;
            this.lastTrade = context.getStateStore(lastTradeStore(interval));
        }

        @Override
        public void process(Record<String, Trade> record) {
            Trade trade = record.value();
            streamTime = Math.max(streamTime, record.timestamp());
            if (trade == null) {
                closeUpTo(streamTime);
                return;
            }
            lastTrade.put(trade.getSymbol(), trade.getTradeId());
            long openTime = interval.openTimeOf(trade.getTradeTime()).toEpochMilli();
            add(open.computeIfAbsent(openTime, start -> newCandle(trade, start)), trade);
            closeUpTo(streamTime);
        }

        private void closeUpTo(long time) {
            Iterator<Map.Entry<Long, Candle.Builder>> windows = open.entrySet().iterator();
            while (windows.hasNext()) {
                Map.Entry<Long, Candle.Builder> window = windows.next();
                if (window.getKey() + interval.length().toMillis() + graceMs > time) {
                    return;
                }
                Candle candle = window.getValue().build();
                context.forward(new Record<>(candle.getSymbol(), candle, window.getKey()));
                windows.remove();
            }
        }

        private Candle.Builder newCandle(Trade trade, long openTime) {
            return Candle.newBuilder().setExchange(trade.getExchange()).setSymbol(trade.getSymbol()).setInterval(interval.name())
                    .setOpenTime(Instant.ofEpochMilli(openTime)).setCloseTime(interval.closeTimeOf(Instant.ofEpochMilli(openTime)))
                    .setOpen(trade.getPrice()).setHigh(trade.getPrice()).setLow(trade.getPrice()).setClose(trade.getPrice())
                    .setVolume(BigDecimal.ZERO).setQuoteVolume(BigDecimal.ZERO).setTradeCount(0)
                    .setTakerBuyVolume(BigDecimal.ZERO).setTakerBuyQuoteVolume(BigDecimal.ZERO)
                    .setFirstTradeId(trade.getTradeId()).setLastTradeId(trade.getTradeId()).setFilled(false);
        }

        private static void add(Candle.Builder candle, Trade trade) {
            BigDecimal quote = trade.getPrice().multiply(trade.getQuantity());
            candle.setHigh(candle.getHigh().max(trade.getPrice())).setLow(candle.getLow().min(trade.getPrice()))
                    .setClose(trade.getPrice()).setVolume(candle.getVolume().add(trade.getQuantity()))
                    .setQuoteVolume(candle.getQuoteVolume().add(quote))
                    .setTradeCount(candle.getTradeCount() + trade.getLastTradeId() - trade.getFirstTradeId() + 1)
                    .setLastTradeId(trade.getTradeId());
            if (!trade.getBuyerIsMaker()) {
                candle.setTakerBuyVolume(candle.getTakerBuyVolume().add(trade.getQuantity()))
                        .setTakerBuyQuoteVolume(candle.getTakerBuyQuoteVolume().add(quote));
            }
        }
    }
}
