package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.schema.Candle;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CandleCsvWriterTest {

    @Test
    void writesBinancesTwelveKlineColumnsAfterAHeader() throws IOException {
        StringWriter out = new StringWriter();
        try (CandleCsvWriter writer = new CandleCsvWriter(out)) {
            writer.write(candle(1570752000000L, "0.00141342", "1482.00000000"));
            writer.write(candle(1570752060000L, "0.00141597", "0E-8"));
            assertThat(writer.rows()).isEqualTo(2);
        }

        assertThat(out.toString()).isEqualTo("""
                open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore
                1570752000000,0.00141342,0.00141557,0.00141266,0.00141418,1482.00000000,1570752059999,2.0958000000000000,7,0.00000001,1E+3,0
                1570752060000,0.00141597,0.00141557,0.00141266,0.00141418,0.00000000,1570752119999,2.0958000000000000,7,0.00000001,1E+3,0
                """.replace("1E+3", "1000"));
        assertThat(CandleCsvWriter.HEADER.split(",")).hasSize(12);
    }

    @Test
    void refusesACandleOutOfOrderOrTwice() throws IOException {
        CandleCsvWriter writer = new CandleCsvWriter(new StringWriter());
        writer.write(candle(1570752060000L, "1", "1"));

        assertThatThrownBy(() -> writer.write(candle(1570752060000L, "1", "1")))
                .hasMessage("The topology emitted the 1m candle of XRPETH at open time 1570752060000 twice");
        assertThatThrownBy(() -> writer.write(candle(1570752000000L, "1", "1")))
                .hasMessage("The topology emitted the 1m candle of XRPETH at open time 1570752000000 after the one at 1570752060000");
    }

    private static Candle candle(long openTime, String open, String volume) {
        return Candle.newBuilder()
                .setExchange("binance").setSymbol("XRPETH").setInterval("1m")
                .setOpenTime(Instant.ofEpochMilli(openTime)).setCloseTime(Instant.ofEpochMilli(openTime + 59_999))
                .setOpen(new BigDecimal(open)).setHigh(new BigDecimal("0.00141557")).setLow(new BigDecimal("0.00141266"))
                .setClose(new BigDecimal("0.00141418")).setVolume(new BigDecimal(volume))
                .setQuoteVolume(new BigDecimal("2.0958000000000000")).setTradeCount(7)
                .setTakerBuyVolume(new BigDecimal("1E-8")).setTakerBuyQuoteVolume(new BigDecimal("1E+3"))
                .setFirstTradeId(1).setLastTradeId(3).setFilled(false)
                .build();
    }
}
