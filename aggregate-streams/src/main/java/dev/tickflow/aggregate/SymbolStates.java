package dev.tickflow.aggregate;

import java.util.function.Consumer;

/** Where a {@link CandleAggregator} keeps its {@link SymbolState}s: in memory, or in the processor's state store. */
interface SymbolStates {

    /** The state of a symbol, null before its first trade. */
    SymbolState get(String symbol);

    /** A new symbol's state, with its first trade. */
    void added(SymbolState state);

    /** A state that changed (a trade, a closed minute). */
    void changed(SymbolState state);

    /** Every state, in the order of the symbols' UTF-8 bytes (the state store's key order). */
    void forEach(Consumer<SymbolState> action);
}
