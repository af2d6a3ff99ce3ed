package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateCommandTest {
    private final CapturedTickflow tickflow = new CapturedTickflow();

    @TempDir
    Path dir;

    @Test
    void isATickflowCommand() {
        assertThat(tickflow.execute("aggregate", "--help")).isZero();
        assertThat(tickflow.out.toString()).contains("Usage: tickflow aggregate", "--config=FILE");
    }

    @Test
    void aBadPortStopsItWithTheKeyNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("aggregate.properties"), "http.port=70000\n");
        assertThat(tickflow.execute("aggregate", "--config", config.toString())).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("configuration error", "http.port");
    }

    @Test
    void anUnknownKeyStopsItWithTheKeyNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("aggregate.properties"), "aggregate.grace=5000\n");
        assertThat(tickflow.execute("aggregate", "--config", config.toString())).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("Unknown configuration key 'aggregate.grace'", "did you mean 'aggregate.grace.ms'");
    }
}
