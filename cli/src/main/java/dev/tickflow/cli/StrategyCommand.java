package dev.tickflow.cli;

import dev.tickflow.cli.service.StreamsApp;
import dev.tickflow.cli.service.StreamsService;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.StrategyTopology;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "strategy", mixinStandardHelpOptions = true,
        description = {"Run the strategy service: candles and fills into signals and indicator snapshots.",
                "Reads final candles (md.candles.<interval>) and fills (oms.fills), writes strategy.signals and"
                        + " strategy.indicators, for every strategy instance of strategy.instances.file (default: A and B,"
                        + " see docs/strategies.md).",
                "Its topics must exist (tickflow topics create). Stops cleanly on SIGTERM/Ctrl+C; exits 1 when Kafka Streams fails."})
final class StrategyCommand implements Callable<Integer> {
    static final String NAME = "strategy";

    @Mixin
    ConfigOption config = new ConfigOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TickflowConfig loaded = config.loadAndPrint(NAME, StrategySettings.definition(), out);
        return service(loaded, out, spec.commandLine().getErr()).run();
    }

    /** The service as this command runs it; prints the strategy instances it runs. */
    static StreamsService service(TickflowConfig config, PrintWriter out, PrintWriter err) {
        StrategySettings settings = StrategySettings.from(config);
        out.println(NAME + ": " + settings.instances().size() + " strategy instance(s) on "
                + settings.topics().candles(settings.interval()).name() + ", in this order:");
        describe(settings.instances()).forEach(line -> out.println("  " + line));
        out.flush();
        StreamsApp app = new StreamsApp(NAME, StrategyTopology.build(settings), StrategyTopology.streamsOverrides(settings));
        return new StreamsService(app, config, out, err);
    }

    /** One line per instance: name, type with its parameters (defaults included), symbols. */
    static List<String> describe(List<StrategyInstance> instances) {
        return instances.stream().map(instance -> {
            String strategy = instance.strategy().toString();
            String description = strategy.startsWith(instance.type()) ? strategy : instance.type() + " " + strategy;
            return instance.name() + ": " + description + ", symbols " + instance.symbols();
        }).toList();
    }
}
