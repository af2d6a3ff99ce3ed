package dev.tickflow.executor.risk;

import dev.tickflow.executor.portfolio.PnlWatermarks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The daily-loss and drawdown limits on net PnL (realized + unrealized − fees) of one position, against its
 * {@link PnlWatermarks}. A breach leaves the instance REDUCING.
 */
public final class LossLimits {

    private LossLimits() {
    }

    /** The halt {@code limits} call for, if any. */
    public static Optional<Halt> breach(RiskLimits limits, PnlWatermarks watermarks, BigDecimal netPnl) {
        if (limits.maxDrawdown() != null) {
            BigDecimal drawdown = watermarks.peakPnl().subtract(netPnl);
            if (drawdown.compareTo(limits.maxDrawdown()) > 0) {
                return Optional.of(Halt.reducing("max-drawdown: PnL " + plain(netPnl) + " is " + plain(drawdown) + " below its peak "
                        + plain(watermarks.peakPnl()) + ", the limit is " + plain(limits.maxDrawdown()), null));
            }
        }
        if (limits.maxDailyLoss() != null) {
            BigDecimal loss = watermarks.dayStartPnl().subtract(netPnl);
            if (loss.compareTo(limits.maxDailyLoss()) > 0) {
                Instant nextMidnight = watermarks.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                return Optional.of(Halt.reducing("max-daily-loss: lost " + plain(loss) + " on " + watermarks.day() + ", the limit is "
                        + plain(limits.maxDailyLoss()), nextMidnight));
            }
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
