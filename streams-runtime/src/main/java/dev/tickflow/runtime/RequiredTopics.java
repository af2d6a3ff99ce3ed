package dev.tickflow.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The topics a topology reads and writes, which must exist before it starts. A service never creates them itself
 * (partitions, replication and retention are the operator's choice: {@code tickflow topics create}); Streams' own
 * internal topics (changelogs, repartition topics) are left to Streams.
 */
record RequiredTopics(Set<String> inputs, Set<String> outputs) {
    private static final String REPARTITION_SUFFIX = "-repartition";

    static RequiredTopics of(Topology topology, Properties streamsProperties) {
        Set<String> inputs = new TreeSet<>();
        Set<String> outputs = new TreeSet<>();
        TopologyDescription description = topology.describe();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    inputs.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    outputs.add(sink.topic());
                }
            }
        }
        for (TopologyDescription.GlobalStore store : description.globalStores()) {
            inputs.addAll(store.source().topicSet());
        }
        Object deadLetters = streamsProperties.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (deadLetters != null && !deadLetters.toString().isBlank()) {
            outputs.add(deadLetters.toString());
        }
        inputs.removeIf(topic -> topic.endsWith(REPARTITION_SUFFIX));
        outputs.removeIf(topic -> topic.endsWith(REPARTITION_SUFFIX));
        outputs.removeAll(inputs);
        return new RequiredTopics(Set.copyOf(inputs), Set.copyOf(outputs));
    }

    /** Fails with a message naming every missing (or invisible) topic. */
    void check(Admin admin, String service, String bootstrapServers, Duration timeout) {
        Set<String> all = new TreeSet<>(inputs);
        all.addAll(outputs);
        if (all.isEmpty()) {
            return;
        }
        Map<String, KafkaFuture<org.apache.kafka.clients.admin.TopicDescription>> futures = admin
                .describeTopics(all, new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
                .topicNameValues();
        List<String> missing = new ArrayList<>();
        List<String> forbidden = new ArrayList<>();
        for (String topic : all) {
            try {
                futures.get(topic).get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    missing.add(topic);
                } else if (e.getCause() instanceof TopicAuthorizationException) {
                    forbidden.add(topic);
                } else {
                    throw unreachable(service, bootstrapServers, timeout, e.getCause());
                }
            } catch (TimeoutException e) {
                throw unreachable(service, bootstrapServers, timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(service + ": interrupted while checking topics", e);
            }
        }
        if (!missing.isEmpty() || !forbidden.isEmpty()) {
            throw new IllegalStateException(message(service, missing, forbidden));
        }
    }

    private String message(String service, Collection<String> missing, Collection<String> forbidden) {
        StringBuilder text = new StringBuilder(service).append(" cannot start:");
        List<String> missingInputs = missing.stream().filter(inputs::contains).toList();
        List<String> missingOutputs = missing.stream().filter(outputs::contains).toList();
        if (!missingInputs.isEmpty()) {
            text.append(" missing input topic(s) ").append(String.join(", ", missingInputs)).append(';');
        }
        if (!missingOutputs.isEmpty()) {
            text.append(" missing output topic(s) ").append(String.join(", ", missingOutputs)).append(';');
        }
        if (!missing.isEmpty()) {
            text.append(" create them with 'tickflow topics create --config FILE' (same configuration) and start again.");
        }
        if (!forbidden.isEmpty()) {
            text.append(" not authorized to describe topic(s) ").append(String.join(", ", forbidden))
                    .append(": grant this service's principal DESCRIBE and READ/WRITE on them.");
        }
        return text.toString();
    }

    private static IllegalStateException unreachable(String service, String bootstrapServers, Duration timeout, Throwable cause) {
        return new IllegalStateException(service + " cannot start: could not describe its topics on Kafka at "
                + bootstrapServers + " within " + timeout.toSeconds() + " s (" + cause + "). Check kafka.bootstrap.servers"
                + " and the kafka.security.* / kafka.sasl.* / kafka.ssl.* settings.", cause);
    }
}
