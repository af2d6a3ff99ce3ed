package dev.tickflow.strategy;

import dev.tickflow.schema.OperatorAction;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.strategy.engine.ParameterChange;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store {@value StrategyTopology#PARAMETERS_STORE} from control.operator: decides each SET_PARAMETERS
 * command once per command id ({@link ParameterChange}) and records the changed settings and the decision. The other
 * actions are the executor's. Every application instance runs it over the whole topic (also when restoring), so all
 * tasks see the same settings.
 */
final class OperatorCommandProcessor implements Processor<String, OperatorCommand, Void, Void> {

    private final List<StrategyInstance> instances;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    OperatorCommandProcessor(List<StrategyInstance> instances) {
        this.instances = instances;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(StrategyTopology.PARAMETERS_STORE);
    }

    @Override
    public void process(Record<String, OperatorCommand> record) {
        OperatorCommand command = record.value();
        if (command == null || command.getAction() != OperatorAction.SET_PARAMETERS || store.get(OperatorParameters.COMMAND + command.getCommandId()) != null) {
            return;
        }
        String instance = command.getStrategyInstance();
        byte[] stored = store.get(OperatorParameters.PARAMETERS + instance);
        Map<String, String> current = stored == null ? Map.of() : OperatorParameters.PARAMETERS_CODEC.decode(stored);
        ParameterChange change = ParameterChange.decide(instances, command.getCommandId(), instance, current, command.getParameters());
        if (change.applied()) {
            store.put(OperatorParameters.PARAMETERS + instance, OperatorParameters.PARAMETERS_CODEC.encode(change.overrides()));
        }
        store.put(OperatorParameters.COMMAND + command.getCommandId(), new byte[0]);
        long offset = context.recordMetadata().orElseThrow().offset();
        store.put(OperatorParameters.outcomeKey(offset),
                OperatorParameters.OUTCOME_CODEC.encode(new OperatorParameters.Outcome(change, Instant.ofEpochMilli(record.timestamp()))));
    }
}
