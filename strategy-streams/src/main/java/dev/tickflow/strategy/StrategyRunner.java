package dev.tickflow.strategy;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.engine.CandleResult;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured instances on the data contract's records, free of Kafka: a candle goes to every instance that trades
 * its symbol, a fill to the instance that placed it (Fill.strategyInstance). The state of each (instance, symbol) is
 * kept where the caller says: the topology's state store, or memory in a backtest.
 */
public final class StrategyRunner {

    private static final Logger log = LoggerFactory.getLogger(StrategyRunner.class);

    /** The stored states, by {@link StrategyInstance#stateKey}. */
    public interface States {
        /** The state stored under {@code key}, null for none. */
        byte[] get(String key);

        void put(String key, byte[] state);
    }

    /** Where a candle's records go. */
    public interface Output {
        void indicators(IndicatorSnapshot snapshot);

        void signal(Signal signal);
    }

    private final List<StrategyInstance> instances;
    private final Map<String, StrategyInstance> byName;
    private final States states;
    private final Function<StrategyInstance, StrategyInstance> current;

    public StrategyRunner(List<StrategyInstance> instances, States states) {
        this(instances, states, Function.identity());
    }

    /**
     * @param current each configured instance as it runs now: with the settings an operator changed (SET_PARAMETERS)
     */
    public StrategyRunner(List<StrategyInstance> instances, States states, Function<StrategyInstance, StrategyInstance> current) {
        this.instances = List.copyOf(instances);
        this.byName = instances.stream().collect(Collectors.toMap(StrategyInstance::name, Function.identity()));
        this.states = states;
        this.current = current;
    }

    /** Runs every instance that trades the candle's symbol, in their order: each gives its snapshot, then its signal if any. */
    public void onCandle(Candle candle, Output out) {
        Bar bar = StrategyRecords.bar(candle);
        for (StrategyInstance configured : instances) {
            if (!configured.trades(bar.symbol())) {
                continue;
            }
            StrategyInstance instance = current.apply(configured);
            String key = instance.stateKey(bar.symbol());
            Optional<CandleResult> result = instance.onCandle(states.get(key), bar);
            if (result.isEmpty()) {
                continue;
            }
            states.put(key, result.get().state());
            out.indicators(StrategyRecords.snapshot(instance.name(), bar, result.get().indicators()));
            result.get().decision().ifPresent(decision -> out.signal(StrategyRecords.signal(instance.name(), bar, result.get().indicators(),
                    decision)));
        }
    }

    /** Hands the fill to the state of its instance and symbol; fills of other instances are not ours. */
    public void onFill(Fill fill) {
        StrategyInstance configured = byName.get(fill.getStrategyInstance());
        if (configured == null || !configured.trades(fill.getSymbol())) {
            log.debug("Fill {} of instance {} in {} is not for a running instance here", fill.getTradeId(), fill.getStrategyInstance(), fill.getSymbol());
            return;
        }
        StrategyInstance instance = current.apply(configured);
        String key = instance.stateKey(fill.getSymbol());
        instance.onFill(states.get(key), StrategyRecords.execution(fill)).ifPresent(state -> states.put(key, state));
    }
}
