package dev.tickflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * How many Binance aggTrade messages per second {@link AggTradeParser} turns into Trades, on one thread: combined-stream
 * messages as the WebSocket delivers them, and 1,000-trade REST pages. Not part of the build's tests (the name matches
 * neither *Test nor *IT); run it with
 * {@code ./mvnw -B -o -pl ingest -am test -Dtest=AggTradeParserBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AggTradeParserBench {
    private static final int DISTINCT = 10_000;
    private static final int WARM_UP = 1_000_000;
    private static final int MEASURED = 2_000_000;
    private static final int PAGE = 1_000;

    private final AggTradeParser parser = new AggTradeParser();
    private final Instant now = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void messagesPerSecond() {
        String[] messages = new String[DISTINCT];
        for (int i = 0; i < DISTINCT; i++) {
            messages[i] = "{\"stream\":\"btcusdt@aggTrade\",\"data\":" + event(i, true) + "}";
        }
        parseStream(messages, WARM_UP);
        long start = System.nanoTime();
        long checksum = parseStream(messages, MEASURED);
        double streamRate = MEASURED / ((System.nanoTime() - start) / 1e9);
        assertThat(checksum).isPositive();

        String[] pages = new String[DISTINCT / PAGE];
        for (int p = 0; p < pages.length; p++) {
            StringJoiner page = new StringJoiner(",", "[", "]");
            for (int i = 0; i < PAGE; i++) {
                page.add(event(p * PAGE + i, false));
            }
            pages[p] = page.toString();
        }
        parseRest(pages, WARM_UP / PAGE);
        start = System.nanoTime();
        checksum = parseRest(pages, MEASURED / PAGE);
        double restRate = MEASURED / ((System.nanoTime() - start) / 1e9);
        assertThat(checksum).isPositive();

        System.out.printf("AGGTRADE PARSER BENCH: stream messages %,.0f/s; REST trades %,.0f/s%n", streamRate, restRate);
    }

    private long parseStream(String[] messages, int count) {
        long checksum = 0;
        for (int i = 0; i < count; i++) {
            AggTradeParser.Message message = parser.parseStream(messages[i % messages.length], now);
            checksum += ((AggTradeParser.TradeMessage) message).trade().getTradeId();
        }
        return checksum;
    }

    private long parseRest(String[] pages, int count) {
        long checksum = 0;
        for (int i = 0; i < count; i++) {
            checksum += parser.parseRest("BTCUSDT", pages[i % pages.length], now).get(PAGE - 1).getTradeId();
        }
        return checksum;
    }

    /** One aggTrade shaped like Binance's: a stream event (with e, E, s) or a REST element. */
    private static String event(int i, boolean stream) {
        long id = 3_000_000_000L + i;
        long time = 1_763_726_400_000L + i * 7L;
        String price = String.format("%d.%02d000000", 91_000 + i % 500, i % 100);
        String quantity = String.format("0.%05d000", 1 + i % 99_999);
        String fields = "\"a\":" + id + ",\"p\":\"" + price + "\",\"q\":\"" + quantity + "\",\"f\":" + id * 3
                + ",\"l\":" + (id * 3 + 2) + ",\"T\":" + time + ",\"m\":" + (i % 2 == 0) + ",\"M\":true";
        return stream ? "{\"e\":\"aggTrade\",\"E\":" + (time + 1) + ",\"s\":\"BTCUSDT\"," + fields + "}" : "{" + fields + "}";
    }
}
