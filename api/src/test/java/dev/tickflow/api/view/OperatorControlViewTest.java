package dev.tickflow.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.OperationalEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorControlViewTest {
    private final OperatorControlView view = new OperatorControlView();

    private static OperationalEvent event(String instance, String kind, Map<String, String> details) {
        return OperationalEvent.newBuilder().setEventId(kind + instance).setKind(kind).setSeverity("INFO").setService("executor")
                .setStrategyInstance(instance).setMessage(kind).setDetails(details).setEventTime(Instant.parse("2026-01-15T10:00:00Z")).build();
    }

    @Test
    void pausedAndHaltedFollowTheLatestEventOfEachPair() {
        view.apply(event("A", "PAUSED", Map.of()));
        view.apply(event("A", "HALTED", Map.of()));
        view.apply(event("A", "RESUMED", Map.of()));
        assertThat(view.of("A").paused()).isFalse();
        assertThat(view.of("A").halted()).isTrue();
        assertThat(view.of("A").lastEvent().getKind()).isEqualTo("RESUMED");
        view.apply(event("A", "HALT_LIFTED", Map.of()));
        assertThat(view.of("A").halted()).isFalse();
        assertThat(view.of("B")).isEqualTo(OperatorControlView.State.NONE);
    }

    @Test
    void anEventOfEveryInstanceCountsForEach() {
        view.apply(event("*", "HALTED", Map.of()));
        assertThat(view.of("B").halted()).isTrue();
        assertThat(view.of("B").lastEvent()).isNull();
        view.apply(event("*", "HALT_LIFTED", Map.of()));
        assertThat(view.of("B").halted()).isFalse();
    }

    @Test
    void theStrategysLastAppliedChangeGivesTheChangedSettings() {
        view.apply(event("A", "COMMAND_APPLIED", Map.of("action", "SET_PARAMETERS", "commandId", "c1", "parameter.sma", "20")));
        view.apply(event("A", "COMMAND_REFUSED", Map.of("action", "SET_PARAMETERS", "commandId", "c2", "parameter.sma", "20")));
        view.apply(event("A", "COMMAND_APPLIED", Map.of("action", "PAUSE", "commandId", "c3")));
        assertThat(view.of("A").parameters()).containsExactly(Map.entry("sma", "20"));
        view.apply(event("A", "COMMAND_APPLIED", Map.of("action", "SET_PARAMETERS", "parameter.sma", "20", "parameter.ema", "8")));
        assertThat(view.of("A").parameters()).containsOnly(Map.entry("sma", "20"), Map.entry("ema", "8"));
    }
}
