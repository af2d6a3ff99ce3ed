package dev.tickflow.cli;

import dev.tickflow.ingest.IngestService;
import dev.tickflow.ingest.IngestSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the ingest service: trades of a simulated market, of Binance public-data files or of live Binance into"
                + " md.trades (keyed by symbol, idempotent producer); follows control.symbols.",
                "Options override the configuration. Logs progress every 5 s. Stops cleanly on SIGTERM/Ctrl+C (flushing every trade"
                        + " received); exits 0 when a replay is done, 1 when a trade cannot be written within ingest.give.up.ms."})
final class IngestCommand extends ServiceCommand {
    static final String NAME = "ingest";

    @Option(names = "--source", paramLabel = "SOURCE", description = "simulate, replay or binance (ingest.source); --replay implies replay.")
    String source;

    @Option(names = "--speed", paramLabel = "X",
            description = "Simulated or replayed seconds per real second (ingest.simulator.speed or ingest.replay.speed; 0 replays as fast as possible).")
    Double speed;

    @Option(names = "--symbols", paramLabel = "A,B", split = ",", description = "Symbols to subscribe at start (ingest.symbols).")
    List<String> symbols;

    @Option(names = "--replay", paramLabel = "FILE", arity = "1..*", description = "Binance public-data trade files of one symbol (ingest.replay.files).")
    List<Path> replayFiles;

    IngestCommand() {
        super(NAME, IngestSettings.definition(), (config, out, err) -> new IngestService(config, out, err).run());
    }

    @Override
    Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        String chosen = source != null ? source : replayFiles != null ? IngestSettings.REPLAY : null;
        if (chosen != null) {
            overrides.put(IngestSettings.SOURCE, chosen);
        }
        if (symbols != null) {
            overrides.put(IngestSettings.SYMBOLS, String.join(",", symbols));
        }
        if (replayFiles != null) {
            overrides.put(IngestSettings.REPLAY_FILES, replayFiles.stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        if (speed != null) {
            // the source may come from the file: set the speed of both; 0 (as fast as possible) only means something to a replay
            overrides.put(IngestSettings.REPLAY_SPEED, String.valueOf(speed));
            if (speed > 0) {
                overrides.put(IngestSettings.SIMULATOR_SPEED, String.valueOf(speed));
            }
        }
        return overrides;
    }
}
