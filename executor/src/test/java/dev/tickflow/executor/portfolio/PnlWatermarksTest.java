package dev.tickflow.executor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PnlWatermarksTest {
    private static final Instant DAY1 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant DAY2 = Instant.parse("2025-01-02T00:00:01Z");

    @Test
    void watermarksFollowThePeakAndResetTheDayStartAtUtcMidnight() {
        PnlWatermarks w = PnlWatermarks.observe(null, new BigDecimal("5"), DAY1);
        assertThat(w).isEqualTo(new PnlWatermarks(LocalDate.parse("2025-01-01"), new BigDecimal("5"), new BigDecimal("5")));
        w = PnlWatermarks.observe(w, new BigDecimal("12"), DAY1.plusSeconds(60));
        w = PnlWatermarks.observe(w, new BigDecimal("3"), DAY1.plusSeconds(120));
        assertThat(w.dayStartPnl()).isEqualByComparingTo("5");
        assertThat(w.peakPnl()).isEqualByComparingTo("12");
        w = PnlWatermarks.observe(w, new BigDecimal("2"), DAY2);
        assertThat(w.day()).isEqualTo(LocalDate.parse("2025-01-02"));
        assertThat(w.dayStartPnl()).isEqualByComparingTo("2");
        assertThat(w.peakPnl()).isEqualByComparingTo("12");
    }
}
