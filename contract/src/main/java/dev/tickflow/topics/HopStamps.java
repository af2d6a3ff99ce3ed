package dev.tickflow.topics;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Per-hop latency stamps: record headers, each an epoch millisecond in ASCII decimal (as {@link Watermarks}), that
 * every hop of the live pipeline adds to what it produces and that travel on with the records made from it. A
 * candle carries {@link #WINDOW_END}, {@link #WINDOW_CLOSABLE} and {@link #CANDLE_PRODUCED}; its signal adds
 * {@link #SIGNAL_PRODUCED}; the order event of that signal adds {@link #ORDER_RECEIVED} and {@link #ORDER_PLACED}.
 * The produce stamps are the wall clock of the service when it forwarded the record (a restart re-stamps what it
 * processes again); a record without them (older data, other producers) simply has no hop figures.
 */
public final class HopStamps {
    /** Event time: the end of the candle's window (its close time + 1 ms). */
    public static final String WINDOW_END = "tickflow.hop.window-end";
    /** Event time: the window's end plus the aggregation's grace, the earliest moment the candle can close; the origin of close-to-order. */
    public static final String WINDOW_CLOSABLE = "tickflow.hop.window-closable";
    /** Wall clock: the aggregation forwarded the candle. */
    public static final String CANDLE_PRODUCED = "tickflow.hop.candle-produced";
    /** Wall clock: the strategy forwarded the signal. */
    public static final String SIGNAL_PRODUCED = "tickflow.hop.signal-produced";
    /** Wall clock: the executor's processor took the signal. */
    public static final String ORDER_RECEIVED = "tickflow.hop.order-received";
    /** Wall clock: the venue call returned and the executor forwarded the order event. */
    public static final String ORDER_PLACED = "tickflow.hop.order-placed";

    /** A hop: the time between two stamps, as the bench and each service's {@code tickflow.hop.latency} timer name it. */
    public enum Hop {
        CLOSE_TO_CANDLE("close-to-candle", WINDOW_CLOSABLE, CANDLE_PRODUCED),
        CANDLE_TO_SIGNAL("candle-to-signal", CANDLE_PRODUCED, SIGNAL_PRODUCED),
        SIGNAL_TO_EXECUTOR("signal-to-executor", SIGNAL_PRODUCED, ORDER_RECEIVED),
        EXECUTOR_TO_PLACED("executor-to-placed", ORDER_RECEIVED, ORDER_PLACED),
        CLOSE_TO_ORDER("close-to-order", WINDOW_CLOSABLE, ORDER_PLACED);

        private final String label;
        private final String from;
        private final String to;

        Hop(String label, String from, String to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }

        public String label() {
            return label;
        }

        /** Milliseconds from this hop's first stamp to its second, if the headers carry both. */
        public OptionalLong millis(Headers headers) {
            OptionalLong start = read(headers, from);
            OptionalLong end = read(headers, to);
            return start.isPresent() && end.isPresent() ? OptionalLong.of(end.getAsLong() - start.getAsLong()) : OptionalLong.empty();
        }
    }

    private HopStamps() {
    }

    /** Sets stamp {@code name} to {@code epochMs}, replacing an earlier value of it (a record processed again). */
    public static Headers stamp(Headers headers, String name, long epochMs) {
        headers.remove(name);
        return headers.add(name, Long.toString(epochMs).getBytes(StandardCharsets.US_ASCII));
    }

    /** The stamp's value, if the headers carry a readable one. */
    public static OptionalLong read(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
