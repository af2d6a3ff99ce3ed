package dev.tickflow.cli;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.runtime.ServiceMain;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every service command shares. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file; TICKFLOW_* environment variables override it (TICKFLOW_KAFKA_BOOTSTRAP_SERVERS sets kafka.bootstrap.servers). Without it, the defaults reach the local stack.")
    Path file;

    TickflowConfig load(ConfigDef definition) {
        return load(definition, Map.of());
    }

    /** Loads the configuration with command-line {@code overrides} (keys to values), which win over the file and the environment. */
    TickflowConfig load(ConfigDef definition, Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        overrides.forEach((key, value) -> environment.put(TickflowConfig.environmentVariable(key), value));
        return TickflowConfig.load(Optional.ofNullable(file), environment, definition);
    }

    /** Loads the configuration with command-line {@code overrides} and prints it, secrets redacted, as a service prints it at start. */
    TickflowConfig loadAndPrint(String service, ConfigDef definition, PrintWriter out, Map<String, String> overrides) {
        TickflowConfig loaded = load(definition, overrides);
        ServiceMain.printConfiguration(service, loaded, out);
        return loaded;
    }
}
