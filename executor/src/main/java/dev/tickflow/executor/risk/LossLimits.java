package dev.tickflow.executor.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily-loss and drawdown limits on net PnL (realized + unrealized − fees) of one position. Watermarks follow the
 * PnL at every fill and every mark: the value at the first observation of each UTC day, and the highest value seen.
 */
public final class LossLimits {

    private LossLimits() {
    }

    /** Net PnL at the first observation of {@code day}, and the highest net PnL ever seen. */
    public record Watermarks(LocalDate day, BigDecimal dayStartPnl, BigDecimal peakPnl) {
        public Watermarks {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(dayStartPnl, "dayStartPnl");
            Objects.requireNonNull(peakPnl, "peakPnl");
        }
    }

    /** The watermarks after observing {@code netPnl} at {@code now}; {@code previous} null before the first observation. */
    public static Watermarks observe(Watermarks previous, BigDecimal netPnl, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (previous == null) {
            return new Watermarks(day, netPnl, netPnl.max(BigDecimal.ZERO));
        }
        BigDecimal dayStart = day.isAfter(previous.day()) ? netPnl : previous.dayStartPnl();
        LocalDate latestDay = day.isAfter(previous.day()) ? day : previous.day();
        return new Watermarks(latestDay, dayStart, previous.peakPnl().max(netPnl));
    }

    /** The halt {@code limits} call for, if any. */
    public static Optional<Halt> breach(RiskLimits limits, Watermarks watermarks, BigDecimal netPnl) {
        if (limits.maxDrawdown() != null) {
            BigDecimal drawdown = watermarks.peakPnl().subtract(netPnl);
            if (drawdown.compareTo(limits.maxDrawdown()) > 0) {
                return Optional.of(new Halt("max-drawdown: PnL " + plain(netPnl) + " is " + plain(drawdown) + " below its peak "
                        + plain(watermarks.peakPnl()) + ", the limit is " + plain(limits.maxDrawdown()), null));
            }
        }
        if (limits.maxDailyLoss() != null) {
            BigDecimal loss = watermarks.dayStartPnl().subtract(netPnl);
            if (loss.compareTo(limits.maxDailyLoss()) > 0) {
                Instant nextMidnight = watermarks.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                return Optional.of(new Halt("max-daily-loss: lost " + plain(loss) + " on " + watermarks.day() + ", the limit is "
                        + plain(limits.maxDailyLoss()), nextMidnight));
            }
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
