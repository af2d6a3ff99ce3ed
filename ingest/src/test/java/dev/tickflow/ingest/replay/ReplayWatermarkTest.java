package dev.tickflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayWatermarkTest {

    @Test
    void unknownBeforeTheFirstTrade() {
        assertThat(new ReplayWatermark().at(5_000)).isEmpty();
    }

    @Test
    void theTradeTimeOfTheLastTradeHandedOnAndNeverBack() {
        ReplayWatermark watermark = new ReplayWatermark();
        watermark.delivered(1_000);
        watermark.delivered(1_000);
        watermark.delivered(1_250);
        assertThat(watermark.at(99_000)).hasValue(1_250);

        watermark.delivered(900); // a later file that starts earlier
        assertThat(watermark.at(99_000)).hasValue(1_250);
    }

    @Test
    void aFinishedReplayHasTheWallClock() {
        ReplayWatermark watermark = new ReplayWatermark();
        watermark.delivered(1_250);
        watermark.finished();

        assertThat(watermark.at(99_000)).hasValue(99_000);
    }
}
