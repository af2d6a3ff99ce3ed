package dev.tickflow.cli;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.aggregate.AggregateTopology;
import dev.tickflow.cli.service.StreamsApp;
import dev.tickflow.cli.service.StreamsService;
import dev.tickflow.config.TickflowConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = {"Run the aggregation service: md.trades into final candles (md.candles.<interval>), late trades to"
                + " md.trades.late, undeserializable input to md.trades.dlq.",
                "Its topics must exist (tickflow topics create). Stops cleanly on SIGTERM/Ctrl+C; exits 1 when Kafka Streams fails."})
final class AggregateCommand implements Callable<Integer> {
    static final String NAME = "aggregate";

    @Mixin
    ConfigOption config = new ConfigOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TickflowConfig loaded = config.loadAndPrint(NAME, AggregateSettings.definition(), out);
        return service(loaded, out, spec.commandLine().getErr()).run();
    }

    /** The service as this command runs it. */
    static StreamsService service(TickflowConfig config, PrintWriter out, PrintWriter err) {
        AggregateSettings settings = AggregateSettings.from(config);
        StreamsApp app = new StreamsApp(NAME, AggregateTopology.build(settings), AggregateTopology.streamsOverrides(settings));
        return new StreamsService(app, config, out, err);
    }
}
