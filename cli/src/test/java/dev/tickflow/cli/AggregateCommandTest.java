package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AggregateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @Test
    void isATickflowCommand() {
        assertThat(execute("aggregate", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: tickflow aggregate", "--config=FILE");
    }

    @Test
    void aBadPortStopsItWithTheKeyNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("aggregate.properties"), "http.port=70000\n");
        assertThat(execute("aggregate", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("configuration error", "http.port");
    }

    @Test
    void anUnknownKeyStopsItWithTheKeyNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("aggregate.properties"), "aggregate.grace=5000\n");
        assertThat(execute("aggregate", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown configuration key 'aggregate.grace'", "did you mean 'aggregate.grace.ms'");
    }

    private int execute(String... args) {
        CommandLine commandLine = TickflowCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
