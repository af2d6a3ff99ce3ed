package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WatermarkPublisherTest {

    @Test
    void writesOnlyWhenTheWatermarkAdvanced() {
        AtomicReference<OptionalLong> source = new AtomicReference<>(OptionalLong.empty());
        List<Long> written = new ArrayList<>();
        WatermarkPublisher publisher = new WatermarkPublisher(source::get, written::add);

        assertThat(publisher.publishIfAdvanced()).isFalse();
        source.set(OptionalLong.of(1_000));
        assertThat(publisher.publishIfAdvanced()).isTrue();
        assertThat(publisher.publishIfAdvanced()).isFalse();
        source.set(OptionalLong.of(800)); // a live source that lost its connection
        assertThat(publisher.publishIfAdvanced()).isFalse();
        source.set(OptionalLong.of(1_001));
        assertThat(publisher.publishIfAdvanced()).isTrue();

        assertThat(written).containsExactly(1_000L, 1_001L);
        assertThat(publisher.lastWritten()).isEqualTo(1_001);
    }
}
