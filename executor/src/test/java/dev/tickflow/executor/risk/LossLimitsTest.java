package dev.tickflow.executor.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.portfolio.PnlWatermarks;
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
    void dailyLossHaltsUntilTheNextUtcMidnight() {
        PnlWatermarks w = new PnlWatermarks(LocalDate.parse("2025-01-01"), new BigDecimal("10"), new BigDecimal("10"));
        assertThat(LossLimits.breach(limits("5", null), w, new BigDecimal("5"))).as("a loss of exactly the limit passes").isEmpty();
        Halt halt = LossLimits.breach(limits("5", null), w, new BigDecimal("4.99")).orElseThrow();
        assertThat(halt.reason()).startsWith("max-daily-loss: lost 5.01 on 2025-01-01");
        assertThat(halt.until()).isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));
        assertThat(halt.inForceAt(DAY1)).isTrue();
        assertThat(halt.inForceAt(DAY2)).isFalse();
        assertThat(halt.state()).as("only reducing orders pass").isEqualTo(TradingState.REDUCING);
    }

    @Test
    void drawdownFromThePeakHaltsForGood() {
        PnlWatermarks w = new PnlWatermarks(LocalDate.parse("2025-01-01"), new BigDecimal("0"), new BigDecimal("30"));
        assertThat(LossLimits.breach(limits(null, "20"), w, new BigDecimal("10"))).isEmpty();
        Halt halt = LossLimits.breach(limits(null, "20"), w, new BigDecimal("9")).orElseThrow();
        assertThat(halt.reason()).startsWith("max-drawdown: PnL 9 is 21 below its peak 30");
        assertThat(halt.until()).isNull();
        assertThat(halt.inForceAt(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void noLimitsNoHalt() {
        PnlWatermarks w = new PnlWatermarks(LocalDate.parse("2025-01-01"), new BigDecimal("100"), new BigDecimal("100"));
        assertThat(LossLimits.breach(RiskLimits.none(), w, new BigDecimal("-1000"))).isEmpty();
    }
}
