package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ApiCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @Test
    void isATickflowCommand() {
        assertThat(execute("api", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: tickflow api", "--config=FILE", "--host=ADDRESS", "--port=PORT", "api.token");
    }

    @Test
    void listeningBeyondLoopbackWithoutATokenIsAConfigurationError() {
        assertThat(execute("api", "--host", "0.0.0.0")).isEqualTo(2);
        assertThat(err.toString()).contains("configuration error", "api.token", "is required");
    }

    @Test
    void theTokenIsHiddenWhenTheConfigurationIsPrinted() throws Exception {
        Path config = Files.writeString(dir.resolve("api.properties"), "api.port=70000\napi.token=very-secret\n");
        assertThat(execute("api", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("api.port");
        assertThat(out.toString() + err.toString()).doesNotContain("very-secret");
    }

    private int execute(String... args) {
        CommandLine commandLine = TickflowCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
