package dev.tickflow.cli;

import dev.tickflow.config.CommonConfig;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Validate a configuration and print the effective values, secrets redacted.")
final class ConfigCommand implements Runnable {
    @Mixin
    ConfigOption config = new ConfigOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        config.load(CommonConfig.definition("tickflow")).describe().forEach((key, value) -> out.println(key + "=" + value));
    }
}
