package dev.tickflow.executor;

import dev.tickflow.executor.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Parses {@value ExecutorSettings#RISK_OVERRIDES}: {@code INSTANCE:LIMIT=VALUE} entries into limits per instance. */
final class RiskOverrides {

    private RiskOverrides() {
    }

    static void validate(String key, Object value) {
        @SuppressWarnings("unchecked")
        List<String> entries = (List<String>) value;
        parse(entries);
    }

    static Map<String, RiskLimits> parse(List<String> entries) {
        Map<String, RiskLimits> limits = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            int equals = entry.indexOf('=');
            if (colon <= 0 || equals < colon + 2) {
                throw invalid(entry, "each entry must be INSTANCE:LIMIT=VALUE, e.g. A:max.order.notional=500");
            }
            String instance = entry.substring(0, colon).trim();
            String limit = entry.substring(colon + 1, equals).trim();
            String text = entry.substring(equals + 1).trim();
            if (!ExecutorSettings.OVERRIDABLE.contains(limit)) {
                throw invalid(entry, "'" + limit + "' is not a limit; limits are " + ExecutorSettings.OVERRIDABLE);
            }
            BigDecimal number = ExecutorSettings.parsePositive(ExecutorSettings.RISK_OVERRIDES, text);
            RiskLimits one = switch (limit) {
                case "max.position.notional" -> new RiskLimits(number, null, null, null, null, null, null);
                case "max.order.notional" -> new RiskLimits(null, number, null, null, null, null, null);
                case "max.orders.per.second" -> new RiskLimits(null, null, whole(entry, number), null, null, null, null);
                case "max.open.orders" -> new RiskLimits(null, null, null, whole(entry, number), null, null, null);
                case "max.daily.loss" -> new RiskLimits(null, null, null, null, number, null, null);
                case "max.drawdown" -> new RiskLimits(null, null, null, null, null, number, null);
                default -> new RiskLimits(null, null, null, null, null, null, Duration.ofMillis(whole(entry, number)));
            };
            limits.merge(instance, one, RiskLimits::overriddenBy);
        }
        return limits;
    }

    private static int whole(String entry, BigDecimal number) {
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw invalid(entry, "the value must be a whole number");
        }
    }

    private static ConfigException invalid(String entry, String message) {
        return new ConfigException(ExecutorSettings.RISK_OVERRIDES, entry, message);
    }
}
