package dev.tickflow.backtest.report;

import dev.tickflow.executor.order.Symbols;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One symbol's part of a multi-symbol backtest, summed over the strategy instances (each has an account per symbol).
 *
 * @param trades  trades read (0 for klines)
 * @param candles candles of the strategies' interval
 * @param signals signals of all instances
 * @param orders  orders the executor made, REJECTED ones included
 * @param fills   fills of the paper broker
 * @param fees    fees of all fills, quote asset
 * @param pnl     sum over the instances of end equity - start equity, quote asset (fees included)
 */
public record SymbolSummary(String symbol, long trades, long candles, long signals, long orders, long fills, BigDecimal fees,
                            BigDecimal pnl) {

    /** The summary of a symbol from its counts and its instances' reports. */
    public static SymbolSummary of(String symbol, long trades, long candles, long signals, long orders, long fills,
                                   List<InstanceReport> reports) {
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal pnl = BigDecimal.ZERO;
        for (InstanceReport report : reports) {
            fees = fees.add(report.fees());
            pnl = pnl.add(report.endEquity().subtract(report.startEquity()));
        }
        return new SymbolSummary(symbol, trades, candles, signals, orders, fills, fees, pnl);
    }

    /** The asset amounts are in: the symbol's quote asset ({@code ETH} of XRPETH), or the symbol itself when unknown. */
    public String quoteAsset() {
        return Symbols.assets(symbol, Optional.empty()).map(Symbols.Assets::quote).orElse(symbol);
    }
}
