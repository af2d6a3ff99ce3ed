package dev.tickflow.cli;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.runtime.ServiceMain;
import dev.tickflow.runtime.StreamsApp;
import dev.tickflow.runtime.StreamsService;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * What every service command does: loads the configuration ({@code --config} and the TICKFLOW_* variables, with the
 * command's own options over them), prints it, secrets redacted, then runs the service until it stops; the command's
 * exit code is the service's. A command adds its annotations and options only.
 */
abstract class ServiceCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final String name;
    private final ConfigDef definition;
    private final ServiceMain.Runner runner;

    ServiceCommand(String name, ConfigDef definition, ServiceMain.Runner runner) {
        this.name = name;
        this.definition = definition;
        this.runner = runner;
    }

    /** A Kafka Streams service: {@code app} run by {@link StreamsService}. */
    ServiceCommand(StreamsApp app) {
        this(app.name(), app.configDefinition(), (config, out, err) -> new StreamsService(app, config, out, err).run());
    }

    /** The configuration keys the command's options set; none by default. */
    Map<String, String> overrides() {
        return Map.of();
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TickflowConfig loaded = config.loadAndPrint(name, definition, out, overrides());
        return runner.run(loaded, out, spec.commandLine().getErr());
    }
}
