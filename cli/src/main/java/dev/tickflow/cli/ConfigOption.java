package dev.tickflow.cli;

import dev.tickflow.config.TickflowConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every service command shares. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file; TICKFLOW_* environment variables override it (TICKFLOW_KAFKA_BOOTSTRAP_SERVERS sets kafka.bootstrap.servers). Without it, the defaults reach the local stack.")
    Path file;

    TickflowConfig load(ConfigDef definition) {
        return TickflowConfig.load(Optional.ofNullable(file), System.getenv(), definition);
    }
}
