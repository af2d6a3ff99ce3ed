package dev.tickflow.strategy;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Runs every instance that trades the candle's symbol; forwards its indicator snapshot, then its signal if any. */
final class StrategyCandleProcessor implements Processor<String, Candle, String, SpecificRecord> {

    private final List<StrategyInstance> instances;
    private ProcessorContext<String, SpecificRecord> context;
    private StrategyRunner runner;

    StrategyCandleProcessor(List<StrategyInstance> instances) {
        this.instances = instances;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.runner = new StrategyRunner(instances, new StoreStates(context.getStateStore(StrategyTopology.STATE_STORE)));
    }

    @Override
    public void process(Record<String, Candle> record) {
        Candle candle = record.value();
        if (candle == null) {
            return;
        }
        Record<String, SpecificRecord> out = new Record<>(candle.getSymbol(), null, candle.getCloseTime().toEpochMilli(), record.headers());
        runner.onCandle(candle, new StrategyRunner.Output() {
            @Override
            public void indicators(IndicatorSnapshot snapshot) {
                context.forward(out.withValue(snapshot), StrategyTopology.INDICATORS_SINK);
            }

            @Override
            public void signal(Signal signal) {
                context.forward(out.withValue(signal), StrategyTopology.SIGNALS_SINK);
            }
        });
    }
}
