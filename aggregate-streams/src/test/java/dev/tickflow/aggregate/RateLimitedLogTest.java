package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {

    @Test
    void logsAtMostOncePerPeriod() {
        AtomicLong clock = new AtomicLong(1_000);
        RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(RateLimitedLogTest.class), 10_000, clock::get);

        assertThat(log.warn("first {}", 1)).isTrue();
        clock.addAndGet(9_999);
        assertThat(log.warn("second {}", 2)).isFalse();
        assertThat(log.warn("third {}", 3)).isFalse();
        clock.addAndGet(1);
        assertThat(log.warn("fourth {}", 4)).isTrue();
    }
}
