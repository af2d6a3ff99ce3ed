package dev.tickflow.testkit;

import java.util.Map;

/** Broker settings that a single-node cluster needs for transactions and exactly_once_v2 to work. */
public final class BrokerDefaults {
    /** Internal topics with replication factor 1 (the defaults of 3 leave exactly_once_v2 apps rebalancing forever). */
    public static final Map<String, String> SINGLE_NODE = Map.of(
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "unstable.api.versions.enable", "false",
            "unstable.feature.versions.enable", "false");

    private BrokerDefaults() {
    }
}
