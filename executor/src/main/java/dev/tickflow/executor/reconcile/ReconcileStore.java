package dev.tickflow.executor.reconcile;

import java.math.BigDecimal;
import java.util.Map;

/** Per asset, the account's holding that is not the executor's positions (a state store in the service). */
public interface ReconcileStore {

    Map<String, BigDecimal> externalHoldings();

    void putExternalHolding(String asset, BigDecimal amount);
}
