package dev.tickflow.api;

import dev.tickflow.api.view.TimeRange;
import dev.tickflow.topics.CandleInterval;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks and parses request parameters; every refusal is an {@link ApiException} whose message says what to send instead. */
final class Requests {
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 10_000;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private Requests() {
    }

    /** A symbol in the exchange's form (BTCUSDT); lower case is accepted and upper-cased. */
    static String symbol(String raw) {
        String symbol = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw ApiException.badRequest("'" + abbreviate(raw) + "' is not a symbol: use the exchange's form, 2 to 30 letters and digits such as BTCUSDT");
        }
        return symbol;
    }

    /** A symbol the API knows (see {@link dev.tickflow.api.view.MarketViews#knownSymbols()}). */
    static String knownSymbol(String raw, Set<String> known) {
        String symbol = symbol(raw);
        if (!known.contains(symbol)) {
            throw ApiException.notFound("Unknown symbol " + symbol + ": known symbols are " + known
                    + " (GET /symbols); add one with POST /symbols/" + symbol);
        }
        return symbol;
    }

    /** An optional symbol filter: null when absent. */
    static String optionalSymbol(String raw) {
        return raw == null || raw.isBlank() ? null : symbol(raw);
    }

    /** An optional strategy instance filter: null when absent. */
    static String optionalInstance(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!INSTANCE.matcher(raw).matches()) {
            throw ApiException.badRequest("'" + abbreviate(raw) + "' is not a strategy instance name: 1 to 32 letters, digits, '_' or '-' (GET /strategy lists them)");
        }
        return raw;
    }

    /** One of the published candle intervals; {@code fallback} when absent. */
    static String interval(String raw, List<CandleInterval> published, CandleInterval fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback.name();
        }
        List<String> names = published.stream().map(CandleInterval::name).toList();
        if (!names.contains(raw)) {
            throw ApiException.badRequest("Interval '" + abbreviate(raw) + "' is not published: use one of " + names);
        }
        return raw;
    }

    /** The window of from (inclusive) and to (exclusive), ISO-8601 instants or epoch milliseconds, and limit. */
    static TimeRange range(String from, String to, String limit) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.badRequest("Bad time range: from (" + start + ") must be before to (" + end + ")");
        }
        return new TimeRange(start, end, limit(limit));
    }

    /** At most {@value #MAX_LIMIT}; {@value #DEFAULT_LIMIT} when absent. */
    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit '" + abbreviate(raw) + "' is not a whole number from 1 to " + MAX_LIMIT);
    }

    static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(value));
            }
            return Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiException.badRequest(name + " '" + abbreviate(raw)
                    + "' is not a time: use an ISO-8601 instant such as 2026-01-15T10:00:00Z, or epoch milliseconds");
        }
    }

    /** Echoes at most 40 characters of the input, so that an error message never carries a large or hostile value. */
    private static String abbreviate(String raw) {
        if (raw == null) {
            return "";
        }
        String printable = raw.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
