package dev.tickflow.localstack.process;

import java.util.Map;

/** Broker settings that a single-node cluster needs for transactions and exactly_once_v2 to work. */
public final class BrokerDefaults {
    /** Internal topics with replication factor 1 (the defaults of 3 leave exactly_once_v2 apps rebalancing forever). */
    public static final Map<String, String> SINGLE_NODE = Map.ofEntries(
            Map.entry("unstable.api.versions.enable", "false"),
            Map.entry("unstable.feature.versions.enable", "false"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.num.partitions", "1"),
            Map.entry("min.insync.replicas", "1"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"));

    private BrokerDefaults() {
    }
}
