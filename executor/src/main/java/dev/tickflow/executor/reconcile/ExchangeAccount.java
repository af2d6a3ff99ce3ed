package dev.tickflow.executor.reconcile;

import java.math.BigDecimal;
import java.util.Map;

/** An exchange account as REST shows it now (signed calls, from the stream thread within its unit of work). */
public interface ExchangeAccount {

    /** Every open order of the account, of any symbol: its executed quantity by client order id. */
    Map<String, BigDecimal> openOrders();

    /** Every asset's balance, free plus locked. */
    Map<String, BigDecimal> balances();
}
