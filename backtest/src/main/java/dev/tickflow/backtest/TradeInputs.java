package dev.tickflow.backtest;

import dev.tickflow.ingest.replay.BinanceFileNames;
import dev.tickflow.ingest.replay.BinanceTradesCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The trade files of a run, by symbol: directories expanded (their {@code .csv}, {@code .zip} and {@code .gz} files),
 * each file's symbol taken from its Binance name ({@code BTCUSDT-aggTrades-2024-01.zip}) or else from the symbol given,
 * and each symbol's files in time order.
 */
final class TradeInputs {
    private static final Pattern DATE = Pattern.compile("-(?:aggTrades|trades)-(\\d{4}-\\d{2}(?:-\\d{2})?)");

    private TradeInputs() {
    }

    /**
     * @param paths  files and directories as given
     * @param symbol the symbol of every file, or null to take each file's from its name
     * @return the files per symbol, symbols in alphabetical order; a symbol's files sorted by the date in their names
     *         when all of them carry one, else in the order given
     * @throws IllegalArgumentException for an empty directory, or a file whose symbol is neither given nor in its name
     */
    static SortedMap<String, List<Path>> bySymbol(List<Path> paths, String symbol) {
        String given = symbol == null ? null : BinanceTradesCsv.normalizeSymbol(symbol);
        Map<String, List<Path>> grouped = new LinkedHashMap<>();
        for (Path file : expand(paths)) {
            String fileSymbol = given != null ? given : BinanceFileNames.symbolOf(file).orElseThrow(() -> new IllegalArgumentException(
                    "Cannot tell the symbol of " + file + " from its name (Binance names them SYMBOL-aggTrades-DATE.zip): "
                            + "rename it so or give --symbol"));
            grouped.computeIfAbsent(fileSymbol, s -> new ArrayList<>()).add(file);
        }
        SortedMap<String, List<Path>> bySymbol = new TreeMap<>();
        grouped.forEach((s, files) -> bySymbol.put(s, inTimeOrder(files)));
        return bySymbol;
    }

    /** The date of a Binance trade file's name: {@code 2024-01} (monthly) or {@code 2024-01-01} (daily). */
    static Optional<String> dateOf(Path file) {
        Matcher matcher = DATE.matcher(file.getFileName().toString());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static List<Path> inTimeOrder(List<Path> files) {
        if (files.stream().anyMatch(file -> dateOf(file).isEmpty())) {
            return List.copyOf(files);
        }
        return files.stream().sorted(Comparator.comparing((Path file) -> dateOf(file).orElseThrow())
                .thenComparing(file -> file.getFileName().toString())).toList();
    }

    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            List<Path> inside;
            try (Stream<Path> listing = Files.list(path)) {
                inside = listing.filter(file -> Files.isRegularFile(file) && isTradeFileName(file))
                        .sorted(Comparator.comparing(file -> file.getFileName().toString())).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the directory " + path + ": " + e.getMessage(), e);
            }
            if (inside.isEmpty()) {
                throw new IllegalArgumentException("Directory " + path + " holds no trade file (.csv, .zip or .gz): give the trade files or their directory");
            }
            files.addAll(inside);
        }
        return files;
    }

    /** A .csv, .zip or .gz file not named as Binance names its kline files. */
    private static boolean isTradeFileName(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".csv") || name.endsWith(".zip") || name.endsWith(".gz")) && BinanceFileNames.klineIntervalOf(file).isEmpty();
    }
}
