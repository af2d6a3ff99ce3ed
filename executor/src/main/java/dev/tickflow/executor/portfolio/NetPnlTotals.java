package dev.tickflow.executor.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The net PnL of the positions summed per instance and over the account, kept up to date as positions are replaced:
 * the loss limits read both after every mark, and adding up every position each time costs O(positions²) a minute.
 * Each total equals, scale included, what adding its positions' net PnL to zero gives afresh (the scale of such a sum
 * is the largest of its terms'), whatever positions came and went before.
 */
public final class NetPnlTotals {
    private final Sum account = new Sum();
    private final Map<String, Sum> byInstance = new HashMap<>();

    /** The instance's position changed from {@code before} (null when it had none) to {@code after}. */
    public void replace(String instance, PositionRecord before, PositionRecord after) {
        Sum ofInstance = byInstance.computeIfAbsent(instance, unused -> new Sum());
        if (before != null) {
            BigDecimal term = before.position().netPnl();
            account.subtract(term);
            ofInstance.subtract(term);
        }
        BigDecimal term = after.position().netPnl();
        account.add(term);
        ofInstance.add(term);
    }

    public BigDecimal of(String instance) {
        Sum ofInstance = byInstance.get(instance);
        return ofInstance == null ? BigDecimal.ZERO : ofInstance.value();
    }

    public BigDecimal account() {
        return account.value();
    }

    /** An exact sum, and how many of its terms have each scale, which gives the scale of the same sum added afresh. */
    private static final class Sum {
        private BigDecimal total = BigDecimal.ZERO;
        private final TreeMap<Integer, Integer> termsByScale = new TreeMap<>();

        void add(BigDecimal term) {
            total = total.add(term);
            termsByScale.merge(term.scale(), 1, Integer::sum);
        }

        void subtract(BigDecimal term) {
            total = total.subtract(term);
            termsByScale.computeIfPresent(term.scale(), (scale, count) -> count == 1 ? null : count - 1);
        }

        BigDecimal value() {
            int scale = termsByScale.isEmpty() ? 0 : Math.max(0, termsByScale.lastKey());
            return total.setScale(scale, RoundingMode.UNNECESSARY);
        }
    }
}
