package dev.tickflow.cli;

import dev.tickflow.cli.service.StreamsApp;
import dev.tickflow.cli.service.StreamsService;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.executor.ExecutorTopology;
import dev.tickflow.executor.Venues;
import dev.tickflow.executor.engine.ExecutionVenue;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "executor", mixinStandardHelpOptions = true,
        description = {"Run the executor: signals through pre-trade risk checks to a broker; orders, fills and positions back to Kafka.",
                "Reads strategy.signals and md.trades, writes oms.orders, oms.fills and oms.positions (see docs/executor.md).",
                "Its topics must exist (tickflow topics create). Stops cleanly on SIGTERM/Ctrl+C; exits 1 when Kafka Streams fails."})
final class ExecutorCommand implements Callable<Integer> {
    static final String NAME = "executor";

    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--broker", paramLabel = "paper|binance",
            description = "Where orders go; overrides executor.broker (default paper). binance needs TICKFLOW_EXECUTOR_BINANCE_API_KEY and "
                    + "TICKFLOW_EXECUTOR_BINANCE_API_SECRET (or TICKFLOW_EXECUTOR_BINANCE_API_SECRET_FILE); executor.binance.rest.url picks the exchange (default: the Spot Testnet).")
    String broker;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> overrides = broker == null ? Map.of() : Map.of(ExecutorSettings.BROKER, broker);
        TickflowConfig loaded = config.loadAndPrint(NAME, ExecutorSettings.definition(), out, overrides);
        return service(loaded, out, spec.commandLine().getErr()).run();
    }

    /**
     * The service as this command runs it; fails with a configuration error when its venue cannot be created (binance
     * without credentials). The credentials come through {@code config}: TICKFLOW_EXECUTOR_BINANCE_API_KEY and
     * TICKFLOW_EXECUTOR_BINANCE_API_SECRET are its keys executor.binance.api.key and .secret, which it never prints.
     */
    static StreamsService service(TickflowConfig config, PrintWriter out, PrintWriter err) {
        ExecutorSettings settings = ExecutorSettings.from(config);
        Supplier<ExecutionVenue> venues = Venues.supplier(settings, config);
        out.println(NAME + ": broker " + settings.venue() + ", " + settings.orderType() + " orders, from "
                + settings.topics().signals().name() + " and " + settings.topics().trades().name());
        out.flush();
        StreamsApp app = new StreamsApp(NAME, ExecutorTopology.build(settings, venues), ExecutorTopology.streamsOverrides(settings));
        return new StreamsService(app, config, out, err);
    }
}
