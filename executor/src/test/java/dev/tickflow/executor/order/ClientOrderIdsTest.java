package dev.tickflow.executor.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {

    @Test
    void sameSignalSameIdDifferentSignalDifferentId() {
        String id = ClientOrderIds.of("A:BTCUSDT:1735689600000");
        assertThat(ClientOrderIds.of("A:BTCUSDT:1735689600000")).isEqualTo(id);
        assertThat(ClientOrderIds.of("A:BTCUSDT:1735689660000")).isNotEqualTo(id);
        assertThat(ClientOrderIds.of("B:BTCUSDT:1735689600000")).isNotEqualTo(id);
    }

    @Test
    void matchesBinancesPattern() {
        for (String signalId : new String[] {"", "A:BTCUSDT:0", "a very long strategy instance name:ETHUSDT:1735689600000", "ü/+="}) {
            assertThat(ClientOrderIds.of(signalId)).matches("^[.A-Z:/a-z0-9_-]{1,36}$").startsWith("tf-").hasSize(25);
        }
    }
}
