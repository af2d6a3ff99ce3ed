package dev.tickflow.strategy;

import dev.tickflow.schema.Fill;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each fill to the state of its instance (Fill.strategyInstance) and symbol; fills of other instances are not ours. */
final class FillProcessor implements Processor<String, Fill, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(FillProcessor.class);

    private final Map<String, StrategyInstance> instances;
    private KeyValueStore<String, byte[]> store;

    FillProcessor(List<StrategyInstance> instances) {
        this.instances = instances.stream().collect(Collectors.toMap(StrategyInstance::name, Function.identity()));
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(StrategyTopology.STATE_STORE);
    }

    @Override
    public void process(Record<String, Fill> record) {
        Fill fill = record.value();
        if (fill == null) {
            return;
        }
        StrategyInstance instance = instances.get(fill.getStrategyInstance());
        if (instance == null || !instance.trades(fill.getSymbol())) {
            log.debug("Fill {} of instance {} in {} is not for a running instance here", fill.getTradeId(), fill.getStrategyInstance(), fill.getSymbol());
            return;
        }
        String key = instance.stateKey(fill.getSymbol());
        instance.onFill(store.get(key), AvroMapping.execution(fill)).ifPresent(state -> store.put(key, state));
    }
}
