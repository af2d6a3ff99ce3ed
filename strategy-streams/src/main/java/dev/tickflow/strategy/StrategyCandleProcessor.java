package dev.tickflow.strategy;

import dev.tickflow.runtime.HopLatency;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.topics.HopStamps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs every instance that trades the candle's symbol, with the settings an operator changed if any; forwards its
 * indicator snapshot, then its signal if any. The task of partition 0 also reports the decisions on SET_PARAMETERS
 * commands to ops.events, each once: the offset of the last one reported is kept in the state store (its changelog and
 * the events commit together).
 */
final class StrategyCandleProcessor implements Processor<String, Candle, String, SpecificRecord> {

    private final List<StrategyInstance> instances;
    private ProcessorContext<String, SpecificRecord> context;
    static final Duration REPORT_INTERVAL = Duration.ofSeconds(1);
    /** The state store key of the last reported offset of control.operator; instance names cannot contain '#'. */
    static final String REPORTED_KEY = "#operator-outcomes-reported";

    private final HopLatency hops = new HopLatency(HopStamps.Hop.CANDLE_TO_SIGNAL);
    private StrategyRunner runner;
    private OperatorParameters parameters;
    private StoreStates states;

    StrategyCandleProcessor(List<StrategyInstance> instances) {
        this.instances = instances;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.states = new StoreStates(context.getStateStore(StrategyTopology.STATE_STORE));
        this.parameters = new OperatorParameters(context.getStateStore(StrategyTopology.PARAMETERS_STORE));
        this.runner = new StrategyRunner(instances, states, parameters);
        if (context.taskId().partition() == 0) {
            context.schedule(REPORT_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> reportOutcomes());
        }
    }

    private void reportOutcomes() {
        byte[] reported = states.get(REPORTED_KEY);
        long last = reported == null ? -1 : Long.parseLong(new String(reported, StandardCharsets.US_ASCII));
        for (Map.Entry<Long, OperatorParameters.Outcome> outcome : parameters.outcomesAfter(last)) {
            OperatorParameters.Outcome value = outcome.getValue();
            context.forward(new Record<String, SpecificRecord>(value.change().instance(), StrategyRecords.commandOutcome(value.change(),
                    value.arrivedAt()), value.arrivedAt().toEpochMilli()), StrategyTopology.OPS_EVENTS_SINK);
            last = outcome.getKey();
        }
        states.put(REPORTED_KEY, Long.toString(last).getBytes(StandardCharsets.US_ASCII));
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
                forwardSignal(out.<SpecificRecord>withValue(signal).withHeaders(new RecordHeaders(record.headers().toArray())));
            }
        });
    }

    /** Stamps the signal's produce time on top of its candle's stamps and forwards it. */
    private void forwardSignal(Record<String, SpecificRecord> signal) {
        HopStamps.stamp(signal.headers(), HopStamps.SIGNAL_PRODUCED, System.currentTimeMillis());
        hops.record(signal.headers());
        context.forward(signal, StrategyTopology.SIGNALS_SINK);
    }
}
