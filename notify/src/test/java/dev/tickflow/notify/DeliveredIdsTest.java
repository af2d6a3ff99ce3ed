package dev.tickflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveredIdsTest {
    @TempDir
    Path dir;

    @Test
    void remembersDeliveriesAcrossReopening() {
        try (DeliveredIds ids = DeliveredIds.open(dir, 100)) {
            ids.record("ops", "fill:1");
            ids.record("chat", "fill:1");
            ids.record("ops", "fill:1");
        }
        try (DeliveredIds ids = DeliveredIds.open(dir, 100)) {
            assertThat(ids.contains("ops", "fill:1")).isTrue();
            assertThat(ids.contains("chat", "fill:1")).isTrue();
            assertThat(ids.contains("ops", "fill:2")).isFalse();
            assertThat(ids.size()).isEqualTo(2);
        }
    }

    @Test
    void keepsTheNewestPairsAndCutsTheFileBackWhenOpened() throws Exception {
        try (DeliveredIds ids = DeliveredIds.open(dir, 10)) {
            for (int i = 0; i < 25; i++) {
                ids.record("ops", "event-" + i);
            }
            assertThat(ids.size()).isEqualTo(10);
        }
        try (DeliveredIds ids = DeliveredIds.open(dir, 10)) {
            assertThat(ids.contains("ops", "event-24")).isTrue();
            assertThat(ids.contains("ops", "event-15")).isTrue();
            assertThat(ids.contains("ops", "event-14")).isFalse();
        }
        assertThat(Files.readAllLines(dir.resolve(DeliveredIds.FILE_NAME))).hasSize(10).endsWith("ops\tevent-24");
    }
}
