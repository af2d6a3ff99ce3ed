package dev.tickflow.cli;

import dev.tickflow.aggregate.AggregateApp;
import picocli.CommandLine.Command;

@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = {"Run the aggregation service: md.trades into final candles (md.candles.<interval>), late trades to"
                + " md.trades.late, undeserializable input to md.trades.dlq.",
                "Its topics must exist (tickflow topics create). Stops cleanly on SIGTERM/Ctrl+C; exits 1 when Kafka Streams fails."})
final class AggregateCommand extends ServiceCommand {
    static final String NAME = AggregateApp.NAME;

    AggregateCommand() {
        super(new AggregateApp());
    }
}
