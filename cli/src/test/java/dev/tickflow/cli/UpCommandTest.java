package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.localstack.LocalServices;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UpCommandTest {

    @Test
    void everyServiceOfTheStackIsACommandOfTheLauncher() {
        CommandLine commandLine = TickflowCommand.commandLine();
        assertThat(LocalServices.of(new LocalServices.Choices(LocalServices.SIMULATE, 1, List.of(), Optional.empty(), LocalServices.BROKER_PAPER)))
                .allSatisfy(service -> assertThat(commandLine.getSubcommands()).containsKey(service.arguments().get(0)));
    }

    @Test
    void binanceWithoutKeysIsRefusedNamingTheVariablesButNotTheirValues() {
        UpCommand up = parse("--broker", "binance");
        assertThatThrownBy(() -> up.requireEnvironment(Map.of("TICKFLOW_EXECUTOR_BINANCE_API_KEY", "a-key-that-must-not-show")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_SECRET")
                .hasMessageContaining("--broker paper")
                .hasMessageNotContaining("a-key-that-must-not-show");
        assertThatThrownBy(() -> up.requireEnvironment(Map.of()))
                .hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_KEY and TICKFLOW_EXECUTOR_BINANCE_API_SECRET");
    }

    @Test
    void paperIsTheDefaultAndNeedsNoKeys() {
        UpCommand up = parse();
        assertThat(up.broker).isEqualTo("paper");
        up.requireEnvironment(Map.of());
    }

    @Test
    void anUnknownBrokerIsABadOptionAndNothingStarts() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = TickflowCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute("up", "--broker", "kraken", "--data-dir", "target/never-created");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--broker must be paper or binance, not 'kraken'");
        assertThat(java.nio.file.Path.of("target/never-created")).doesNotExist();
    }

    @Test
    void aPortInUseStopsUpBeforeAnythingStartsNamingThePortAndItsOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = TickflowCommand.commandLine();
            commandLine.setOut(new PrintWriter(out));
            commandLine.setErr(new PrintWriter(err));
            Path data = Path.of("target/up-port-in-use");
            int exit = commandLine.execute("up", "--kafka-port", Integer.toString(freePort()), "--controller-port",
                    Integer.toString(freePort()), "--registry-port", Integer.toString(freePort()),
                    "--port", "api=" + taken.getLocalPort(), "--data-dir", data.toString());
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString() + err).contains("Port " + taken.getLocalPort() + " on 127.0.0.1 is in use", "--port api=PORT");
            assertThat(data).doesNotExist();
        }
    }

    @Test
    void theHelpNamesTheExecutorTheApiAndTheBinanceVariables() {
        String help = new CommandLine(new UpCommand()).setUsageHelpWidth(1000).getUsageMessage();
        assertThat(help).contains("--broker", "executor", "api", "http://127.0.0.1:8080/", "TICKFLOW_EXECUTOR_BINANCE_API_KEY",
                "TICKFLOW_EXECUTOR_BINANCE_API_SECRET", "api 8080");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static UpCommand parse(String... arguments) {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs(arguments);
        return up;
    }
}
