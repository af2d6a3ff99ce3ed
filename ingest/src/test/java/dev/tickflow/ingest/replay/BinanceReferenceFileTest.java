package dev.tickflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Trade;
import dev.tickflow.testkit.ReferenceData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads Binance's own aggTrades file of XRPETH (shared reference data, never copied into the project). */
class BinanceReferenceFileTest {

    @Test
    void readsTheRealAggTradesFile() {
        Path file = ReferenceData.assumeFile(ReferenceData.XRPETH_2019_10 + "/XRPETH-aggTrades-2019-10-11_13.csv");

        try (BinanceTradesCsv reader = BinanceTradesCsv.open(List.of(file), "XRPETH", MalformedLinePolicy.FAIL)) {
            Trade first = reader.next();
            Trade second = reader.next();
            Trade third = reader.next();

            assertThat(first.getTradeId()).isEqualTo(13519807L);
            assertThat(first.getFirstTradeId()).isEqualTo(15373518L);
            assertThat(first.getPrice()).isEqualTo(new BigDecimal("0.00141342"));
            assertThat(first.getQuantity()).isEqualTo(new BigDecimal("23.00000000"));
            assertThat(first.getTradeTime()).isEqualTo(Instant.ofEpochMilli(1570752011620L));
            assertThat(first.getBuyerIsMaker()).isTrue();
            assertThat(second.getTradeTime()).isEqualTo(first.getTradeTime());
            assertThat(second.getTradeId()).isEqualTo(13519808L);
            assertThat(third.getTradeTime()).isEqualTo(Instant.ofEpochMilli(1570752017964L));

            long count = 3;
            long lastId = third.getTradeId();
            while (reader.hasNext()) {
                long id = reader.next().getTradeId();
                assertThat(id).isEqualTo(lastId + 1);
                lastId = id;
                count++;
            }
            assertThat(count).isEqualTo(12_477);
            assertThat(lastId).isEqualTo(13532283L);
        }
    }
}
