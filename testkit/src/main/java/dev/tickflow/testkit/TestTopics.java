package dev.tickflow.testkit;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Topic names unique to one test invocation, so tests sharing a broker never see each other's records.
 *
 * <p>{@code name("md.trades")} gives something like {@code md.trades-CandleIT-emitsFinalCandles-7-k2x9q}:
 * the base name, the test class and method, a counter that differs for every test invocation in this
 * JVM, and a random id for this JVM (an external broker outlives test runs). The same base name gives the
 * same topic name for the whole invocation. The names also do as Kafka Streams application ids.
 */
public final class TestTopics {

    private static final int MAX_TOPIC_NAME_LENGTH = 249;
    private static final int MAX_PART_LENGTH = 48;
    private static final AtomicInteger INVOCATIONS = new AtomicInteger();
    private static final String RUN_ID = randomRunId();

    private final String suffix;
    private final Supplier<KafkaBroker> broker;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    /**
     * @param testClass  the test class's simple name
     * @param testMethod the test method's name, or null for class-level use
     * @param broker     where {@link #create} creates topics; asked only when a topic is created
     */
    public TestTopics(String testClass, String testMethod, Supplier<KafkaBroker> broker) {
        StringBuilder suffix = new StringBuilder().append('-').append(part(testClass));
        if (testMethod != null) {
            suffix.append('-').append(part(testMethod));
        }
        this.suffix = suffix.append('-').append(INVOCATIONS.incrementAndGet()).append('-').append(RUN_ID).toString();
        this.broker = broker;
    }

    /** The unique name for {@code base} in this test invocation; valid as a Kafka topic name. */
    public String name(String base) {
        return names.computeIfAbsent(base, b -> {
            String prefix = clean(b);
            int room = MAX_TOPIC_NAME_LENGTH - suffix.length();
            return (prefix.length() > room ? prefix.substring(0, room) : prefix) + suffix;
        });
    }

    /** Creates the topic {@link #name(String) name(base)} on the broker and returns its name. */
    public String create(String base, int partitions) {
        return create(base, partitions, Map.of());
    }

    public String create(String base, int partitions, Map<String, String> configs) {
        String name = name(base);
        broker.get().createTopic(name, partitions, configs);
        return name;
    }

    private static String part(String text) {
        String cleaned = clean(text);
        return cleaned.length() > MAX_PART_LENGTH ? cleaned.substring(0, MAX_PART_LENGTH) : cleaned;
    }

    // Kafka allows [a-zA-Z0-9._-]; leave '_' out, since Kafka warns when '.' and '_' could collide.
    private static String clean(String text) {
        return text.replaceAll("[^a-zA-Z0-9.-]", "-");
    }

    private static String randomRunId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            id.append(Character.forDigit(random.nextInt(36), 36));
        }
        return id.toString();
    }
}
