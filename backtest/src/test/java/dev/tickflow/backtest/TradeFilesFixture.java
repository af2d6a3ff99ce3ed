package dev.tickflow.backtest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Trade files as Binance publishes them: a zip holding one CSV of the same name, or the CSV itself. */
final class TradeFilesFixture {
    static final String AGG_TRADES_HEADER = "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match\n";

    private TradeFilesFixture() {
    }

    /** {@code NAME.zip} holding {@code NAME.csv} with the given text. */
    static Path zip(Path dir, String name, String csv) throws IOException {
        Path file = dir.resolve(name + ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name + ".csv"));
            zip.write(csv.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** An aggTrades line: one raw trade, buyer maker. */
    static String aggTrade(long id, String price, String quantity, long time) {
        return id + "," + price + "," + quantity + "," + id + "," + id + "," + time + ",True,True\n";
    }
}
