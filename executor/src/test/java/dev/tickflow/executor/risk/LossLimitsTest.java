package dev.tickflow.executor.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LossLimitsTest {
    private static final Instant DAY1 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant DAY2 = Instant.parse("2025-01-02T00:00:01Z");

    private static RiskLimits limits(String dailyLoss, String drawdown) {
        return new RiskLimits(null, null, null, null, dailyLoss == null ? null : new BigDecimal(dailyLoss),
                drawdown == null ? null : new BigDecimal(drawdown), null);
    }

    @Test
    void watermarksFollowThePeakAndResetTheDayStartAtUtcMidnight() {
        LossLimits.Watermarks w = LossLimits.observe(null, new BigDecimal("5"), DAY1);
        assertThat(w).isEqualTo(new LossLimits.Watermarks(LocalDate.parse("2025-01-01"), new BigDecimal("5"), new BigDecimal("5")));
        w = LossLimits.observe(w, new BigDecimal("12"), DAY1.plusSeconds(60));
        w = LossLimits.observe(w, new BigDecimal("3"), DAY1.plusSeconds(120));
        assertThat(w.dayStartPnl()).isEqualByComparingTo("5");
        assertThat(w.peakPnl()).isEqualByComparingTo("12");
        w = LossLimits.observe(w, new BigDecimal("2"), DAY2);
        assertThat(w.day()).isEqualTo(LocalDate.parse("2025-01-02"));
        assertThat(w.dayStartPnl()).isEqualByComparingTo("2");
        assertThat(w.peakPnl()).isEqualByComparingTo("12");
    }

    @Test
    void dailyLossHaltsUntilTheNextUtcMidnight() {
        LossLimits.Watermarks w = new LossLimits.Watermarks(LocalDate.parse("2025-01-01"), new BigDecimal("10"), new BigDecimal("10"));
        assertThat(LossLimits.breach(limits("5", null), w, new BigDecimal("5"))).as("a loss of exactly the limit passes").isEmpty();
        Halt halt = LossLimits.breach(limits("5", null), w, new BigDecimal("4.99")).orElseThrow();
        assertThat(halt.reason()).startsWith("max-daily-loss: lost 5.01 on 2025-01-01");
        assertThat(halt.until()).isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));
        assertThat(halt.inForceAt(DAY1)).isTrue();
        assertThat(halt.inForceAt(DAY2)).isFalse();
    }

    @Test
    void drawdownFromThePeakHaltsForGood() {
        LossLimits.Watermarks w = new LossLimits.Watermarks(LocalDate.parse("2025-01-01"), new BigDecimal("0"), new BigDecimal("30"));
        assertThat(LossLimits.breach(limits(null, "20"), w, new BigDecimal("10"))).isEmpty();
        Halt halt = LossLimits.breach(limits(null, "20"), w, new BigDecimal("9")).orElseThrow();
        assertThat(halt.reason()).startsWith("max-drawdown: PnL 9 is 21 below its peak 30");
        assertThat(halt.until()).isNull();
        assertThat(halt.inForceAt(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void noLimitsNoHalt() {
        LossLimits.Watermarks w = new LossLimits.Watermarks(LocalDate.parse("2025-01-01"), new BigDecimal("100"), new BigDecimal("100"));
        assertThat(LossLimits.breach(RiskLimits.none(), w, new BigDecimal("-1000"))).isEmpty();
    }
}
