package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.TargetPosition;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StrategyCsvWritersTest {

    @Test
    void writesIndicatorsWithEmptyCellsWhileWarmingUp() throws IOException {
        StringWriter out = new StringWriter();
        try (IndicatorCsvWriter writer = new IndicatorCsvWriter(out)) {
            writer.write(snapshot("A", 1570752000000L, "0.00141418", null, null));
            writer.write(snapshot("B", 1570752000000L, "0.00141418", null, "1E-20"));
            writer.write(snapshot("A", 1570752060000L, "0.00141658", "0.0014153800000000", "0.0014160000000000"));
            assertThat(writer.rows()).isEqualTo(3);
        }

        assertThat(out.toString()).isEqualTo("""
                instance,symbol,open_time,close,sma,ema
                A,XRPETH,1570752000000,0.00141418,,
                B,XRPETH,1570752000000,0.00141418,,0.00000000000000000001
                A,XRPETH,1570752060000,0.00141658,0.0014153800000000,0.0014160000000000
                """);
    }

    @Test
    void writesSignalsWithEveryField() throws IOException {
        StringWriter out = new StringWriter();
        try (SignalCsvWriter writer = new SignalCsvWriter(out)) {
            writer.write(signal(TargetPosition.LONG, SignalReason.CROSS_UP, "0.0012020000000000"));
            writer.write(signal(TargetPosition.FLAT, SignalReason.CROSS_DOWN, null));
            assertThat(writer.rows()).isEqualTo(2);
        }

        assertThat(out.toString()).isEqualTo("""
                instance,symbol,open_time,target,reason,price,sma,ema,stop_price,signal_id
                A,XRPETH,1570752000000,LONG,CROSS_UP,0.00141418,0.0014100000000000,0.0014120000000000,0.0012020000000000,A:XRPETH:1570752000000
                A,XRPETH,1570752000000,FLAT,CROSS_DOWN,0.00141418,0.0014100000000000,0.0014120000000000,,A:XRPETH:1570752000000
                """);
    }

    private static IndicatorSnapshot snapshot(String instance, long openTime, String close, String sma, String ema) {
        return IndicatorSnapshot.newBuilder()
                .setStrategyInstance(instance)
                .setSymbol("XRPETH")
                .setOpenTime(Instant.ofEpochMilli(openTime))
                .setClose(new BigDecimal(close))
                .setSma(sma == null ? null : new BigDecimal(sma))
                .setEma(ema == null ? null : new BigDecimal(ema))
                .build();
    }

    private static Signal signal(TargetPosition target, SignalReason reason, String stopPrice) {
        return Signal.newBuilder()
                .setSignalId("A:XRPETH:1570752000000")
                .setStrategyInstance("A")
                .setSymbol("XRPETH")
                .setCandleOpenTime(Instant.ofEpochMilli(1570752000000L))
                .setTarget(target)
                .setReason(reason)
                .setPrice(new BigDecimal("0.00141418"))
                .setSma(new BigDecimal("0.0014100000000000"))
                .setEma(new BigDecimal("0.0014120000000000"))
                .setStopPrice(stopPrice == null ? null : new BigDecimal(stopPrice))
                .setCreatedAt(Instant.ofEpochMilli(1570752059999L))
                .build();
    }
}
