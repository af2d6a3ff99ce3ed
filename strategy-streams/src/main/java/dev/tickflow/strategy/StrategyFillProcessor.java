package dev.tickflow.strategy;

import dev.tickflow.schema.Fill;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Hands each fill to the state of its instance (Fill.strategyInstance) and symbol; fills of other instances are not ours. */
final class StrategyFillProcessor implements Processor<String, Fill, Void, Void> {

    private final List<StrategyInstance> instances;
    private StrategyRunner runner;

    StrategyFillProcessor(List<StrategyInstance> instances) {
        this.instances = instances;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.runner = new StrategyRunner(instances, new StoreStates(context.getStateStore(StrategyTopology.STATE_STORE)),
                new OperatorParameters(context.getStateStore(StrategyTopology.PARAMETERS_STORE)));
    }

    @Override
    public void process(Record<String, Fill> record) {
        if (record.value() != null) {
            runner.onFill(record.value());
        }
    }
}
