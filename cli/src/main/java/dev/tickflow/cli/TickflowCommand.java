package dev.tickflow.cli;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tickflow} command. */
@Command(name = "tickflow",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A Kafka-native crypto trading pipeline: trades, candles, signals, orders.",
        subcommands = {UpCommand.class, TopicsCommand.class, ConfigCommand.class, IngestCommand.class, AggregateCommand.class,
                StrategyCommand.class, ExecutorCommand.class, NotifyCommand.class, ApiCommand.class, ControlCommand.class, BacktestCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'tickflow COMMAND --help' for a command's options."})
public final class TickflowCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TickflowCommand());
        commandLine.setExecutionExceptionHandler(TickflowCommand::reportError);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int reportError(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        if (error instanceof ConfigException) {
            err.println("tickflow: configuration error: " + error.getMessage());
            return 2;
        }
        if (error instanceof KafkaException || error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
            err.println("tickflow: " + error.getMessage());
            return 1;
        }
        err.println("tickflow: unexpected error: " + error);
        error.printStackTrace(err);
        return 1;
    }
}
