package dev.tickflow.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.backtest.sweep.WalkForward.Fold;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardTest {

    @Test
    void rollingFoldsOverEqualSegments() {
        assertThat(WalkForward.folds(12, 3)).containsExactly(new Fold(1, 0, 3, 3, 6), new Fold(2, 3, 6, 6, 9), new Fold(3, 6, 9, 9, 12));
    }

    @Test
    void unevenLengthsSpreadTheRemainder() {
        // 10 candles in 4 segments: 0, 2, 5, 7, 10
        assertThat(WalkForward.folds(10, 3)).containsExactly(new Fold(1, 0, 2, 2, 5), new Fold(2, 2, 5, 5, 7), new Fold(3, 5, 7, 7, 10));
    }

    @Test
    void foldsAreContiguousAndCoverThePeriod() {
        List<Fold> folds = WalkForward.folds(3_560, 5);
        assertThat(folds.get(0).inSampleStart()).isZero();
        assertThat(folds.get(folds.size() - 1).outOfSampleEnd()).isEqualTo(3_560);
        for (int i = 0; i < folds.size(); i++) {
            Fold fold = folds.get(i);
            assertThat(fold.inSampleEnd()).isEqualTo(fold.outOfSampleStart());
            assertThat(fold.inSampleEnd() - fold.inSampleStart()).isBetween(593, 594);
            if (i > 0) {
                assertThat(fold.inSampleStart()).isEqualTo(folds.get(i - 1).outOfSampleStart());
            }
        }
    }

    @Test
    void tooFewCandlesOrFoldsAreRefused() {
        assertThatThrownBy(() -> WalkForward.folds(3, 3)).hasMessageContaining("needs at least 4 candles").hasMessageContaining("use fewer folds");
        assertThatThrownBy(() -> WalkForward.folds(100, 0)).hasMessageContaining("1 or more folds");
    }
}
