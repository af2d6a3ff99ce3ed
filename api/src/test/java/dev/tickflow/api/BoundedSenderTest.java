package dev.tickflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedSenderTest {
    private final List<Runnable> pending = new ArrayList<>();
    private final List<String> written = new ArrayList<>();
    private final List<Integer> overflows = new ArrayList<>();
    private final BoundedSender sender = new BoundedSender((message, done) -> {
        written.add(message);
        pending.add(done);
    }, 3, overflows::add);

    @Test
    void aClientThatFallsBehindIsGivenUpInsteadOfQueueingWithoutBound() {
        assertThat(sender.send("a")).isTrue();
        assertThat(sender.send("b")).isTrue();
        assertThat(sender.send("c")).isTrue();

        assertThat(sender.send("d")).isFalse();
        assertThat(written).containsExactly("a", "b", "c");
        assertThat(overflows).containsExactly(3);
        assertThat(sender.queued()).isEqualTo(3);
    }

    @Test
    void writtenMessagesMakeRoomAgain() {
        sender.send("a");
        sender.send("b");
        sender.send("c");
        pending.remove(0).run();

        assertThat(sender.queued()).isEqualTo(2);
        assertThat(sender.send("d")).isTrue();
        assertThat(overflows).isEmpty();
    }

    @Test
    void aWriteThatThrowsIsNotCountedAsWaiting() {
        BoundedSender closed = new BoundedSender((message, done) -> {
            throw new IllegalStateException("session closed");
        }, 3, overflows::add);

        assertThat(closed.send("a")).isFalse();
        assertThat(closed.queued()).isZero();
    }
}
