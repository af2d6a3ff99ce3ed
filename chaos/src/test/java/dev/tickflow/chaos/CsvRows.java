package dev.tickflow.chaos;

import dev.tickflow.backtest.CsvRowWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Rows of the backtest's CSV files (signals, orders, fills) as text, and live records written the same way. */
final class CsvRows {
    /** signals.csv: instance,symbol,open_time,... */
    static final int SIGNAL_TIME = 2;
    /** orders.csv: instance,symbol,time,client_order_id,signal_id,side,type,status,... */
    static final int ORDER_TIME = 2;
    static final int ORDER_CLIENT_ID = 3;
    static final int ORDER_STATUS = 7;
    /** fills.csv: instance,symbol,time,client_order_id,trade_id,side,price,quantity,fee,fee_asset */
    static final int FILL_INSTANCE = 0;
    static final int FILL_SYMBOL = 1;
    static final int FILL_TIME = 2;
    static final int FILL_SIDE = 5;
    static final int FILL_QUANTITY = 7;
    static final int FILL_FEE = 8;

    private CsvRows() {
    }

    /** A CSV file's rows without the header. */
    static List<String> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size());
    }

    /** The rows whose time column is at most {@code last}. */
    static List<String> upTo(List<String> rows, int timeColumn, long last) {
        return rows.stream().filter(row -> Long.parseLong(row.split(",", -1)[timeColumn]) <= last).toList();
    }

    interface WriterFactory<T> {
        CsvRowWriter<T> open(Writer writer) throws IOException;
    }

    /** Records as the backtest's writer writes them, without the header. */
    static <T> List<String> written(WriterFactory<T> factory, List<T> records) throws IOException {
        StringWriter text = new StringWriter();
        try (CsvRowWriter<T> writer = factory.open(text)) {
            for (T record : records) {
                writer.write(record);
            }
        }
        List<String> lines = text.toString().lines().toList();
        return lines.subList(1, lines.size());
    }
}
