package dev.tickflow.strategy;

import org.apache.kafka.streams.state.KeyValueStore;

/** The instances' states in the topology's state store. */
record StoreStates(KeyValueStore<String, byte[]> store) implements StrategyRunner.States {

    @Override
    public byte[] get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, byte[] state) {
        store.put(key, state);
    }
}
