package dev.tickflow.cli;

import dev.tickflow.executor.ExecutorApp;
import dev.tickflow.executor.ExecutorSettings;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "executor", mixinStandardHelpOptions = true,
        description = {"Run the executor: signals through pre-trade risk checks to a broker; orders, fills and positions back to Kafka.",
                "Reads strategy.signals and md.trades, writes oms.orders, oms.fills and oms.positions (see docs/executor.md).",
                "Its topics must exist (tickflow topics create). Stops cleanly on SIGTERM/Ctrl+C; exits 1 when Kafka Streams fails."})
final class ExecutorCommand extends ServiceCommand {
    static final String NAME = ExecutorApp.NAME;

    @Option(names = "--broker", paramLabel = "paper|binance",
            description = "Where orders go; overrides executor.broker (default paper). binance needs TICKFLOW_EXECUTOR_BINANCE_API_KEY and "
                    + "TICKFLOW_EXECUTOR_BINANCE_API_SECRET (or TICKFLOW_EXECUTOR_BINANCE_API_SECRET_FILE); executor.binance.rest.url picks the exchange (default: the Spot Testnet).")
    String broker;

    ExecutorCommand() {
        super(new ExecutorApp());
    }

    @Override
    Map<String, String> overrides() {
        return broker == null ? Map.of() : Map.of(ExecutorSettings.BROKER, broker);
    }
}
