package dev.tickflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RestWeightBudgetTest {
    private static final long MINUTE_START = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    @Test
    void aFreshBudgetLetsTheFirstRequestGo() {
        assertThat(new RestWeightBudget(6_000).waitBeforeRequest(MINUTE_START)).isZero();
    }

    @Test
    void a429IsWaitedOutForItsRetryAfter() {
        RestWeightBudget budget = new RestWeightBudget(6_000);

        Duration wait = budget.refused(MINUTE_START + 1_000, 429, Optional.of(Duration.ofSeconds(7)));

        assertThat(wait).isEqualTo(Duration.ofSeconds(7));
        assertThat(budget.waitBeforeRequest(MINUTE_START + 1_000)).isEqualTo(Duration.ofSeconds(7));
        assertThat(budget.waitBeforeRequest(MINUTE_START + 7_999)).isEqualTo(Duration.ofMillis(1));
        assertThat(budget.waitBeforeRequest(MINUTE_START + 8_000)).isZero();
    }

    @Test
    void a418BanIsWaitedOutForItsRetryAfterOrTheShortestBan() {
        RestWeightBudget withHeader = new RestWeightBudget(6_000);
        assertThat(withHeader.refused(MINUTE_START, 418, Optional.of(Duration.ofSeconds(300)))).isEqualTo(Duration.ofSeconds(300));

        RestWeightBudget withoutHeader = new RestWeightBudget(6_000);
        assertThat(withoutHeader.refused(MINUTE_START, 418, Optional.empty())).isEqualTo(RestWeightBudget.SHORTEST_BAN);
    }

    @Test
    void a429WithoutRetryAfterWaitsForTheNextMinute() {
        RestWeightBudget budget = new RestWeightBudget(6_000);

        assertThat(budget.refused(MINUTE_START + 45_000, 429, Optional.empty())).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aLaterShorterRetryAfterDoesNotShortenTheWait() {
        RestWeightBudget budget = new RestWeightBudget(6_000);
        budget.refused(MINUTE_START, 418, Optional.of(Duration.ofSeconds(120)));

        assertThat(budget.refused(MINUTE_START + 1_000, 429, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(119));
    }

    @Test
    void whenTheUsedWeightLeavesNoRoomTheNextRequestWaitsForTheNextMinute() {
        RestWeightBudget budget = new RestWeightBudget(1_000);

        budget.answered(MINUTE_START + 20_000, OptionalInt.of(996));
        assertThat(budget.waitBeforeRequest(MINUTE_START + 20_001)).isZero();

        budget.answered(MINUTE_START + 21_000, OptionalInt.of(997));
        assertThat(budget.waitBeforeRequest(MINUTE_START + 21_000)).isEqualTo(Duration.ofSeconds(39));
        assertThat(budget.waitBeforeRequest(MINUTE_START + 60_000)).isZero();
    }

    @Test
    void anAnswerWithoutTheHeaderChangesNothing() {
        RestWeightBudget budget = new RestWeightBudget(1_000);
        budget.answered(MINUTE_START, OptionalInt.of(1_000));
        budget.answered(MINUTE_START + 1, OptionalInt.empty());

        assertThat(budget.waitBeforeRequest(MINUTE_START + 2)).isEqualTo(Duration.ofMillis(59_998));
    }

    @Test
    void refusesALimitBelowOneRequest() {
        assertThatThrownBy(() -> new RestWeightBudget(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterIsReadAsSeconds() {
        assertThat(AggTradesRest.retryAfter("12")).contains(Duration.ofSeconds(12));
        assertThat(AggTradesRest.retryAfter(" 3 ")).contains(Duration.ofSeconds(3));
        assertThat(AggTradesRest.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEmpty();
        assertThat(AggTradesRest.retryAfter(null)).isEmpty();
    }
}
