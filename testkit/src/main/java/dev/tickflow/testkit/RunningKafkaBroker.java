package dev.tickflow.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The broker-independent part: a bootstrap address, an admin client, and how to stop the broker. */
final class RunningKafkaBroker implements KafkaBroker {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private final Kind kind;
    private final String bootstrapServers;
    private final AutoCloseable stopper;
    private Admin admin;
    private boolean closed;

    RunningKafkaBroker(Kind kind, String bootstrapServers, AutoCloseable stopper) {
        this.kind = kind;
        this.bootstrapServers = bootstrapServers;
        this.stopper = stopper;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public synchronized Admin admin() {
        if (closed) {
            throw new IllegalStateException("The " + this + " is closed");
        }
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "tickflow-testkit-admin"));
        }
        return admin;
    }

    @Override
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
        try {
            admin().createTopics(List.of(topic)).all().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitLeaders(name, partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("Could not create topic " + name + " on " + this + ": " + cause, cause);
        }
    }

    // The controller has committed the topic; the broker may learn about it a few milliseconds later.
    private void awaitLeaders(String name, int partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        while (true) {
            try {
                TopicDescription description = admin().describeTopics(List.of(name)).allTopicNames()
                        .get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(name);
                if (description.partitions().size() == partitions
                        && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + name + " have no leader after " + TOPIC_TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        Admin toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = admin;
        }
        try {
            if (toClose != null) {
                toClose.close(Duration.ofSeconds(5));
            }
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop " + this, e);
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase().replace('_', '-') + " Kafka broker at " + bootstrapServers;
    }
}
