package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickflow control} on a real broker: commands written to control.operator, then read back by {@code control log}. */
@WithKafka
class ControlCommandIT {
    @TempDir
    Path dir;

    @Test
    void writesCommandsAndPrintsThemBack(KafkaBroker broker, TestTopics topics) throws Exception {
        Path config = Files.writeString(dir.resolve("control.properties"), String.join("\n",
                "kafka.bootstrap.servers=" + broker.bootstrapServers(),
                "schema.registry.url=mock://control-command",
                "topic.control.operator.name=" + topics.create("control.operator", 1),
                "topic.ops.events.name=" + topics.create("ops.events", 3), ""));

        CapturedTickflow set = new CapturedTickflow();
        assertThat(set.execute("control", "set", "A", "sma=20", "stop-loss=0.2", "--reason", "slower trend", "--config", config.toString()))
                .as(set.err.toString()).isZero();
        Matcher id = Pattern.compile("as command ([0-9a-f-]{36}) to .*\\(offset 0\\)").matcher(set.out.toString());
        assertThat(id.find()).as(set.out.toString()).isTrue();
        assertThat(set.out.toString()).contains("wrote SET_PARAMETERS for A", "COMMAND_APPLIED or COMMAND_REFUSED", "tickflow control log A");

        CapturedTickflow pause = new CapturedTickflow();
        assertThat(pause.execute("control", "pause", "*", "--operator", "alice", "--config", config.toString())).as(pause.err.toString()).isZero();
        assertThat(pause.out.toString()).contains("wrote PAUSE for *", "(offset 1)", "PAUSED from the executor");

        CapturedTickflow log = new CapturedTickflow();
        assertThat(log.execute("control", "log", "--config", config.toString())).as(log.err.toString()).isZero();
        assertThat(log.out.toString()).contains("SET_PARAMETERS", id.group(1), "{sma=20, stop-loss=0.2}", "by cli (slower trend)", "PAUSE",
                "by cli:alice", "Events (");
    }
}
