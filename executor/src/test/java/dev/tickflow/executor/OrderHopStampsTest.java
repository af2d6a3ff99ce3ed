package dev.tickflow.executor;

import static dev.tickflow.executor.ExecutorDriver.START;
import static dev.tickflow.schema.TargetPosition.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.OrderEvent;
import dev.tickflow.topics.HopStamps;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The order event of a signal carries the signal's hop stamps forward (through the repartition topic) and adds the executor's. */
class OrderHopStampsTest {
    private final Path stateDir = Path.of("target", "order-hop-stamps-state");

    @Test
    void theOrderEventKeepsTheSignalsStampsAndAddsReceivedAndPlaced() {
        try (ExecutorDriver driver = new ExecutorDriver(stateDir, UnaryOperator.identity())) {
            Headers signalStamps = new RecordHeaders();
            HopStamps.stamp(signalStamps, HopStamps.WINDOW_CLOSABLE, 5_000);
            HopStamps.stamp(signalStamps, HopStamps.CANDLE_PRODUCED, 5_020);
            HopStamps.stamp(signalStamps, HopStamps.SIGNAL_PRODUCED, 5_050);
            long before = System.currentTimeMillis();
            driver.trade("50000", START.plusSeconds(30)).signal(ExecutorDriver.signalRecord("A", 0, LONG, "50000"), signalStamps);
            long after = System.currentTimeMillis();

            List<TestRecord<String, OrderEvent>> orders = driver.orderRecords();
            assertThat(orders).isNotEmpty();
            Headers headers = orders.get(0).headers();
            assertThat(HopStamps.read(headers, HopStamps.SIGNAL_PRODUCED)).hasValue(5_050);
            long received = HopStamps.read(headers, HopStamps.ORDER_RECEIVED).getAsLong();
            long placed = HopStamps.read(headers, HopStamps.ORDER_PLACED).getAsLong();
            assertThat(received).isBetween(before, after);
            assertThat(placed).isBetween(received, after);
            assertThat(HopStamps.Hop.CLOSE_TO_ORDER.millis(headers)).hasValue(placed - 5_000);
            assertThat(headers.headers(HopStamps.ORDER_PLACED)).hasSize(1);
        }
    }

    @Test
    void aSignalWithoutStampsStillGivesItsOrderWithTheExecutorsOwn() {
        try (ExecutorDriver driver = new ExecutorDriver(stateDir, UnaryOperator.identity())) {
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");

            List<TestRecord<String, OrderEvent>> orders = driver.orderRecords();
            assertThat(orders).isNotEmpty();
            assertThat(HopStamps.read(orders.get(0).headers(), HopStamps.ORDER_PLACED)).isPresent();
            assertThat(HopStamps.Hop.SIGNAL_TO_EXECUTOR.millis(orders.get(0).headers())).isEmpty();
        }
    }
}
