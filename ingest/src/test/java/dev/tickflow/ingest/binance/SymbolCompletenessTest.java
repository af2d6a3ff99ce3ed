package dev.tickflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolCompletenessTest {

    @Test
    void aSymbolNotYetLiveIsCompleteBeforeItsSubscriptionOrResumePoint() {
        SymbolCompleteness resumed = new SymbolCompleteness(1_000);

        assertThat(resumed.completeBefore(5_000)).isEqualTo(1_000);
        assertThat(resumed.isLive()).isFalse();
    }

    @Test
    void deliveredTradesMoveItOnWhileCatchingUp() {
        SymbolCompleteness symbol = new SymbolCompleteness(1_000);
        symbol.delivered(1_200);
        symbol.delivered(1_350);

        assertThat(symbol.completeBefore(5_000)).isEqualTo(1_350);
    }

    @Test
    void aLiveSymbolIsCompleteUpToTheWallClockAndFallsBackToItsLastTradeWhenItLosesTheStream() {
        SymbolCompleteness symbol = new SymbolCompleteness(1_000);
        symbol.delivered(1_500);
        symbol.live();
        assertThat(symbol.completeBefore(9_000)).isEqualTo(9_000);

        symbol.catchingUp();
        assertThat(symbol.completeBefore(9_500)).isEqualTo(1_500);
    }

    @Test
    void neverAheadOfTheWallClock() {
        SymbolCompleteness symbol = new SymbolCompleteness(1_000);
        symbol.delivered(7_000);

        assertThat(symbol.completeBefore(6_000)).isEqualTo(6_000);
    }

    @Test
    void theWatermarkIsTheWallClockHeldBackToTheLeastCompleteSymbol() {
        SymbolCompleteness live = new SymbolCompleteness(0);
        live.live();
        SymbolCompleteness backfilling = new SymbolCompleteness(2_000);
        backfilling.delivered(3_000);

        assertThat(SymbolCompleteness.watermark(10_000, List.of(live))).isEqualTo(10_000);
        assertThat(SymbolCompleteness.watermark(10_000, List.of(live, backfilling))).isEqualTo(3_000);
        assertThat(SymbolCompleteness.watermark(10_000, List.of())).isEqualTo(10_000);

        backfilling.live();
        assertThat(SymbolCompleteness.watermark(10_000, List.of(live, backfilling))).isEqualTo(10_000);
    }
}
