package dev.tickflow.cli;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorAction;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.serde.AvroSerializer;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.topics.TopicCatalog;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "control", mixinStandardHelpOptions = true,
        description = {"Operator controls: write one command to control.operator (the audit log), or print the recent commands and ops.events.",
            "  pause|resume|lift-halt INSTANCE          (INSTANCE '*' for every instance)",
            "  force-exit|cancel-all INSTANCE [--symbol S]",
            "  set INSTANCE name=value...               (change strategy settings from the next candle, e.g. sma=20)",
            "  log [INSTANCE]                           (the newest commands and operational events)"})
final class ControlCommand implements Callable<Integer> {
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    static final Map<String, OperatorAction> ACTIONS = actions();
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(index = "0", paramLabel = "ACTION", description = "pause, resume, force-exit, cancel-all, lift-halt, set or log.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "INSTANCE", description = "The strategy instance (GET /strategy lists them); '*' for all.")
    String instance;

    @Parameters(index = "2..*", arity = "0..*", paramLabel = "name=value", description = "set: the settings to change, e.g. sma=20 stop-loss=0.1.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--symbol", paramLabel = "S", description = "force-exit and cancel-all: only this symbol.")
    String symbol;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail.")
    String reason;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who, for the audit trail (issuedBy cli:NAME).")
    String operator;

    @Option(names = "--command-id", paramLabel = "UUID", description = "The command id (default: a new UUID); repeat it to retry safely.")
    String commandId;

    @Option(names = "--limit", defaultValue = "20", description = "log: how many commands and events (default: ${DEFAULT-VALUE}).")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TickflowConfig loaded = config.load(StrategySettings.definition());
        TopicCatalog topics = TopicCatalog.from(loaded);
        if (action.equals("log")) {
            return log(loaded, topics);
        }
        OperatorCommand command = command(StrategySettings.from(loaded).instances());
        RecordMetadata written = write(loaded, topics.operatorCommands().name(), command);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("control: wrote %s for %s as command %s to %s (offset %d)%n", command.getAction(), command.getStrategyInstance(),
                command.getCommandId(), written.topic(), written.offset());
        out.printf("Watch for its result (COMMAND_APPLIED or COMMAND_REFUSED with details.commandId=%s, and %s) on %s: "
                + "tickflow control log %s, GET /operator/events, or the dashboard.%n", command.getCommandId(), watchFor(command.getAction()),
                topics.operationalEvents().name(), command.getStrategyInstance().equals("*") ? "" : command.getStrategyInstance());
        return 0;
    }

    private static String watchFor(OperatorAction action) {
        return switch (action) {
            case PAUSE -> "PAUSED from the executor";
            case RESUME -> "RESUMED from the executor";
            case LIFT_HALT -> "HALT_LIFTED from the executor";
            case FORCE_EXIT -> "the closing order on oms.orders";
            case CANCEL_ALL -> "the cancellations on oms.orders";
            case SET_PARAMETERS -> "the strategy's next indicator snapshots";
        };
    }

    OperatorCommand command(List<StrategyInstance> instances) {
        OperatorAction chosen = ACTIONS.get(action.toLowerCase(Locale.ROOT));
        if (chosen == null) {
            throw usage("Unknown action '" + action + "': use one of " + new ArrayList<>(ACTIONS.keySet()) + " or log");
        }
        List<String> names = instances.stream().map(StrategyInstance::name).toList();
        if (instance == null) {
            throw usage("Name the strategy instance: one of " + names + ", or '*' for every instance");
        }
        boolean all = instance.equals("*");
        if (all && chosen == OperatorAction.SET_PARAMETERS) {
            throw usage("Settings are changed one instance at a time: name one of " + names);
        }
        if (!all && !names.contains(instance)) {
            throw usage("Unknown strategy instance '" + instance + "': the strategy service runs " + names + " ('*' for every instance)");
        }
        if (symbol != null && chosen != OperatorAction.FORCE_EXIT && chosen != OperatorAction.CANCEL_ALL) {
            throw usage("--symbol applies to force-exit and cancel-all only");
        }
        if (!settings.isEmpty() && chosen != OperatorAction.SET_PARAMETERS) {
            throw usage("name=value settings apply to set only");
        }
        if (operator != null && !OPERATOR.matcher(operator).matches()) {
            throw usage("--operator must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        Map<String, String> parameters = chosen == OperatorAction.SET_PARAMETERS ? parameters(instances) : Map.of();
        return OperatorCommand.newBuilder()
                .setCommandId(commandId())
                .setAction(chosen)
                .setStrategyInstance(instance)
                .setSymbol(symbol == null ? null : symbol.trim().toUpperCase(Locale.ROOT))
                .setParameters(parameters)
                .setIssuedBy(operator == null ? "cli" : "cli:" + operator)
                .setReason(reason)
                .setRequestedAt(Instant.now())
                .build();
    }

    private Map<String, String> parameters(List<StrategyInstance> instances) {
        StrategyInstance target = instances.stream().filter(candidate -> candidate.name().equals(instance)).findFirst().orElseThrow();
        if (settings.isEmpty()) {
            throw usage("set needs at least one name=value, e.g. " + target.name() + " sma=20; settings of " + target.name() + ": "
                    + target.parameterNames());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw usage("'" + setting + "' is not name=value, e.g. sma=20");
            }
            parameters.put(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
        }
        try {
            target.withParameters(parameters);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return parameters;
    }

    private String commandId() {
        if (commandId == null) {
            return UUID.randomUUID().toString();
        }
        try {
            return UUID.fromString(commandId.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw usage("--command-id must be a UUID, e.g. " + UUID.randomUUID());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static RecordMetadata write(TickflowConfig loaded, String topic, OperatorCommand command) {
        Map<String, Object> properties = new HashMap<>(loaded.kafkaClientProperties());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "tickflow-control");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, SEND_TIMEOUT.toMillis());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
        AvroSerializer<OperatorCommand> serializer = new AvroSerializer<>();
        serializer.configure(loaded.serdeProperties(), false);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, command.getStrategyInstance(), serializer.serialize(topic, command)))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("control: interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("control: could not write to " + topic + " on " + loaded.kafkaClientProperties().get("bootstrap.servers")
                    + " (" + cause.getMessage() + "): start Kafka (tickflow up) and create the topics (tickflow topics create)", cause);
        }
    }

    private int log(TickflowConfig loaded, TopicCatalog topics) {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> properties = new HashMap<>(loaded.kafkaClientProperties());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "tickflow-control-log");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<OperatorCommand> commands = newest(consumer, topics.operatorCommands().name(), OperatorCommand.class, loaded);
            commands.sort(Comparator.comparing(OperatorCommand::getRequestedAt));
            out.printf("Commands (%s, newest last):%n", topics.operatorCommands().name());
            tail(commands.stream().filter(c -> instance == null || instance.equals(c.getStrategyInstance())).toList()).forEach(c -> out.printf(
                    "  %s %-14s %-4s %s%s%s by %s%s%n", c.getRequestedAt(), c.getAction(), c.getStrategyInstance(), c.getCommandId(),
                    c.getSymbol() == null ? "" : " " + c.getSymbol(), c.getParameters().isEmpty() ? "" : " " + new TreeMap<>(c.getParameters()),
                    c.getIssuedBy(), c.getReason() == null ? "" : " (" + c.getReason() + ")"));
            List<OperationalEvent> events = newest(consumer, topics.operationalEvents().name(), OperationalEvent.class, loaded);
            events.sort(Comparator.comparing(OperationalEvent::getEventTime));
            out.printf("Events (%s, newest last):%n", topics.operationalEvents().name());
            tail(events.stream().filter(e -> instance == null || instance.equals(e.getStrategyInstance())).toList()).forEach(e -> out.printf(
                    "  %s %-8s %-17s %-9s %s: %s%n", e.getEventTime(), e.getSeverity(), e.getKind(), e.getService(),
                    e.getStrategyInstance() == null ? "-" : e.getStrategyInstance(), e.getMessage()));
        }
        return 0;
    }

    private <T> List<T> tail(List<T> all) {
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    /** The last {@code limit} records of each partition of the topic. */
    private <T extends org.apache.avro.specific.SpecificRecord> List<T> newest(KafkaConsumer<String, byte[]> consumer, String topic, Class<T> type,
                                                                             TickflowConfig loaded) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, SEND_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("control: topic " + topic + " does not exist: create it (tickflow topics create)");
        }
        List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
        partitions.forEach(partition -> consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - limit)));
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(type);
        deserializer.configure(loaded.serdeProperties(), false);
        List<T> records = new ArrayList<>();
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition)) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() != null) {
                    records.add(deserializer.deserialize(topic, record.value()));
                }
            }
        }
        return records;
    }

    private static Map<String, OperatorAction> actions() {
        Map<String, OperatorAction> actions = new LinkedHashMap<>();
        actions.put("pause", OperatorAction.PAUSE);
        actions.put("resume", OperatorAction.RESUME);
        actions.put("force-exit", OperatorAction.FORCE_EXIT);
        actions.put("cancel-all", OperatorAction.CANCEL_ALL);
        actions.put("lift-halt", OperatorAction.LIFT_HALT);
        actions.put("set", OperatorAction.SET_PARAMETERS);
        return Collections.unmodifiableMap(actions);
    }
}
