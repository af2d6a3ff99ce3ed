package dev.tickflow.ingest.replay;

import java.util.List;

/**
 * Turns the fields of one line of a Binance CSV file into a record, for {@link BinanceCsvReader}. Problems are thrown as
 * {@link IllegalArgumentException}s describing them; the reader adds file and line.
 */
interface BinanceCsvLineParser<T> {

    /** A new file starts: forget what the previous file's lines told of its layout. */
    default void startFile() {
    }

    /** Learns the file's layout from a line, header or not, before it is tested for a header. */
    default void detectLayout(List<String> fields) {
    }

    /** The record of a data line. */
    T parse(List<String> fields);
}
