package dev.tickflow.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class HopStampsTest {

    @Test
    void aStampIsReadBackAndReplacedNotRepeated() {
        Headers headers = new RecordHeaders();
        HopStamps.stamp(headers, HopStamps.CANDLE_PRODUCED, 1_000);
        HopStamps.stamp(headers, HopStamps.CANDLE_PRODUCED, 1_250);

        assertThat(HopStamps.read(headers, HopStamps.CANDLE_PRODUCED)).hasValue(1_250);
        assertThat(headers.headers(HopStamps.CANDLE_PRODUCED)).hasSize(1);
        assertThat(new String(headers.lastHeader(HopStamps.CANDLE_PRODUCED).value(), StandardCharsets.US_ASCII)).isEqualTo("1250");
    }

    @Test
    void missingOrUnreadableStampsGiveNoFigure() {
        Headers headers = new RecordHeaders();
        headers.add(HopStamps.SIGNAL_PRODUCED, "soon".getBytes(StandardCharsets.US_ASCII));
        headers.add(HopStamps.ORDER_RECEIVED, null);

        assertThat(HopStamps.read(headers, HopStamps.SIGNAL_PRODUCED)).isEmpty();
        assertThat(HopStamps.read(headers, HopStamps.ORDER_RECEIVED)).isEmpty();
        assertThat(HopStamps.read(null, HopStamps.ORDER_RECEIVED)).isEmpty();
        assertThat(HopStamps.Hop.SIGNAL_TO_EXECUTOR.millis(headers)).isEmpty();
    }

    @Test
    void aHopIsTheTimeBetweenItsTwoStamps() {
        Headers headers = new RecordHeaders();
        HopStamps.stamp(headers, HopStamps.WINDOW_CLOSABLE, 65_000);
        HopStamps.stamp(headers, HopStamps.CANDLE_PRODUCED, 65_040);
        HopStamps.stamp(headers, HopStamps.SIGNAL_PRODUCED, 65_100);

        assertThat(HopStamps.Hop.CLOSE_TO_CANDLE.millis(headers)).hasValue(40);
        assertThat(HopStamps.Hop.CANDLE_TO_SIGNAL.millis(headers)).hasValue(60);
        assertThat(HopStamps.Hop.CLOSE_TO_ORDER.millis(headers)).isEmpty();
    }
}
