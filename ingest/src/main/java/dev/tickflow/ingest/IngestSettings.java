package dev.tickflow.ingest;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.ingest.binance.BinanceSourceSettings;
import dev.tickflow.ingest.replay.BinanceCsvReader;
import dev.tickflow.topics.TopicCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the ingest service needs to know.
 *
 * @param source          simulate, replay or binance
 * @param symbols         the symbols subscribed at start (control.symbols may add and remove more)
 * @param simulatorSeed   seed of the simulated market: the same seed gives the same trades
 * @param simulatorSpeed  simulated seconds per real second (1 = real time, 60 = a minute per second)
 * @param simulatorStart  first trade time of the simulated market; empty for the start time of the run
 * @param simulatorFirstTradeId first aggregate trade id of every simulated symbol
 * @param replayFiles     Binance public-data trade files, replayed in the order given
 * @param replaySpeed     replay pace: trade-time seconds per real second; 0 = as fast as possible
 * @param giveUp          how long a trade may wait for the broker before ingest stops with an error
 * @param followControl   whether control.symbols is followed
 * @param watermarkInterval how often the source's watermark is written to every partition of md.trades (when it advanced)
 * @param kafkaClient     Kafka client settings ({@code kafka.*} without the prefix)
 * @param serdeConfig     configuration of the Avro serializer
 * @param topics          the topic catalog
 * @param binance         the live Binance source's connection settings
 */
public record IngestSettings(String source, List<String> symbols, long simulatorSeed, double simulatorSpeed,
                             Optional<Instant> simulatorStart, long simulatorFirstTradeId, List<Path> replayFiles, double replaySpeed, Duration giveUp,
                             boolean followControl, Duration watermarkInterval, Map<String, Object> kafkaClient, Map<String, Object> serdeConfig,
                             TopicCatalog topics, BinanceSourceSettings binance) {

    public static final String APPLICATION_ID = "tickflow-ingest";
    public static final String SOURCE = "ingest.source";
    public static final String SYMBOLS = "ingest.symbols";
    public static final String SIMULATOR_SEED = "ingest.simulator.seed";
    public static final String SIMULATOR_SPEED = "ingest.simulator.speed";
    public static final String SIMULATOR_START = "ingest.simulator.start";
    public static final String SIMULATOR_FIRST_TRADE_ID = "ingest.simulator.first.trade.id";
    public static final String REPLAY_FILES = "ingest.replay.files";
    public static final String REPLAY_SPEED = "ingest.replay.speed";
    public static final String GIVE_UP_MS = "ingest.give.up.ms";
    public static final String FOLLOW_CONTROL = "ingest.control.follow";
    public static final String WATERMARK_INTERVAL_MS = "ingest.watermark.interval.ms";

    public static final String SIMULATE = "simulate";
    public static final String REPLAY = "replay";
    public static final String BINANCE = "binance";
    public static final long DEFAULT_GIVE_UP_MS = 120_000;
    public static final long DEFAULT_WATERMARK_INTERVAL_MS = 500;

    public IngestSettings {
        symbols = List.copyOf(symbols);
        replayFiles = List.copyOf(replayFiles);
        kafkaClient = Map.copyOf(kafkaClient);
        serdeConfig = Map.copyOf(serdeConfig);
    }

    /** The keys of the ingest service: the common ones and its own. */
    public static ConfigDef definition() {
        ConfigDef definition = CommonConfig.definition(APPLICATION_ID)
                .define(SOURCE, Type.STRING, SIMULATE, ValidString.in(SIMULATE, REPLAY, BINANCE), Importance.HIGH,
                        "Where trades come from: simulate (a generated market), replay (Binance public-data CSV files) or binance (live WebSocket).")
                .define(SYMBOLS, Type.LIST, "BTCUSDT,ETHUSDT", IngestSettings::validateSymbols, Importance.HIGH,
                        "Symbols subscribed at start; control.symbols adds, pauses and removes symbols while ingest runs. Replay takes exactly one.")
                .define(SIMULATOR_SEED, Type.LONG, 42L, Importance.MEDIUM,
                        "Seed of the simulated market: the same seed and start give the same trades.")
                .define(SIMULATOR_SPEED, Type.DOUBLE, 1.0, Range.atLeast(0.001), Importance.MEDIUM,
                        "Simulated seconds per real second: 1 is real time, 60 makes a 1-minute candle every second.")
                .define(SIMULATOR_START, Type.STRING, "", IngestSettings::validateInstant, Importance.LOW,
                        "First simulated trade time (ISO-8601, e.g. 2024-01-01T00:00:00Z); empty for the time ingest starts.")
                .define(SIMULATOR_FIRST_TRADE_ID, Type.LONG, 1L, Range.atLeast(1), Importance.LOW,
                        "First aggregate trade id of every simulated symbol (raw trade ids start at (id - 1) x 4 + 1). 'tickflow up' sets it"
                                + " above the ids already in md.trades, so a restarted simulator never repeats an id.")
                .define(REPLAY_FILES, Type.LIST, "", Importance.MEDIUM,
                        "Binance public-data trade files (aggTrades or trades; .csv, .zip or .gz) of one symbol, replayed in the order given.")
                .define(REPLAY_SPEED, Type.DOUBLE, 0.0, Range.atLeast(0.0), Importance.MEDIUM,
                        "Replay pace in trade-time seconds per real second; 0 replays as fast as the broker takes it.")
                .define(GIVE_UP_MS, Type.LONG, DEFAULT_GIVE_UP_MS, Range.atLeast(1_000), Importance.MEDIUM,
                        "How long the producer buffers and retries a trade while the broker is unreachable before ingest stops with an error"
                                + " (the producer's delivery.timeout.ms; kafka.delivery.timeout.ms wins).")
                .define(FOLLOW_CONTROL, Type.BOOLEAN, true, Importance.LOW,
                        "Follow control.symbols (subscribe, pause and remove symbols while running).")
                .define(WATERMARK_INTERVAL_MS, Type.LONG, DEFAULT_WATERMARK_INTERVAL_MS, Range.atLeast(10), Importance.MEDIUM,
                        "How often the source's watermark (every trade before it is written) goes to every partition of md.trades,"
                                + " when it advanced. The aggregation closes a quiet partition's minute within grace plus about this long.");
        return BinanceSourceSettings.define(definition);
    }

    public static IngestSettings from(TickflowConfig config) {
        String start = config.getString(SIMULATOR_START);
        return new IngestSettings(config.getString(SOURCE),
                config.getList(SYMBOLS).stream().map(BinanceCsvReader::normalizeSymbol).distinct().toList(),
                config.getLong(SIMULATOR_SEED), config.getDouble(SIMULATOR_SPEED),
                start.isBlank() ? Optional.empty() : Optional.of(Instant.parse(start)), config.getLong(SIMULATOR_FIRST_TRADE_ID),
                config.getList(REPLAY_FILES).stream().map(Path::of).toList(), config.getDouble(REPLAY_SPEED),
                Duration.ofMillis(config.getLong(GIVE_UP_MS)), config.getBoolean(FOLLOW_CONTROL),
                Duration.ofMillis(config.getLong(WATERMARK_INTERVAL_MS)),
                config.kafkaClientProperties(), config.serdeProperties(), TopicCatalog.from(config), BinanceSourceSettings.from(config));
    }

    public String bootstrapServers() {
        return String.valueOf(kafkaClient.get("bootstrap.servers"));
    }

    private static void validateSymbols(String key, Object value) {
        @SuppressWarnings("unchecked")
        List<String> symbols = (List<String>) value;
        for (String symbol : symbols) {
            try {
                BinanceCsvReader.normalizeSymbol(symbol);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, value, e.getMessage());
            }
        }
    }

    private static void validateInstant(String key, Object value) {
        String text = String.valueOf(value).trim();
        if (!text.isEmpty()) {
            try {
                Instant.parse(text);
            } catch (RuntimeException e) {
                throw new ConfigException(key, value, "not an ISO-8601 instant such as 2024-01-01T00:00:00Z");
            }
        }
    }
}
