package dev.tickflow.ingest.replay;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binance names its files {@code SYMBOL-aggTrades-DATE.csv} or {@code SYMBOL-trades-DATE.zip}. */
public final class BinanceFileNames {
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9]+)-(aggTrades|trades)-.*");

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
}
