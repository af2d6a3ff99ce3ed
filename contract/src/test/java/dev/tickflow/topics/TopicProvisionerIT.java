package dev.tickflow.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

@WithKafka
class TopicProvisionerIT {

    @Test
    void createsTheCatalogOnceAndThenFindsItInPlace(KafkaBroker broker, TestTopics topics) throws Exception {
        TopicCatalog catalog = uniqueCatalog(topics);
        TopicProvisioner provisioner = new TopicProvisioner(broker.admin(), Duration.ofSeconds(30));

        List<TopicProvisioner.Outcome> first = provisioner.ensure(catalog.all());
        List<TopicProvisioner.Outcome> second = provisioner.ensure(catalog.all());

        assertThat(first).extracting(TopicProvisioner.Outcome::status).containsOnly(TopicProvisioner.Status.CREATED).hasSize(15);
        assertThat(second).extracting(TopicProvisioner.Outcome::status).containsOnly(TopicProvisioner.Status.EXISTS).hasSize(15);

        TopicSpec positions = catalog.positions();
        TopicDescription description = broker.admin().describeTopics(List.of(positions.name())).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(positions.name());
        Config config = broker.admin().describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, positions.name())))
                .all().get(30, TimeUnit.SECONDS).values().iterator().next();
        assertThat(description.partitions()).hasSize(TopicCatalog.DEFAULT_PARTITIONS);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        Config trades = broker.admin().describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, catalog.trades().name())))
                .all().get(30, TimeUnit.SECONDS).values().iterator().next();
        assertThat(trades.get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
    }

    @Test
    void reportsAnExistingTopicWhoseSettingsDiffer(KafkaBroker broker, TestTopics topics) {
        TopicCatalog catalog = uniqueCatalog(topics);
        broker.createTopic(catalog.trades().name(), 2, Map.of("retention.ms", "1000"));

        List<TopicProvisioner.Outcome> outcomes = new TopicProvisioner(broker.admin(), Duration.ofSeconds(30)).ensure(catalog.all());

        TopicProvisioner.Outcome trades = outcomes.stream().filter(o -> o.spec().id().equals(TopicCatalog.TRADES)).findFirst().orElseThrow();
        assertThat(trades.status()).isEqualTo(TopicProvisioner.Status.DIFFERS);
        assertThat(trades.differences()).containsExactlyInAnyOrder(
                "partitions 2 (catalog: 6)", "retention.ms=1000 (catalog: 604800000)");
    }

    /** The default catalog with every topic renamed for this test, through the same overrides users write. */
    private static TopicCatalog uniqueCatalog(TestTopics topics) {
        Map<String, String> environment = new LinkedHashMap<>();
        TopicCatalog.defaults().all().forEach(spec -> environment.put(
                "TICKFLOW_TOPIC_" + spec.id().toUpperCase().replace('.', '_') + "_NAME", topics.name(spec.id())));
        return TopicCatalog.from(TickflowConfig.load(Optional.empty(), environment, CommonConfig.definition("test")));
    }
}
