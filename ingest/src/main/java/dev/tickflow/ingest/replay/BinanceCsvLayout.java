package dev.tickflow.ingest.replay;

import java.util.Optional;

/** The two layouts of Binance's public trade files, told apart by their number of columns. */
public enum BinanceCsvLayout {
    /** {@code agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match}. */
    AGG_TRADES(8, "aggTrades"),
    /** {@code id,price,qty,quote_qty,time,is_buyer_maker,is_best_match}: one raw trade per line. */
    TRADES(7, "trades");

    private final int columns;
    private final String fileKind;

    BinanceCsvLayout(int columns, String fileKind) {
        this.columns = columns;
        this.fileKind = fileKind;
    }

    public int columns() {
        return columns;
    }

    /** The word Binance uses for this layout in its file names. */
    public String fileKind() {
        return fileKind;
    }

    public static Optional<BinanceCsvLayout> ofColumnCount(int count) {
        for (BinanceCsvLayout layout : values()) {
            if (layout.columns == count) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }
}
