package dev.tickflow.executor.risk;

import dev.tickflow.executor.portfolio.PnlWatermarks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The daily-loss and drawdown limits on net PnL (realized + unrealized − fees) summed over an instance's positions (or
 * the whole account's), against its {@link PnlWatermarks}. A breach leaves the instance (or everything) REDUCING.
 */
public final class LossLimits {

    private LossLimits() {
    }

    /** The halt {@code limits} call for, if any: {@code max-drawdown} or {@code max-daily-loss} of an instance over all its symbols. */
    public static Optional<Halt> breach(RiskLimits limits, PnlWatermarks watermarks, BigDecimal netPnl) {
        return breach(limits.maxDrawdown(), "max-drawdown", limits.maxDailyLoss(), "max-daily-loss", watermarks, netPnl);
    }

    /** The halt the account's limits call for, if any: {@code account-drawdown} or {@code account-daily-loss}. */
    public static Optional<Halt> accountBreach(PortfolioLimits limits, PnlWatermarks watermarks, BigDecimal netPnl) {
        return breach(limits.maxAccountDrawdown(), "account-drawdown", limits.maxAccountDailyLoss(), "account-daily-loss", watermarks, netPnl);
    }

    private static Optional<Halt> breach(BigDecimal maxDrawdown, String drawdownRule, BigDecimal maxDailyLoss, String dailyLossRule,
                                         PnlWatermarks watermarks, BigDecimal netPnl) {
        if (maxDrawdown != null) {
            BigDecimal drawdown = watermarks.peakPnl().subtract(netPnl);
            if (drawdown.compareTo(maxDrawdown) > 0) {
                return Optional.of(Halt.reducing(drawdownRule + ": PnL " + plain(netPnl) + " is " + plain(drawdown) + " below its peak "
                        + plain(watermarks.peakPnl()) + ", the limit is " + plain(maxDrawdown), null));
            }
        }
        if (maxDailyLoss != null) {
            BigDecimal loss = watermarks.dayStartPnl().subtract(netPnl);
            if (loss.compareTo(maxDailyLoss) > 0) {
                Instant nextMidnight = watermarks.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                return Optional.of(Halt.reducing(dailyLossRule + ": lost " + plain(loss) + " on " + watermarks.day() + ", the limit is "
                        + plain(maxDailyLoss), nextMidnight));
            }
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
