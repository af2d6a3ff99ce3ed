package dev.tickflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.internals.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Names only: no broker is started, because no test asks for a broker or creates a topic. */
@WithKafka
class TestTopicsTest {

    private static final List<String> NAMES_SEEN = new CopyOnWriteArrayList<>();

    private String nameFromBeforeEach;

    @BeforeEach
    void rememberName(TestTopics topics) {
        nameFromBeforeEach = topics.name("md.trades");
    }

    @Test
    void firstTest(TestTopics topics) {
        NAMES_SEEN.add(topics.name("md.trades"));
    }

    @Test
    void secondTest(TestTopics topics) {
        NAMES_SEEN.add(topics.name("md.trades"));
    }

    @RepeatedTest(2)
    void repeatedTest(TestTopics topics) {
        NAMES_SEEN.add(topics.name("md.trades"));
    }

    @Test
    void sameBaseGivesSameNameWithinATestAndAsInBeforeEach(TestTopics topics) {
        assertThat(topics.name("md.trades")).isEqualTo(topics.name("md.trades")).isEqualTo(nameFromBeforeEach);
        assertThat(topics.name("md.candles.1m")).isNotEqualTo(topics.name("md.trades"));
    }

    @Test
    void namesAreValidKafkaTopicNamesThatTellWhereTheyComeFrom(TestTopics topics) {
        String name = topics.name("md.trades");

        assertThatCode(() -> Topic.validate(name)).doesNotThrowAnyException();
        assertThat(name).startsWith("md.trades-TestTopicsTest-namesAreValidKafkaTopicNamesThatTellWher");
        assertThat(name).doesNotContain("_");
    }

    @Test
    void awkwardAndVeryLongNamesAreStillValid() {
        TestTopics topics = new TestTopics("Outer$Inner", "with spaces_and:colons/" + "x".repeat(300), () -> {
            throw new AssertionError("no broker needed");
        });
        String name = topics.name("a/b c_" + "y".repeat(300));

        assertThat(name).hasSizeLessThanOrEqualTo(249);
        assertThatCode(() -> Topic.validate(name)).doesNotThrowAnyException();
    }

    @AfterAll
    static void everyTestInvocationGotItsOwnName() {
        assertThat(NAMES_SEEN).hasSize(4).doesNotHaveDuplicates();
    }
}
