package dev.tickflow.strategy;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateReader;
import dev.tickflow.runtime.state.StateWriter;
import dev.tickflow.strategy.engine.ParameterChange;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contents of the global store {@value StrategyTopology#PARAMETERS_STORE}, every key a string:
 * <ul>
 *   <li>{@code parameters:<instance>}: the settings changed at run time, by name ({@link #PARAMETERS_CODEC});</li>
 *   <li>{@code command:<commandId>}: the command was decided (a repeat of its id is ignored);</li>
 *   <li>{@code outcome:<offset>}: the decision on the command at that offset of control.operator, zero-padded so that
 *       keys sort in offset order ({@link #OUTCOME_CODEC}), for the reporter to turn into ops.events.</li>
 * </ul>
 * It also resolves each configured instance to the instance with those settings, rebuilding it only when they change.
 */
final class OperatorParameters implements Function<StrategyInstance, StrategyInstance> {

    static final String PARAMETERS = "parameters:";
    static final String COMMAND = "command:";
    static final String OUTCOME = "outcome:";
    static final StateCodec<Map<String, String>> PARAMETERS_CODEC = new ParametersCodec();
    static final StateCodec<Outcome> OUTCOME_CODEC = new OutcomeCodec();
    private static final Logger log = LoggerFactory.getLogger(OperatorParameters.class);

    /** A decision and when its command arrived. */
    record Outcome(ParameterChange change, Instant arrivedAt) {
    }

    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private final Map<String, Resolved> resolved = new HashMap<>();

    OperatorParameters(ReadOnlyKeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    static String outcomeKey(long offset) {
        return OUTCOME + String.format("%019d", offset);
    }

    /** The instance with the settings changed at run time; the configured one when there are none. */
    @Override
    public StrategyInstance apply(StrategyInstance configured) {
        byte[] stored = store.get(PARAMETERS + configured.name());
        if (stored == null) {
            return configured;
        }
        Resolved cached = resolved.get(configured.name());
        if (cached != null && Arrays.equals(cached.stored, stored)) {
            return cached.instance;
        }
        StrategyInstance instance;
        try {
            instance = configured.withParameters(PARAMETERS_CODEC.decode(stored));
        } catch (IllegalArgumentException e) {
            log.warn("Instance {} runs its configured settings: the ones changed at run time no longer fit its configuration ({})",
                    configured.name(), e.getMessage());
            instance = configured;
        }
        resolved.put(configured.name(), new Resolved(stored, instance));
        return instance;
    }

    /** The decisions after {@code lastReported} (an offset, -1 for none), in offset order. */
    List<Map.Entry<Long, Outcome>> outcomesAfter(long lastReported) {
        List<Map.Entry<Long, Outcome>> outcomes = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> range = store.range(outcomeKey(lastReported + 1), OUTCOME + "~")) {
            range.forEachRemaining(entry -> outcomes.add(Map.entry(Long.parseLong(entry.key.substring(OUTCOME.length())),
                    OUTCOME_CODEC.decode(entry.value))));
        }
        return outcomes;
    }

    private record Resolved(byte[] stored, StrategyInstance instance) {
    }

    private static void writeMap(Map<String, String> values, StateWriter out) {
        out.writeList(values.entrySet(), (writer, entry) -> writer.writeString(entry.getKey()).writeString(entry.getValue()));
    }

    private static Map<String, String> readMap(StateReader in) {
        Map<String, String> values = new LinkedHashMap<>();
        in.readList(reader -> Map.entry(reader.readString(), reader.readString())).forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        return values;
    }

    private static final class ParametersCodec implements StateCodec<Map<String, String>> {
        @Override
        public String name() {
            return "changed strategy settings (store " + StrategyTopology.PARAMETERS_STORE + ")";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(Map<String, String> value, StateWriter out) {
            writeMap(new TreeMap<>(value), out);
        }

        @Override
        public Map<String, String> read(int version, StateReader in) {
            return readMap(in);
        }
    }

    private static final class OutcomeCodec implements StateCodec<Outcome> {
        @Override
        public String name() {
            return "operator command outcome (store " + StrategyTopology.PARAMETERS_STORE + ")";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(Outcome value, StateWriter out) {
            ParameterChange change = value.change();
            out.writeString(change.commandId()).writeString(change.instance()).writeBoolean(change.applied()).writeString(change.message());
            writeMap(new TreeMap<>(change.overrides()), out);
            out.writeInstant(value.arrivedAt());
        }

        @Override
        public Outcome read(int version, StateReader in) {
            ParameterChange change = new ParameterChange(in.readString(), in.readString(), in.readBoolean(), in.readString(), readMap(in));
            return new Outcome(change, in.readInstant());
        }
    }
}
