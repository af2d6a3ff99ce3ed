package dev.tickflow.executor.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Two marks of a position's net PnL (realized + unrealized − fees), followed at every fill and every mark: its value at
 * the first observation of the latest UTC day, and the highest value seen. The loss limits compare the PnL with them.
 */
public record PnlWatermarks(LocalDate day, BigDecimal dayStartPnl, BigDecimal peakPnl) {

    public PnlWatermarks {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(dayStartPnl, "dayStartPnl");
        Objects.requireNonNull(peakPnl, "peakPnl");
    }

    /** The watermarks after observing {@code netPnl} at {@code now}; {@code previous} null before the first observation (the peak starts at 0). */
    public static PnlWatermarks observe(PnlWatermarks previous, BigDecimal netPnl, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (previous == null) {
            return new PnlWatermarks(day, netPnl, netPnl.max(BigDecimal.ZERO));
        }
        BigDecimal dayStart = day.isAfter(previous.day()) ? netPnl : previous.dayStartPnl();
        LocalDate latestDay = day.isAfter(previous.day()) ? day : previous.day();
        return new PnlWatermarks(latestDay, dayStart, previous.peakPnl().max(netPnl));
    }
}
