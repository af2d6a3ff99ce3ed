package dev.tickflow.executor.reconcile;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** An exchange account as REST shows it now (signed calls, from the stream thread within its unit of work). */
public interface ExchangeAccount {

    /** The client order ids of every open order of the account, of any symbol. */
    Set<String> openOrderIds();

    /** Every asset's balance, free plus locked. */
    Map<String, BigDecimal> balances();
}
