package dev.tickflow.testkit.binance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fake account's balances per asset: what {@code GET /api/v3/account} answers and what each
 * {@code outboundAccountPosition} carries. Every fill moves them (base and quote asset, commission); nothing is locked
 * for open orders, so {@code locked} is always 0.
 */
final class FakeAccount {
    private final Map<String, BigDecimal> free = new TreeMap<>();

    /** Adds {@code amount} (negative to take) to the asset's balance. */
    void credit(String asset, BigDecimal amount) {
        free.merge(asset, amount, BigDecimal::add);
    }

    BigDecimal balance(String asset) {
        return free.getOrDefault(asset, BigDecimal.ZERO);
    }

    /** The {@code balances} array of GET /api/v3/account: every asset, or those of {@code assets}. */
    ArrayNode balancesJson(String free, String locked, Collection<String> assets) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (String asset : assets == null ? this.free.keySet() : assets) {
            out.addObject().put("asset", asset).put(free, plain(balance(asset))).put(locked, "0.00000000");
        }
        return out;
    }

    /** GET /api/v3/account. */
    ObjectNode accountJson(long now) {
        ObjectNode account = JsonNodeFactory.instance.objectNode();
        account.put("makerCommission", 10).put("takerCommission", 10).put("canTrade", true).put("canWithdraw", false)
                .put("canDeposit", false).put("updateTime", now).put("accountType", "SPOT");
        account.set("balances", balancesJson("free", "locked", null));
        account.putArray("permissions").add("SPOT");
        return account;
    }

    private static String plain(BigDecimal value) {
        return value.setScale(Math.max(8, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }
}
