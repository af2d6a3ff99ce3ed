/**
 * Reconciliation of the executor's open orders and positions with an exchange account (the binance venue; the paper
 * venue holds nothing of its own to compare with): the comparison ({@link dev.tickflow.executor.reconcile.Reconciliation},
 * plain), its application to the engine's parts ({@link dev.tickflow.executor.reconcile.Reconciler}) and the user-data
 * stream that triggers it ({@link dev.tickflow.executor.reconcile.UserDataStream}).
 */
package dev.tickflow.executor.reconcile;
