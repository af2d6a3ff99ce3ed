package dev.tickflow.bench.jmh;

import dev.tickflow.ingest.binance.AggTradeParser;
import dev.tickflow.schema.Trade;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many Binance aggTrades per second the Binance source's {@link AggTradeParser} (Jackson tree model, exact
 * decimals at scale 8) turns into Trades on one thread, parsing only: combined-stream messages as the WebSocket
 * delivers them ({@code {"stream":"btcusdt@aggTrade","data":{...}}}, about 200 bytes), and the same trades as
 * 1,000-trade {@code GET /api/v3/aggTrades} pages. 10,000 distinct trades cycle. One operation is one trade.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AggTradeParserBenchmark {
    private static final int DISTINCT = 10_000;
    private static final int PAGE = 1_000;

    private final AggTradeParser parser = new AggTradeParser();
    private final Instant ingestTime = Instant.parse("2026-11-21T12:00:00Z");
    private String[] streamMessages;
    private String[] restPages;
    private int nextMessage;
    private int nextPage;

    @Setup
    public void writeMessages() {
        streamMessages = new String[DISTINCT];
        for (int i = 0; i < DISTINCT; i++) {
            streamMessages[i] = "{\"stream\":\"btcusdt@aggTrade\",\"data\":" + aggTrade(i, true) + "}";
        }
        restPages = new String[DISTINCT / PAGE];
        for (int p = 0; p < restPages.length; p++) {
            StringJoiner page = new StringJoiner(",", "[", "]");
            for (int i = 0; i < PAGE; i++) {
                page.add(aggTrade(p * PAGE + i, false));
            }
            restPages[p] = page.toString();
        }
        if (!(parser.parseStream(streamMessages[0], ingestTime) instanceof AggTradeParser.TradeMessage)) {
            throw new IllegalStateException("The stream messages do not parse to trades");
        }
    }

    @Benchmark
    public AggTradeParser.Message parseStreamMessage() {
        String message = streamMessages[nextMessage];
        nextMessage = (nextMessage + 1) % DISTINCT;
        return parser.parseStream(message, ingestTime);
    }

    @Benchmark
    @OperationsPerInvocation(PAGE)
    public List<Trade> parseRestPage() {
        String page = restPages[nextPage];
        nextPage = (nextPage + 1) % restPages.length;
        return parser.parseRest("BTCUSDT", page, ingestTime);
    }

    /** One aggTrade shaped like Binance's: a stream event (with e, E, s) or a REST element. */
    private static String aggTrade(int i, boolean streamEvent) {
        long id = 3_000_000_000L + i;
        long time = 1_763_726_400_000L + i * 7L;
        String price = String.format(Locale.ROOT, "%d.%02d000000", 91_000 + i % 500, i % 100);
        String quantity = String.format(Locale.ROOT, "0.%05d000", 1 + i % 99_999);
        String fields = "\"a\":" + id + ",\"p\":\"" + price + "\",\"q\":\"" + quantity + "\",\"f\":" + id * 3
                + ",\"l\":" + (id * 3 + 2) + ",\"T\":" + time + ",\"m\":" + (i % 2 == 0) + ",\"M\":true";
        return streamEvent ? "{\"e\":\"aggTrade\",\"E\":" + (time + 1) + ",\"s\":\"BTCUSDT\"," + fields + "}" : "{" + fields + "}";
    }
}
