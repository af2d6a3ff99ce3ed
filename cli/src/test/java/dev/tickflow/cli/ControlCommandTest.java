package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code tickflow control}: what it refuses before it writes anything (no broker needed). */
class ControlCommandTest {
    private final CapturedTickflow tickflow = new CapturedTickflow();

    @Test
    void isATickflowCommand() {
        assertThat(tickflow.execute("control", "--help")).isZero();
        assertThat(tickflow.out.toString()).contains("Usage: tickflow control", "pause|resume|lift-halt INSTANCE", "--symbol=S", "--reason=TEXT",
                "name=value");
    }

    @Test
    void anUnknownActionIsAUsageError() {
        assertThat(tickflow.execute("control", "stop", "A")).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("Unknown action 'stop'", "pause", "force-exit", "set");
    }

    @Test
    void anUnknownInstanceIsAUsageError() {
        assertThat(tickflow.execute("control", "pause", "Z")).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("Unknown strategy instance 'Z'", "[A, B]");
    }

    @Test
    void unknownOrBadSettingsAreUsageErrors() {
        assertThat(tickflow.execute("control", "set", "A", "fast=3")).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("strategy.A.fast", "[ema, sma, stop-loss, stop-trigger]");
        assertThat(tickflow.execute("control", "set", "A", "sma=many")).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("'many'", "whole number");
        assertThat(tickflow.execute("control", "set", "*", "sma=20")).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("one instance at a time");
        assertThat(tickflow.execute("control", "pause", "A", "--symbol", "BTCUSDT")).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("--symbol applies to force-exit and cancel-all only");
    }
}
