package dev.tickflow.executor.risk;

/** An order refused by a rule: the reason of its REJECTED event is {@code "<rule>: <message>"}. */
public record Rejection(RiskRule rule, String message) {

    public String reason() {
        return rule.id() + ": " + message;
    }
}
