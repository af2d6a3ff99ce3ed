package dev.tickflow.executor;

import dev.tickflow.executor.venue.TradingVenue;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.engine.ExecutionEngine;
import dev.tickflow.executor.engine.ExecutorOutput;
import dev.tickflow.executor.engine.OrderPolicy;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The Kafka glue around {@link ExecutionEngine}: signals and trades in, order events, fills and positions out, state in
 * the task's stores. Each task has its own broker. The engine's clock is event time for a broker without external
 * state (paper: a signal's time, a trade's time; deterministic, also in a backtest) and the wall clock for an exchange,
 * whose resting orders a wall-clock punctuator refreshes.
 */
final class ExecutorProcessor implements Processor<String, SpecificRecord, String, SpecificRecord>, ExecutorOutput {

    private final ExecutorSettings settings;
    private final Supplier<TradingVenue> brokers;
    private ProcessorContext<String, SpecificRecord> context;
    private TradingVenue broker;
    private ExecutionEngine engine;

    ExecutorProcessor(ExecutorSettings settings, Supplier<TradingVenue> brokers) {
        this.settings = settings;
        this.brokers = brokers;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.broker = brokers.get();
        StoreState state = new StoreState(context.getStateStore(ExecutorTopology.POSITIONS_STORE),
                context.getStateStore(ExecutorTopology.OPEN_ORDERS_STORE),
                context.getStateStore(ExecutorTopology.RISK_STORE), context.getStateStore(ExecutorTopology.LAST_TRADES_STORE));
        OrderPolicy policy = new OrderPolicy(settings.orderType(), settings.limitOffsetBps(), settings.timeInForce(), settings.limitExpiry());
        this.engine = new ExecutionEngine(policy, settings.sizing(), settings.risk(), broker, state, this);
        if (broker.hasExternalState()) {
            context.schedule(settings.refreshInterval(), PunctuationType.WALL_CLOCK_TIME, time -> engine.refreshResting(Instant.ofEpochMilli(time)));
        }
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof Signal signal) {
            engine.onSignal(ExecutorRecords.signal(signal), now(signal));
        } else if (record.value() instanceof Trade trade) {
            engine.onTrade(trade.getSymbol(), trade.getPrice(), trade.getTradeTime());
        }
    }

    /**
     * The engine's clock for a signal: the wall clock for an exchange; for paper the signal's own event time, so that
     * every output (order and fill times, risk windows) is a function of the input's event times, not of stream time,
     * which live is already ahead (the next minute's trades arrive before a candle's signal) and differs in a backtest.
     */
    private Instant now(Signal signal) {
        return broker.hasExternalState() ? Instant.now() : signal.getCreatedAt();
    }

    @Override
    public void order(OrderUpdate update) {
        context.forward(new Record<String, SpecificRecord>(update.order().symbol(), ExecutorRecords.orderEvent(update), update.time().toEpochMilli()),
                ExecutorTopology.ORDERS_SINK);
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
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
