package dev.tickflow.executor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetPnlTotalsTest {
    private static final List<String> INSTANCES = List.of("sma-fast", "ema-slow", "breakout");

    @Test
    void eachTotalEqualsTheSumOfItsPositionsAddedAfreshScaleIncluded() {
        Random random = new Random(20261206);
        NetPnlTotals totals = new NetPnlTotals();
        Map<String, Map<String, PositionRecord>> positionsByInstance = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            String instance = INSTANCES.get(random.nextInt(INSTANCES.size()));
            PositionRecord after = withNetPnl(BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, random.nextInt(13)));
            PositionRecord before = positionsByInstance.computeIfAbsent(instance, unused -> new HashMap<>())
                    .put("SYM" + random.nextInt(50), after);
            totals.replace(instance, before, after);

            if (step % 101 == 0) {
                for (String each : INSTANCES) {
                    assertThat(totals.of(each)).isEqualTo(sum(positionsByInstance.getOrDefault(each, Map.of()).values().stream().toList()));
                }
                assertThat(totals.account()).isEqualTo(sum(positionsByInstance.values().stream().flatMap(ofInstance -> ofInstance.values().stream()).toList()));
            }
        }
    }

    @Test
    void aTermOfAFinerScaleThatIsReplacedNoLongerWidensTheTotal() {
        NetPnlTotals totals = new NetPnlTotals();
        PositionRecord fine = withNetPnl(new BigDecimal("1.12345678"));
        totals.replace("a", null, fine);
        totals.replace("a", null, withNetPnl(new BigDecimal("2.5")));
        assertThat(totals.account()).isEqualTo(new BigDecimal("3.62345678"));

        totals.replace("a", fine, withNetPnl(new BigDecimal("-1.25")));

        assertThat(totals.of("a")).isEqualTo(new BigDecimal("1.25"));
        assertThat(totals.account()).isEqualTo(new BigDecimal("1.25"));
    }

    @Test
    void anInstanceWithoutPositionsHasZero() {
        NetPnlTotals totals = new NetPnlTotals();
        totals.replace("a", null, withNetPnl(new BigDecimal("7.00")));

        assertThat(totals.of("b")).isEqualTo(BigDecimal.ZERO);
        assertThat(totals.account()).isEqualTo(new BigDecimal("7.00"));
    }

    /** As the loss limits summed before the totals: every term added to zero. */
    private static BigDecimal sum(List<PositionRecord> positions) {
        return positions.stream().map(record -> record.position().netPnl()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static PositionRecord withNetPnl(BigDecimal realized) {
        return new PositionRecord(new PositionState(BigDecimal.ZERO, BigDecimal.ZERO, realized, BigDecimal.ZERO, BigDecimal.ZERO, null, null),
                null, Long.MIN_VALUE);
    }
}
