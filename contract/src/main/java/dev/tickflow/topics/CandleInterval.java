package dev.tickflow.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A candle interval in Binance's notation (1m, 5m, 1h, ...): fixed length, aligned to UTC epoch boundaries. */
public record CandleInterval(String name, Duration length) {
    private static final Map<String, Duration> SUPPORTED = Map.ofEntries(
            Map.entry("1m", Duration.ofMinutes(1)), Map.entry("3m", Duration.ofMinutes(3)),
            Map.entry("5m", Duration.ofMinutes(5)), Map.entry("15m", Duration.ofMinutes(15)),
            Map.entry("30m", Duration.ofMinutes(30)), Map.entry("1h", Duration.ofHours(1)),
            Map.entry("2h", Duration.ofHours(2)), Map.entry("4h", Duration.ofHours(4)),
            Map.entry("6h", Duration.ofHours(6)), Map.entry("8h", Duration.ofHours(8)),
            Map.entry("12h", Duration.ofHours(12)), Map.entry("1d", Duration.ofDays(1)));

    public static final CandleInterval ONE_MINUTE = parse("1m");

    public static CandleInterval parse(String name) {
        Duration length = SUPPORTED.get(name.trim());
        if (length == null) {
            throw new IllegalArgumentException("Unsupported candle interval '" + name + "'; use one of " + supportedNames());
        }
        return new CandleInterval(name.trim(), length);
    }

    public static List<String> supportedNames() {
        return SUPPORTED.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).collect(Collectors.toList());
    }

    /** Start of the interval that contains {@code time}. */
    public Instant openTimeOf(Instant time) {
        long size = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size) * size);
    }

    /** Last millisecond of the interval that starts at {@code openTime}. */
    public Instant closeTimeOf(Instant openTime) {
        return openTime.plus(length).minusMillis(1);
    }

    @Override
    public String toString() {
        return name;
    }
}
