package dev.tickflow.strategy;

import dev.tickflow.schema.Candle;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.engine.CandleResult;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Runs every instance that trades the candle's symbol; forwards its indicator snapshot, then its signal if any. */
final class CandleProcessor implements Processor<String, Candle, String, SpecificRecord> {

    private final List<StrategyInstance> instances;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, byte[]> store;

    CandleProcessor(List<StrategyInstance> instances) {
        this.instances = instances;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.store = context.getStateStore(StrategyTopology.STATE_STORE);
    }

    @Override
    public void process(Record<String, Candle> record) {
        if (record.value() == null) {
            return;
        }
        Bar bar = AvroMapping.bar(record.value());
        for (StrategyInstance instance : instances) {
            if (!instance.trades(bar.symbol())) {
                continue;
            }
            String key = instance.stateKey(bar.symbol());
            Optional<CandleResult> result = instance.onCandle(store.get(key), bar);
            if (result.isEmpty()) {
                continue;
            }
            store.put(key, result.get().state());
            Record<String, SpecificRecord> out = new Record<String, SpecificRecord>(bar.symbol(), null, bar.closeTime(), record.headers());
            context.forward(out.withValue(AvroMapping.snapshot(instance.name(), bar, result.get().indicators())), StrategyTopology.INDICATORS_SINK);
            result.get().decision().ifPresent(decision -> context.forward(
                    out.withValue(AvroMapping.signal(instance.name(), bar, result.get().indicators(), decision)), StrategyTopology.SIGNALS_SINK));
        }
    }
}
