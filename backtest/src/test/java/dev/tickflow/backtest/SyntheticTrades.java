package dev.tickflow.backtest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded Binance aggTrades file of one symbol with everything the aggregation must get right: trends that make the
 * averages cross, crashes that trip stop losses, minutes and runs of minutes without trades (flat candles), trades
 * arriving out of order within the grace, duplicates, and trades later than the grace. Prices carry 0 to 8 decimals
 * (round ones too), quantities likewise.
 */
final class SyntheticTrades {
    /** 2024-03-01T00:00:00Z minus 17 minutes: the first roll-ups are incomplete. */
    static final long START = 1_709_251_200_000L - 17 * 60_000L;

    private SyntheticTrades() {
    }

    /**
     * @param grace the grace the run will use: out-of-order trades stay within it, late ones are beyond it
     */
    static Path write(Path file, long seed, int minutes, long graceMs) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        List<String> recent = new ArrayList<>();
        double price = 1000;
        double drift = 0;
        long id = 1_000;
        long rawId = 50_000;
        for (int minute = 0; minute < minutes; minute++) {
            if (random.nextInt(100) < 6) {
                minute += random.nextInt(6);
                continue;
            }
            if (random.nextInt(100) < 8) {
                drift = (random.nextDouble() - 0.5) * 0.004;
            }
            if (random.nextInt(150) == 0) {
                drift = -0.03;
            }
            int count = 1 + random.nextInt(random.nextInt(100) < 20 ? 3 : 30);
            long[] offsets = random.longs(count, 0, 60_000).sorted().toArray();
            List<String> minuteLines = new ArrayList<>();
            for (long offset : offsets) {
                price = Math.max(1, price * (1 + drift + (random.nextDouble() - 0.5) * 0.003));
                long time = START + minute * 60_000L + offset;
                int raw = 1 + random.nextInt(3);
                minuteLines.add(line(id++, decimal(price, random), decimal(0.001 + random.nextDouble() * 3, random), rawId, rawId + raw - 1, time,
                        random.nextBoolean()));
                rawId += raw;
            }
            if (drift < -0.01) {
                drift = 0.001;
            }
            for (String line : minuteLines) {
                if (random.nextInt(100) < 10 && !lines.isEmpty()) {
                    int back = Math.min(lines.size(), 1 + random.nextInt(3));
                    String previous = lines.get(lines.size() - back);
                    if (time(line) - time(previous) < graceMs) {
                        lines.add(lines.size() - back, line);
                        recent.add(line);
                        continue;
                    }
                }
                lines.add(line);
                recent.add(line);
                if (random.nextInt(100) < 3) {
                    lines.add(recent.get(Math.max(0, recent.size() - 1 - random.nextInt(Math.min(recent.size(), 20)))));
                }
                if (random.nextInt(100) < 2) {
                    long late = time(line) - graceMs - 60_000 - random.nextInt(120_000);
                    int raw = 1 + random.nextInt(2);
                    lines.add(line(id++, decimal(price, random), "1", rawId, rawId + raw - 1, late, random.nextBoolean()));
                    rawId += raw;
                }
            }
            if (recent.size() > 100) {
                recent.subList(0, recent.size() - 100).clear();
            }
        }
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
        return file;
    }

    private static String line(long id, String price, String quantity, long firstId, long lastId, long time, boolean buyerIsMaker) {
        return id + "," + price + "," + quantity + "," + firstId + "," + lastId + "," + time + "," + (buyerIsMaker ? "True" : "False") + ",True";
    }

    private static long time(String line) {
        return Long.parseLong(line.split(",")[5]);
    }

    /** 0 to 8 decimals, now and then a round number. */
    private static String decimal(double value, Random random) {
        int scale = random.nextInt(100) < 10 ? 0 : random.nextInt(9);
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN).max(BigDecimal.ONE.movePointLeft(scale)).toPlainString();
    }
}
