package dev.tickflow.cli;

import dev.tickflow.strategy.StrategyApp;
import picocli.CommandLine.Command;

@Command(name = "strategy", mixinStandardHelpOptions = true,
        description = {"Run the strategy service: candles and fills into signals and indicator snapshots.",
                "Reads final candles (md.candles.<interval>) and fills (oms.fills), writes strategy.signals and"
                        + " strategy.indicators, for every strategy instance of strategy.instances.file (default: A and B,"
                        + " see docs/strategies.md).",
                "Its topics must exist (tickflow topics create). Stops cleanly on SIGTERM/Ctrl+C; exits 1 when Kafka Streams fails."})
final class StrategyCommand extends ServiceCommand {
    static final String NAME = StrategyApp.NAME;

    StrategyCommand() {
        super(new StrategyApp());
    }
}
