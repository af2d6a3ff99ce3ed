package dev.tickflow.ingest.replay;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binance names its files {@code SYMBOL-aggTrades-DATE.csv}, {@code SYMBOL-trades-DATE.zip} or, for klines,
 * {@code SYMBOL-INTERVAL-DATE.zip} ({@code BTCUSDT-1m-2024-01-01.zip}).
 */
public final class BinanceFileNames {
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9]+)-(aggTrades|trades|[0-9]+[smhdwM])-.*");

    private BinanceFileNames() {
    }

    /** The symbol a file's name gives, if it follows Binance's naming. */
    public static Optional<String> symbolOf(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = NAME.matcher(name.toString());
        return matcher.matches() ? Optional.of(matcher.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /** The kline interval a file's name gives ({@code 1m} of {@code BTCUSDT-1m-2024-01-01.zip}), if it follows Binance's naming. */
    public static Optional<String> klineIntervalOf(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = NAME.matcher(name.toString());
        return matcher.matches() && Character.isDigit(matcher.group(2).charAt(0)) ? Optional.of(matcher.group(2)) : Optional.empty();
    }
}
