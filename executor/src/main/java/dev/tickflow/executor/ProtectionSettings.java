package dev.tickflow.executor;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.order.ProtectionPolicies;
import dev.tickflow.executor.order.ProtectionPolicy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The keys of exchange-held protection: defaults for every instance ({@code executor.protection.*}) and per-instance
 * values over them ({@value #OVERRIDES}: {@code INSTANCE:FIELD=VALUE,...}).
 */
final class ProtectionSettings {
    static final String PREFIX = ExecutorSettings.PREFIX + "protection.";
    static final String MODE = PREFIX + "mode";
    static final String STOP_FRACTION = PREFIX + "stop.fraction";
    static final String TAKE_PROFIT_FRACTION = PREFIX + "take.profit.fraction";
    static final String TRAILING_DELTA_BPS = PREFIX + "trailing.delta.bps";
    static final String LIMIT_OFFSET_FRACTION = PREFIX + "limit.offset.fraction";
    static final String OVERRIDES = PREFIX + "overrides";
    /** The fields an entry of {@value #OVERRIDES} may set, by their key after {@value #PREFIX}. */
    static final List<String> FIELDS = List.of("mode", "stop.fraction", "take.profit.fraction", "trailing.delta.bps", "limit.offset.fraction");

    private ProtectionSettings() {
    }

    static ConfigDef define(ConfigDef definition) {
        ProtectionPolicy d = ProtectionPolicy.STRATEGY_ONLY;
        return definition
                .define(MODE, Type.STRING, d.mode().word(), (key, value) -> mode(key, (String) value), Importance.HIGH,
                        "Where a long position is protected once its entry fills: strategy (only the strategy's stop-loss signals, the "
                                + "default), exchange-stop (a STOP_LOSS_LIMIT order), exchange-oco (an OCO pair: stop and LIMIT_MAKER "
                                + "take-profit) or exchange-trailing (a trailing STOP_LOSS_LIMIT), held by the exchange.")
                .define(STOP_FRACTION, Type.STRING, d.stopFraction().toPlainString(), Importance.MEDIUM,
                        "Stop price below the entry price as a fraction of it, when the entry's signal names no stop loss (0.02 = 2 %).")
                .define(TAKE_PROFIT_FRACTION, Type.STRING, d.takeProfitFraction().toPlainString(), Importance.MEDIUM,
                        "exchange-oco: the take-profit leg's price above the entry price, as a fraction of it.")
                .define(TRAILING_DELTA_BPS, Type.INT, d.trailingDeltaBps(), Importance.MEDIUM,
                        "exchange-trailing: how far the market must fall from its best price since placement to trigger, in basis points.")
                .define(LIMIT_OFFSET_FRACTION, Type.STRING, d.limitOffsetFraction().toPlainString(), Importance.LOW,
                        "A protective stop's limit price below its stop price, as a fraction of it, so that it fills in a falling market.")
                .define(OVERRIDES, Type.LIST, "", Importance.MEDIUM, "Per-instance protection over the defaults: INSTANCE:FIELD=VALUE,... "
                        + "with FIELD one of " + FIELDS + ", e.g. A:mode=exchange-oco,A:take.profit.fraction=0.03.");
    }

    static ProtectionPolicies parse(TickflowConfig config) {
        ProtectionPolicy defaults = policy(MODE, config.getString(MODE), config.getString(STOP_FRACTION), config.getString(TAKE_PROFIT_FRACTION),
                config.getInt(TRAILING_DELTA_BPS), config.getString(LIMIT_OFFSET_FRACTION));
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        for (String entry : config.getList(OVERRIDES)) {
            int colon = entry.indexOf(':');
            int equals = entry.indexOf('=');
            if (colon <= 0 || equals < colon + 2) {
                throw new ConfigException(OVERRIDES, entry, "each entry must be INSTANCE:FIELD=VALUE, e.g. A:mode=exchange-stop");
            }
            String field = entry.substring(colon + 1, equals).trim();
            if (!FIELDS.contains(field)) {
                throw new ConfigException(OVERRIDES, entry, "'" + field + "' is not a protection field; fields are " + FIELDS);
            }
            fields.computeIfAbsent(entry.substring(0, colon).trim(), i -> new LinkedHashMap<>()).put(field, entry.substring(equals + 1).trim());
        }
        Map<String, ProtectionPolicy> perInstance = new LinkedHashMap<>();
        fields.forEach((instance, f) -> perInstance.put(instance, policy(OVERRIDES, f.getOrDefault("mode", defaults.mode().word()),
                f.getOrDefault("stop.fraction", defaults.stopFraction().toPlainString()),
                f.getOrDefault("take.profit.fraction", defaults.takeProfitFraction().toPlainString()),
                whole(f.getOrDefault("trailing.delta.bps", String.valueOf(defaults.trailingDeltaBps()))),
                f.getOrDefault("limit.offset.fraction", defaults.limitOffsetFraction().toPlainString()))));
        return new ProtectionPolicies(defaults, perInstance);
    }

    private static ProtectionPolicy policy(String key, String mode, String stop, String takeProfit, int trailing, String offset) {
        try {
            return new ProtectionPolicy(mode(key, mode), new BigDecimal(stop), new BigDecimal(takeProfit), trailing, new BigDecimal(offset));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }

    private static ProtectionPolicy.Mode mode(String key, String word) {
        try {
            return ProtectionPolicy.Mode.ofWord(word);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, word, e.getMessage());
        }
    }

    private static int whole(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(OVERRIDES, text, "the trailing delta must be whole basis points");
        }
    }
}
