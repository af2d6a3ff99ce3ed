package dev.tickflow.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates the catalog's topics that are missing, and reports existing ones whose settings differ from it. */
public final class TopicProvisioner {

    public enum Status { CREATED, EXISTS, DIFFERS }

    /** What happened to one topic; {@code differences} says how an existing topic departs from the catalog. */
    public record Outcome(TopicSpec spec, Status status, List<String> differences) {
    }

    private final Admin admin;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    public List<Outcome> ensure(Collection<TopicSpec> specs) {
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<Outcome> outcomes = new ArrayList<>();
        List<TopicSpec> compare = new ArrayList<>();
        for (TopicSpec spec : specs) {
            if (existing.contains(spec.name())) {
                compare.add(spec);
            } else if (create(spec)) {
                outcomes.add(new Outcome(spec, Status.CREATED, List.of()));
            } else {
                compare.add(spec);
            }
        }
        outcomes.addAll(compareExisting(compare));
        return outcomes;
    }

    /** Creates one topic; false when another client created it first. */
    private boolean create(TopicSpec spec) {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs());
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new KafkaException("Cannot create topic " + spec.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw timedOut("create topic " + spec.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating topic " + spec.name(), e);
        }
    }

    private List<Outcome> compareExisting(List<TopicSpec> specs) {
        if (specs.isEmpty()) {
            return List.of();
        }
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = describeWhenKnown(names);
        List<ConfigResource> resources = names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<String, Config> configs = await(admin.describeConfigs(resources).all(), "describe topic configs")
                .entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
        return specs.stream().map(spec -> {
            List<String> differences = differences(spec, descriptions.get(spec.name()), configs.get(spec.name()));
            return new Outcome(spec, differences.isEmpty() ? Status.EXISTS : Status.DIFFERS, differences);
        }).toList();
    }

    /** Describes topics, waiting out the moment after a creation when the brokers' metadata does not know them yet. */
    private Map<String, TopicDescription> describeWhenKnown(List<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return await(admin.describeTopics(names).allTopicNames(), "describe topics");
            } catch (KafkaException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                pause(Duration.ofMillis(200));
            }
        }
    }

    static List<String> differences(TopicSpec spec, TopicDescription description, Config config) {
        List<String> differences = new ArrayList<>();
        int partitions = description.partitions().size();
        if (partitions != spec.partitions()) {
            differences.add("partitions " + partitions + " (catalog: " + spec.partitions() + ")");
        }
        int replication = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
        if (replication != spec.replicationFactor()) {
            differences.add("replication factor " + replication + " (catalog: " + spec.replicationFactor() + ")");
        }
        Map<String, String> actual = config.entries().stream()
                .filter(entry -> entry.value() != null)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value, (a, b) -> a));
        spec.configs().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(expected -> {
            String value = actual.get(expected.getKey());
            if (!expected.getValue().equals(value)) {
                differences.add(expected.getKey() + "=" + value + " (catalog: " + expected.getValue() + ")");
            }
        });
        return differences;
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw timedOut(what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while trying to " + what, e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting for topic metadata", e);
        }
    }

    private KafkaException timedOut(String what) {
        return new KafkaException("Could not " + what + " within " + timeout.toSeconds()
                + " s: is the Kafka broker running and kafka.bootstrap.servers right? (./tickflow up starts a local one)");
    }
}
