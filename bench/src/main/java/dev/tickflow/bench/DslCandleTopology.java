package dev.tickflow.bench;

import dev.tickflow.aggregate.TradeTimestampExtractor;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.Suppressed.BufferConfig;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * The 1-minute OHLC written the idiomatic Kafka Streams DSL way, as the benchmark's reference point (not product code):
 * {@code groupByKey} on the symbol, {@code windowedBy(TimeWindows.ofSizeAndGrace(1 min, grace))}, {@code aggregate}
 * into an exact {@link BigDecimal} accumulator (default RocksDB window store with its changelog and the record cache),
 * {@code suppress(untilWindowCloses)}, then the same {@link Candle} as Tickflow's for every minute with trades. It
 * closes a minute like Tickflow does (stream time by trade time past its end plus the grace) but neither fills minutes
 * without trades nor reads the sources' watermarks.
 */
public final class DslCandleTopology {
    static final Duration MINUTE = Duration.ofMinutes(1);

    private DslCandleTopology() {
    }

    public static Topology build(String tradesTopic, String candlesTopic, Duration grace, Map<String, Object> serdeConfig) {
        AvroSerde<Trade> tradeSerde = AvroSerde.forClass(Trade.class, serdeConfig, false);
        AvroSerde<Candle> candleSerde = AvroSerde.forClass(Candle.class, serdeConfig, false);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(tradesTopic, Consumed.with(Serdes.String(), tradeSerde).withTimestampExtractor(new TradeTimestampExtractor()))
                .groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, grace))
                .aggregate(Ohlc::new, (symbol, trade, ohlc) -> ohlc.add(trade), Materialized.with(Serdes.String(), Ohlc.SERDE))
                .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
                .toStream()
                .map((window, ohlc) -> KeyValue.pair(window.key(), ohlc.toCandle(window.key(), window.window().start())))
                .to(candlesTopic, Produced.with(Serdes.String(), candleSerde));
        return builder.build();
    }

    /** One symbol's minute in progress; open and close follow (trade time, trade id), as in Tickflow's candles. */
    static final class Ohlc {
        static final Serde<Ohlc> SERDE = Serdes.serdeFrom((topic, ohlc) -> ohlc == null ? null : ohlc.encode(),
                (topic, bytes) -> bytes == null ? null : decode(ByteBuffer.wrap(bytes)));
        private static final BigDecimal ZERO_QUANTITY = BigDecimal.ZERO.setScale(8);
        private static final BigDecimal ZERO_QUOTE = BigDecimal.ZERO.setScale(16);

        String exchange = "";
        long firstTime;
        long firstId;
        long lastTime;
        long lastId;
        long minId = Long.MAX_VALUE;
        long maxId = Long.MIN_VALUE;
        long tradeCount;
        BigDecimal open;
        BigDecimal high;
        BigDecimal low;
        BigDecimal close;
        BigDecimal volume = ZERO_QUANTITY;
        BigDecimal quoteVolume = ZERO_QUOTE;
        BigDecimal takerBuyVolume = ZERO_QUANTITY;
        BigDecimal takerBuyQuoteVolume = ZERO_QUOTE;

        Ohlc add(Trade trade) {
            long time = trade.getTradeTime().toEpochMilli();
            long id = trade.getTradeId();
            BigDecimal price = trade.getPrice();
            BigDecimal quantity = trade.getQuantity();
            if (open == null) {
                exchange = trade.getExchange();
                firstTime = lastTime = time;
                firstId = lastId = id;
                open = high = low = close = price;
            } else {
                if (time < firstTime || (time == firstTime && id < firstId)) {
                    firstTime = time;
                    firstId = id;
                    open = price;
                }
                if (time > lastTime || (time == lastTime && id > lastId)) {
                    lastTime = time;
                    lastId = id;
                    close = price;
                }
                high = high.max(price);
                low = low.min(price);
            }
            BigDecimal quote = price.multiply(quantity);
            volume = volume.add(quantity);
            quoteVolume = quoteVolume.add(quote);
            if (!trade.getBuyerIsMaker()) {
                takerBuyVolume = takerBuyVolume.add(quantity);
                takerBuyQuoteVolume = takerBuyQuoteVolume.add(quote);
            }
            tradeCount += trade.getLastTradeId() - trade.getFirstTradeId() + 1;
            minId = Math.min(minId, id);
            maxId = Math.max(maxId, id);
            return this;
        }

        Candle toCandle(String symbol, long openTime) {
            return Candle.newBuilder()
                    .setExchange(exchange)
                    .setSymbol(symbol)
                    .setInterval("1m")
                    .setOpenTime(Instant.ofEpochMilli(openTime))
                    .setCloseTime(Instant.ofEpochMilli(openTime + MINUTE.toMillis() - 1))
                    .setOpen(open.setScale(8))
                    .setHigh(high.setScale(8))
                    .setLow(low.setScale(8))
                    .setClose(close.setScale(8))
                    .setVolume(volume.setScale(8))
                    .setQuoteVolume(quoteVolume.setScale(16))
                    .setTradeCount(tradeCount)
                    .setTakerBuyVolume(takerBuyVolume.setScale(8))
                    .setTakerBuyQuoteVolume(takerBuyQuoteVolume.setScale(16))
                    .setFirstTradeId(minId)
                    .setLastTradeId(maxId)
                    .setFilled(false)
                    .build();
        }

        byte[] encode() {
            byte[] exchangeBytes = exchange.getBytes(StandardCharsets.UTF_8);
            BigDecimal[] decimals = decimals();
            int size = 4 + exchangeBytes.length + 7 * 8 + 1;
            byte[][] unscaled = new byte[decimals.length][];
            for (int i = 0; i < decimals.length; i++) {
                unscaled[i] = decimals[i] == null ? new byte[0] : decimals[i].unscaledValue().toByteArray();
                size += 8 + unscaled[i].length;
            }
            ByteBuffer buffer = ByteBuffer.allocate(size);
            buffer.putInt(exchangeBytes.length).put(exchangeBytes);
            buffer.putLong(firstTime).putLong(firstId).putLong(lastTime).putLong(lastId).putLong(minId).putLong(maxId)
                    .putLong(tradeCount);
            buffer.put((byte) (open == null ? 0 : 1));
            for (int i = 0; i < decimals.length; i++) {
                buffer.putInt(decimals[i] == null ? 0 : decimals[i].scale()).putInt(unscaled[i].length).put(unscaled[i]);
            }
            return buffer.array();
        }

        private BigDecimal[] decimals() {
            return new BigDecimal[] {open, high, low, close, volume, quoteVolume, takerBuyVolume, takerBuyQuoteVolume};
        }

        static Ohlc decode(ByteBuffer buffer) {
            Ohlc ohlc = new Ohlc();
            byte[] exchangeBytes = new byte[buffer.getInt()];
            buffer.get(exchangeBytes);
            ohlc.exchange = new String(exchangeBytes, StandardCharsets.UTF_8);
            ohlc.firstTime = buffer.getLong();
            ohlc.firstId = buffer.getLong();
            ohlc.lastTime = buffer.getLong();
            ohlc.lastId = buffer.getLong();
            ohlc.minId = buffer.getLong();
            ohlc.maxId = buffer.getLong();
            ohlc.tradeCount = buffer.getLong();
            boolean hasPrices = buffer.get() == 1;
            BigDecimal[] decimals = new BigDecimal[8];
            for (int i = 0; i < decimals.length; i++) {
                int scale = buffer.getInt();
                byte[] unscaled = new byte[buffer.getInt()];
                buffer.get(unscaled);
                decimals[i] = unscaled.length == 0 ? null : new BigDecimal(new BigInteger(unscaled), scale);
            }
            if (hasPrices) {
                ohlc.open = decimals[0];
                ohlc.high = decimals[1];
                ohlc.low = decimals[2];
                ohlc.close = decimals[3];
            }
            ohlc.volume = decimals[4];
            ohlc.quoteVolume = decimals[5];
            ohlc.takerBuyVolume = decimals[6];
            ohlc.takerBuyQuoteVolume = decimals[7];
            return ohlc;
        }
    }
}
