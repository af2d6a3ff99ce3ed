package dev.tickflow.executor;

import dev.tickflow.executor.control.OperatorCommandInput;
import dev.tickflow.executor.control.OpsEvent;
import dev.tickflow.executor.engine.ExecutionEngine;
import dev.tickflow.executor.engine.ExecutionVenue;
import dev.tickflow.executor.engine.ExecutorOutput;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.oms.OrderManager;
import dev.tickflow.executor.oms.OrderUpdate;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.reconcile.Reconciler;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.runtime.HopLatency;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import dev.tickflow.topics.HopStamps;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The Kafka glue around {@link ExecutionEngine}: signals, trades and operator commands in, order events, fills, positions
 * and operational events out, state in the task's stores (one task owns the whole account). Each task has its own venue, whose clock the engine uses (event time on a simulated venue, the wall
 * clock on an exchange); a venue that asks for it gets a wall-clock punctuator refreshing its resting orders, and one
 * with an exchange account another that reconciles with it.
 */
final class ExecutorProcessor implements Processor<String, SpecificRecord, String, SpecificRecord>, ExecutorOutput {

    /** Metrics group {@code stream-executor-metrics}: {@code rejected-orders-total} and {@code -rate}, tagged {@code executor-id} with the reason's name. */
    static final String METRICS_SCOPE = "executor";
    static final String REJECTED_ORDERS = "rejected-orders";
    /** How often the processor looks whether a reconciliation round is due (a stream event, the interval, a confirmation). */
    static final Duration RECONCILE_POLL = Duration.ofMillis(250);

    private final ExecutorSettings settings;
    private final Map<String, Sensor> rejections = new HashMap<>();
    private final Supplier<ExecutionVenue> venues;
    private ProcessorContext<String, SpecificRecord> context;
    private ExecutionVenue venue;
    private ExecutionEngine engine;
    private final HopLatency hops = new HopLatency(HopStamps.Hop.SIGNAL_TO_EXECUTOR, HopStamps.Hop.EXECUTOR_TO_PLACED, HopStamps.Hop.CLOSE_TO_ORDER);
    /** While a signal is processed: its hop stamps and the time it reached this processor, for the order events it causes (a rejected one has none: it was not placed). */
    private Headers signalStamps;

    ExecutorProcessor(ExecutorSettings settings, Supplier<ExecutionVenue> venues) {
        this.settings = settings;
        this.venues = venues;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.venue = venues.get();
        StoreState state = new StoreState(context.getStateStore(ExecutorTopology.POSITIONS_STORE),
                context.getStateStore(ExecutorTopology.OPEN_ORDERS_STORE),
                context.getStateStore(ExecutorTopology.RISK_STORE), context.getStateStore(ExecutorTopology.LAST_TRADES_STORE),
                context.getStateStore(ExecutorTopology.COMMANDS_STORE), context.getStateStore(ExecutorTopology.RECONCILE_STORE));
        this.engine = new ExecutionEngine(settings.orderPolicy(), settings.sizing(), settings.risk(), settings.protection(), venue, state, this);
        venue.refreshInterval().ifPresent(interval ->
                context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, time -> engine.refreshResting(Instant.ofEpochMilli(time))));
        venue.account().ifPresent(watch -> {
            Reconciler reconciler = engine.reconciler(watch);
            watch.start();
            // the user-data stream's thread only raises a flag; every effect happens here, on the stream thread, in its transaction
            context.schedule(RECONCILE_POLL, PunctuationType.WALL_CLOCK_TIME, time -> reconciler.reconcileIfDue(Instant.ofEpochMilli(time)));
        });
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof Signal signal) {
            signalStamps = HopStamps.stamp(new RecordHeaders(record.headers().toArray()), HopStamps.ORDER_RECEIVED, System.currentTimeMillis());
            try {
                engine.onSignal(ExecutorRecords.signal(signal));
            } finally {
                signalStamps = null;
            }
        } else if (record.value() instanceof Trade trade) {
            engine.onTrade(trade.getSymbol(), trade.getPrice(), trade.getTradeTime());
        } else if (record.value() instanceof OperatorCommand command) {
            engine.onCommand(ExecutorRecords.command(command));
        }
    }

    @Override
    public void order(OrderUpdate update) {
        if (update.status() == OrderStatus.REJECTED) {
            rejections.computeIfAbsent(metricName(update.rejectReason()), reason -> context.metrics().addRateTotalSensor(METRICS_SCOPE, reason,
                    REJECTED_ORDERS, Sensor.RecordingLevel.INFO)).record();
        }
        Record<String, SpecificRecord> event = new Record<>(update.order().symbol(), ExecutorRecords.orderEvent(update), update.time().toEpochMilli());
        if (signalStamps == null || update.status() == OrderStatus.REJECTED) {
            context.forward(event, ExecutorTopology.ORDERS_SINK);
            return;
        }
        Headers stamps = HopStamps.stamp(new RecordHeaders(signalStamps.toArray()), HopStamps.ORDER_PLACED, System.currentTimeMillis());
        hops.record(stamps);
        context.forward(event.withHeaders(stamps), ExecutorTopology.ORDERS_SINK);
    }

    @Override
    public void fill(OrderRequest order, String exchangeOrderId, ExchangeFill fill) {
        context.forward(new Record<String, SpecificRecord>(order.symbol(), ExecutorRecords.fill(order, exchangeOrderId, fill), fill.time().toEpochMilli()),
                ExecutorTopology.FILLS_SINK);
    }

    @Override
    public void position(String instance, String symbol, PositionState position, Instant time) {
        context.forward(new Record<String, SpecificRecord>(ExecutorRecords.positionKey(instance, symbol),
                ExecutorRecords.position(instance, symbol, position, time), time.toEpochMilli()), ExecutorTopology.POSITIONS_SINK);
    }

    @Override
    public void operational(OpsEvent event) {
        String key = event.instance() == null || OperatorCommandInput.EVERY_INSTANCE.equals(event.instance()) ? ExecutorTopology.SERVICE_KEY
                : event.instance();
        context.forward(new Record<String, SpecificRecord>(key, ExecutorRecords.operationalEvent(event), event.time().toEpochMilli()),
                ExecutorTopology.OPS_SINK);
    }

    /** The reason's name as a metric tag: {@code stale-signal}, {@code binance--2010}, ... */
    static String metricName(String rejectReason) {
        return OrderManager.reasonName(rejectReason).replace(' ', '-');
    }

    @Override
    public void close() {
        if (venue != null) {
            venue.close();
        }
    }
}
