package dev.tickflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickflow.schema.SampleRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveHubTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A client that records what it is sent, or refuses once closed. */
    private static final class RecordingClient implements LiveHub.Client {
        final List<String> received = new ArrayList<>();
        boolean open = true;

        @Override
        public boolean send(String message) {
            if (open) {
                received.add(message);
            }
            return open;
        }
    }

    @Test
    void sendsTypeAndDataToEveryClientAndDropsClosedOnes() throws Exception {
        LiveHub hub = new LiveHub(JSON, new TickThrottle(Duration.ZERO), System::nanoTime);
        RecordingClient first = new RecordingClient();
        RecordingClient second = new RecordingClient();
        hub.join(first);
        hub.join(second);

        hub.publish("signal", RecordJson.signal(SampleRecords.signal()));
        second.open = false;
        hub.publish("fill", RecordJson.fill(SampleRecords.fill()));

        assertThat(hub.clients()).isEqualTo(1);
        assertThat(first.received).hasSize(2);
        assertThat(second.received).hasSize(1);
        JsonNode signal = JSON.readTree(first.received.get(0));
        assertThat(signal.get("type").asText()).isEqualTo("signal");
        assertThat(signal.get("data").get("action").asText()).isEqualTo("BUY");
        assertThat(signal.get("data").get("price").isTextual()).as("decimals are strings").isTrue();
        assertThat(JSON.readTree(first.received.get(1)).get("data").get("price").asText()).isEqualTo("97249.99000000");
    }

    @Test
    void ticksArePushedAtMostOncePerSymbolAndInterval() throws Exception {
        AtomicLong now = new AtomicLong(0);
        LiveHub hub = new LiveHub(JSON, new TickThrottle(Duration.ofMillis(250)), now::get);
        RecordingClient client = new RecordingClient();
        hub.join(client);

        hub.publishTick("BTCUSDT", RecordJson.trade(SampleRecords.trade()));
        now.set(Duration.ofMillis(100).toNanos());
        hub.publishTick("BTCUSDT", RecordJson.trade(SampleRecords.trade()));
        hub.publishTick("ETHUSDT", RecordJson.trade(SampleRecords.trade()));
        now.set(Duration.ofMillis(250).toNanos());
        hub.publishTick("BTCUSDT", RecordJson.trade(SampleRecords.trade()));

        assertThat(client.received).hasSize(3);
        assertThat(JSON.readTree(client.received.get(0)).get("type").asText()).isEqualTo("tick");
    }
}
