package dev.tickflow.cli;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.topics.TopicCatalog;
import dev.tickflow.topics.TopicProvisioner;
import dev.tickflow.topics.TopicProvisioner.Outcome;
import dev.tickflow.topics.TopicSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "topics", description = "Create and list Tickflow's topics.",
        subcommands = {TopicsCommand.Create.class, TopicsCommand.ListTopics.class},
        mixinStandardHelpOptions = true)
final class TopicsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static TopicCatalog catalog(ConfigOption config) {
        return TopicCatalog.from(config.load(CommonConfig.definition("tickflow-admin")));
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the missing topics (idempotent) and report existing ones whose settings differ from the catalog.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ConfigOption config = new ConfigOption();

        @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class,
                description = "How long to wait for the cluster (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            TickflowConfig loaded = config.load(CommonConfig.definition("tickflow-admin"));
            TopicCatalog catalog = TopicCatalog.from(loaded);
            Map<String, Object> adminProperties = loaded.kafkaClientProperties();
            adminProperties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            adminProperties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 15_000));
            PrintWriter out = spec.commandLine().getOut();
            try (Admin admin = Admin.create(adminProperties)) {
                List<Outcome> outcomes = new TopicProvisioner(admin, timeout).ensure(catalog.all());
                for (Outcome outcome : outcomes) {
                    TopicSpec topic = outcome.spec();
                    switch (outcome.status()) {
                        case CREATED -> out.printf("created  %-24s %d partitions, replication %d, %s%n", topic.name(),
                                topic.partitions(), topic.replicationFactor(), new TreeMap<>(topic.configs()));
                        case EXISTS -> out.printf("exists   %s%n", topic.name());
                        case DIFFERS -> out.printf("DIFFERS  %-24s %s%n", topic.name(), String.join("; ", outcome.differences()));
                    }
                }
                long differing = outcomes.stream().filter(o -> o.status() == TopicProvisioner.Status.DIFFERS).count();
                if (differing > 0) {
                    out.printf("%d topic(s) differ from the catalog; Tickflow does not alter existing topics. "
                            + "Change them with kafka-topics/kafka-configs, or set topic.<name>.* to match.%n", differing);
                }
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the topic catalog as configured (no broker needed).")
    static final class ListTopics implements Runnable {
        @Mixin
        ConfigOption config = new ConfigOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-22s %-36s %-18s %5s %4s  %s%n", "TOPIC", "KEY", "VALUE", "PARTS", "REPL", "CONFIGS");
            for (TopicSpec topic : catalog(config).all()) {
                out.printf("%-22s %-36s %-18s %5d %4d  %s%n", topic.name(), topic.key(), topic.valueDescription(),
                        topic.partitions(), topic.replicationFactor(), new TreeMap<>(topic.configs()));
            }
        }
    }
}
