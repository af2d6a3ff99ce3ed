package dev.tickflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggTradeParserTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final AggTradeParser parser = new AggTradeParser();

    @Test
    void parsesACombinedStreamAggTrade() {
        String text = "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1700000000123,"
                + "\"s\":\"BTCUSDT\",\"a\":26129,\"p\":\"0.01633102\",\"q\":\"4.70443515\",\"f\":27781,\"l\":27783,"
                + "\"T\":1700000000120,\"m\":true,\"M\":true}}";

        Trade trade = ((AggTradeParser.TradeMessage) parser.parseStream(text, NOW)).trade();

        assertThat(trade.getExchange()).isEqualTo("binance");
        assertThat(trade.getSymbol()).isEqualTo("BTCUSDT");
        assertThat(trade.getTradeId()).isEqualTo(26129);
        assertThat(trade.getFirstTradeId()).isEqualTo(27781);
        assertThat(trade.getLastTradeId()).isEqualTo(27783);
        assertThat(trade.getPrice()).isEqualTo(new BigDecimal("0.01633102"));
        assertThat(trade.getQuantity()).isEqualTo(new BigDecimal("4.70443515"));
        assertThat(trade.getTradeTime()).isEqualTo(Instant.ofEpochMilli(1700000000120L));
        assertThat(trade.getEventTime()).isEqualTo(Instant.ofEpochMilli(1700000000123L));
        assertThat(trade.getIngestTime()).isEqualTo(NOW);
        assertThat(trade.getBuyerIsMaker()).isTrue();
    }

    @Test
    void recognisesServerShutdownBareOrWrapped() {
        assertThat(parser.parseStream("{\"e\":\"serverShutdown\",\"E\":1}", NOW))
                .isInstanceOf(AggTradeParser.ShutdownMessage.class);
        assertThat(parser.parseStream("{\"event\":{\"e\":\"serverShutdown\",\"E\":1}}", NOW))
                .isInstanceOf(AggTradeParser.ShutdownMessage.class);
    }

    @Test
    void parsesARestPageWithEventTimeEqualToTradeTime() {
        String text = "[{\"a\":5,\"p\":\"100.10\",\"q\":\"0.5\",\"f\":7,\"l\":7,\"T\":1000,\"m\":false,\"M\":true},"
                + "{\"a\":6,\"p\":\"100.20000000\",\"q\":\"1.00000000\",\"f\":8,\"l\":9,\"T\":1001,\"m\":true,\"M\":true}]";

        List<Trade> trades = parser.parseRest("ETHUSDT", text, NOW);

        assertThat(trades).extracting(Trade::getTradeId).containsExactly(5L, 6L);
        assertThat(trades.get(0).getSymbol()).isEqualTo("ETHUSDT");
        assertThat(trades.get(0).getPrice()).isEqualTo(new BigDecimal("100.10"));
        assertThat(trades.get(0).getEventTime()).isEqualTo(trades.get(0).getTradeTime());
        assertThat(trades.get(1).getBuyerIsMaker()).isTrue();
    }

    @Test
    void refusesWhatIsNotAnAggTrade() {
        String ok = "\"E\":1,\"s\":\"BTCUSDT\",\"a\":1,\"f\":1,\"l\":1,\"T\":1,\"m\":true";
        for (String bad : List.of(
                "garbage",
                "[]",
                "{\"stream\":\"x\",\"data\":{\"e\":\"trade\"}}",
                "{\"data\":{\"e\":\"aggTrade\"," + ok + ",\"q\":\"1\"}}",
                "{\"data\":{\"e\":\"aggTrade\"," + ok + ",\"p\":\"1e\",\"q\":\"1\"}}",
                "{\"data\":{\"e\":\"aggTrade\"," + ok + ",\"p\":\"-1\",\"q\":\"1\"}}",
                "{\"data\":{\"e\":\"aggTrade\"," + ok + ",\"p\":\"1.000000001\",\"q\":\"1\"}}",
                "{\"data\":{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\",\"a\":\"1\",\"f\":1,\"l\":1,\"T\":1,\"m\":true,"
                        + "\"p\":\"1\",\"q\":\"1\"}}")) {
            assertThatThrownBy(() -> parser.parseStream(bad, NOW)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
