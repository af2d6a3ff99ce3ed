package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiCommandTest {
    private final CapturedTickflow tickflow = new CapturedTickflow();

    @TempDir
    Path dir;

    @Test
    void isATickflowCommand() {
        assertThat(tickflow.execute("api", "--help")).isZero();
        assertThat(tickflow.out.toString()).contains("Usage: tickflow api", "--config=FILE", "--host=ADDRESS", "--port=PORT", "api.token");
    }

    @Test
    void listeningBeyondLoopbackWithoutATokenIsAConfigurationError() {
        assertThat(tickflow.execute("api", "--host", "0.0.0.0")).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("configuration error", "api.token", "is required");
    }

    @Test
    void theTokenIsHiddenWhenTheConfigurationIsPrinted() throws Exception {
        Path config = Files.writeString(dir.resolve("api.properties"), "api.port=70000\napi.token=very-secret-0123456789abcdef0123456789\n");
        assertThat(tickflow.execute("api", "--config", config.toString())).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("api.port");
        assertThat(tickflow.out.toString() + tickflow.err.toString()).doesNotContain("very-secret-0123456789abcdef0123456789");
    }
}
