package dev.tickflow.backtest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/** Writes records as CSV lines under a header line, and counts them. */
public abstract class CsvRowWriter<T> implements Closeable {
    private final Writer out;
    private long rows;

    CsvRowWriter(Writer out, String header) throws IOException {
        this.out = out;
        out.write(header);
        out.write('\n');
    }

    /** One line of {@code record}, without its line end. */
    abstract String format(T record);

    public void write(T record) throws IOException {
        out.write(format(record));
        out.write('\n');
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
