package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TradeIdRangesTest {

    @Test
    void consecutiveIdsStayOneRange() {
        TradeIdRanges ranges = new TradeIdRanges();
        for (long id = 100; id < 10_100; id++) {
            assertThat(ranges.add(id)).isTrue();
        }
        assertThat(ranges.size()).isEqualTo(1);
        assertThat(ranges.toString()).isEqualTo("[100..10099]");
        assertThat(ranges.contains(100)).isTrue();
        assertThat(ranges.contains(10_099)).isTrue();
        assertThat(ranges.contains(99)).isFalse();
        assertThat(ranges.contains(10_100)).isFalse();
    }

    @Test
    void outOfOrderIdsMergeOnceTheHolesFill() {
        TradeIdRanges ranges = new TradeIdRanges();
        ranges.add(5);
        ranges.add(9);
        ranges.add(7);
        assertThat(ranges.toString()).isEqualTo("[5..5, 7..7, 9..9]");
        ranges.add(6);
        assertThat(ranges.toString()).isEqualTo("[5..7, 9..9]");
        ranges.add(8);
        assertThat(ranges.toString()).isEqualTo("[5..9]");
        ranges.add(3);
        ranges.add(4);
        assertThat(ranges.toString()).isEqualTo("[3..9]");
        assertThat(ranges.add(6)).isFalse();
        assertThat(ranges.max()).isEqualTo(9);
    }

    @Test
    void forgettingBelowAFloorDropsAndTrimsRanges() {
        TradeIdRanges ranges = TradeIdRanges.of(1, 5, 10, 20, 30, 40);
        ranges.forgetBelow(15);
        assertThat(ranges.toString()).isEqualTo("[15..20, 30..40]");
        assertThat(ranges.contains(14)).isFalse();
        ranges.forgetBelow(25);
        assertThat(ranges.toString()).isEqualTo("[30..40]");
    }

    @Test
    void sparseIdsAreCappedDroppingTheLowestRanges() {
        TradeIdRanges ranges = new TradeIdRanges();
        for (long id = 0; id < 2L * (TradeIdRanges.MAX_RANGES + 10); id += 2) {
            ranges.add(id);
        }
        assertThat(ranges.size()).isEqualTo(TradeIdRanges.MAX_RANGES);
        assertThat(ranges.contains(0)).isFalse();
        assertThat(ranges.contains(2L * (TradeIdRanges.MAX_RANGES + 9))).isTrue();
    }
}
