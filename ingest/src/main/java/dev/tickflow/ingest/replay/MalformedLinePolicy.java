package dev.tickflow.ingest.replay;

/** What the reader does with a line that is not a trade. */
public enum MalformedLinePolicy {
    /** Stop with a {@link MalformedTradeLineException} (the default: a backtest on partly read data would mislead). */
    FAIL,
    /** Skip the line and count it; the reader keeps the first few problems for the report. */
    SKIP
}
