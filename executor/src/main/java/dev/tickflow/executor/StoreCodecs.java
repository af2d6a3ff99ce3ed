package dev.tickflow.executor;

import dev.tickflow.executor.engine.LastTrade;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.Protection;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.portfolio.PnlWatermarks;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.risk.Halt;
import dev.tickflow.executor.risk.RiskState;
import dev.tickflow.executor.risk.TradingState;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.StopTerms;
import dev.tickflow.executor.venue.StopTrigger;
import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateReader;
import dev.tickflow.runtime.state.StateWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The codecs of the executor's stores, of version 1 (the risk state: 2). Values written before the state-codec convention, as
 * {@link LegacyText}, still decode; they are rewritten in the current form the next time they change.
 */
final class StoreCodecs {
    static final StateCodec<PositionRecord> POSITION = new PositionCodec();
    static final StateCodec<OpenOrder> OPEN_ORDER = new OpenOrderCodec();
    static final StateCodec<RiskState> RISK = new RiskCodec();
    static final StateCodec<LastTrade> LAST_TRADE = new LastTradeCodec();
    /** When an operator command was handled (store executor-commands). */
    static final StateCodec<Instant> COMMAND = new StateCodec<>() {
        @Override
        public String name() {
            return "value of store " + ExecutorTopology.COMMANDS_STORE;
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(Instant handledAt, StateWriter out) {
            out.writeInstant(handledAt);
        }

        @Override
        public Instant read(int version, StateReader in) {
            return in.readInstant();
        }
    };

    /** The trading state of a legacy halt without one: every halt before trading states were stored was REDUCING. */
    static final TradingState LEGACY_HALT_STATE = TradingState.REDUCING;

    private StoreCodecs() {
    }

    private static void writeWatermarks(StateWriter out, PnlWatermarks w) {
        out.writeLong(w.day().toEpochDay()).writeDecimal(w.dayStartPnl()).writeDecimal(w.peakPnl());
    }

    private static PnlWatermarks readWatermarks(StateReader in) {
        return new PnlWatermarks(LocalDate.ofEpochDay(in.readLong()), in.readDecimal(), in.readDecimal());
    }

    /** A codec that also reads the value's {@link LegacyText} form. */
    private abstract static class WithLegacyText<T> implements StateCodec<T> {
        private final String store;

        WithLegacyText(String store) {
            this.store = store;
        }

        @Override
        public String name() {
            return "value of store " + store;
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public T decode(byte[] bytes) {
            return LegacyText.isText(bytes) ? readText(LegacyText.parse(bytes)) : StateCodec.super.decode(bytes);
        }

        abstract T readText(LegacyText text);
    }

    private static final class PositionCodec extends WithLegacyText<PositionRecord> {
        PositionCodec() {
            super(ExecutorTopology.POSITIONS_STORE);
        }

        @Override
        public void write(PositionRecord record, StateWriter out) {
            PositionState p = record.position();
            out.writeDecimal(p.quantity()).writeDecimal(p.averageEntryPrice()).writeDecimal(p.realizedPnl()).writeDecimal(p.fees())
                    .writeDecimal(p.otherCommissions()).writeDecimal(p.lastPrice()).writeNullable(p.updatedAt(), StateWriter::writeInstant);
            out.writeNullable(record.watermarks(), StoreCodecs::writeWatermarks);
            out.writeLong(record.lastMarkMinute());
        }

        @Override
        public PositionRecord read(int version, StateReader in) {
            PositionState position = new PositionState(in.readDecimal(), in.readDecimal(), in.readDecimal(), in.readDecimal(),
                    in.readDecimal(), in.readDecimal(), in.readNullable(StateReader::readInstant));
            return new PositionRecord(position, in.readNullable(StoreCodecs::readWatermarks), in.readLong());
        }

        @Override
        PositionRecord readText(LegacyText f) {
            PositionState position = new PositionState(new BigDecimal(f.get("quantity")), new BigDecimal(f.get("averageEntryPrice")),
                    new BigDecimal(f.get("realizedPnl")), new BigDecimal(f.get("fees")), f.get("otherCommissions", BigDecimal::new, BigDecimal.ZERO),
                    f.get("lastPrice", BigDecimal::new), f.get("updatedAt", Instant::parse));
            PnlWatermarks watermarks = f.has("day")
                    ? new PnlWatermarks(LocalDate.parse(f.get("day")), new BigDecimal(f.get("dayStartPnl")), new BigDecimal(f.get("peakPnl")))
                    : null;
            return new PositionRecord(position, watermarks, f.get("lastMarkMinute", Long::parseLong, Long.MIN_VALUE));
        }
    }

    private static final class OpenOrderCodec extends WithLegacyText<OpenOrder> {
        OpenOrderCodec() {
            super(ExecutorTopology.OPEN_ORDERS_STORE);
        }

        @Override
        public void write(OpenOrder order, StateWriter out) {
            OrderRequest r = order.request();
            out.writeString(r.clientOrderId()).writeNullable(r.signalId(), StateWriter::writeString)
                    .writeNullable(r.strategyInstance(), StateWriter::writeString).writeString(r.symbol()).writeEnum(r.side())
                    .writeEnum(r.type()).writeDecimal(r.quantity()).writeDecimal(r.limitPrice())
                    .writeNullable(r.timeInForce(), StateWriter::writeEnum).writeNullable(r.expiresAt(), StateWriter::writeInstant)
                    .writeNullable(r.createdAt(), StateWriter::writeInstant);
            out.writeNullable(order.exchangeOrderId(), StateWriter::writeString).writeEnum(order.status())
                    .writeDecimal(order.filledQuantity()).writeInt(order.fillsSeen()).writeBoolean(order.fateUnknown())
                    .writeDecimal(order.signalPrice());
            StopTerms stop = r.stop();
            out.writeDecimal(stop.stopPrice()).writeNullable(stop.trailingDelta(), StateWriter::writeInt).writeDecimal(stop.takeProfitPrice())
                    .writeNullable(stop.orderListId(), StateWriter::writeString).writeNullable(stop.protection(), StateWriter::writeEnum)
                    .writeNullable(stop.protectsClientOrderId(), StateWriter::writeString).writeDecimal(stop.stopLossFraction());
            out.writeNullable(order.trigger(), (o, t) -> o.writeDecimal(t.bestPrice()).writeBoolean(t.triggered()));
        }

        /** Version 2 added the stop terms of conditional and protective orders and the paper venue's trigger state. */
        @Override
        public int version() {
            return 2;
        }

        @Override
        public OpenOrder read(int version, StateReader in) {
            String clientOrderId = in.readString();
            String signalId = in.readNullable(StateReader::readString);
            String instance = in.readNullable(StateReader::readString);
            String symbol = in.readString();
            OrderSide side = in.readEnum(OrderSide.class);
            OrderType type = in.readEnum(OrderType.class);
            BigDecimal quantity = in.readDecimal();
            BigDecimal limitPrice = in.readDecimal();
            TimeInForce timeInForce = in.readNullable(i -> i.readEnum(TimeInForce.class));
            Instant expiresAt = in.readNullable(StateReader::readInstant);
            Instant createdAt = in.readNullable(StateReader::readInstant);
            String exchangeOrderId = in.readNullable(StateReader::readString);
            OrderStatus status = in.readEnum(OrderStatus.class);
            BigDecimal filled = in.readDecimal();
            int fillsSeen = in.readInt();
            boolean fateUnknown = in.readBoolean();
            BigDecimal signalPrice = in.readDecimal();
            StopTerms stop = StopTerms.NONE;
            StopTrigger trigger = null;
            if (version >= 2) {
                stop = new StopTerms(in.readDecimal(), in.readNullable(StateReader::readInt), in.readDecimal(),
                        in.readNullable(StateReader::readString), in.readNullable(i -> i.readEnum(Protection.class)),
                        in.readNullable(StateReader::readString), in.readDecimal());
                trigger = in.readNullable(i -> new StopTrigger(i.readDecimal(), i.readBoolean()));
            }
            OrderRequest request = new OrderRequest(clientOrderId, signalId, instance, symbol, side, type, quantity, limitPrice, timeInForce,
                    expiresAt, createdAt, stop);
            return new OpenOrder(request, exchangeOrderId, status, filled, fillsSeen, fateUnknown, signalPrice, trigger);
        }

        @Override
        OpenOrder readText(LegacyText f) {
            OrderRequest request = new OrderRequest(f.get("clientOrderId"), f.get("signalId"), f.get("strategyInstance"), f.get("symbol"),
                    OrderSide.valueOf(f.get("side")), OrderType.valueOf(f.get("type")), new BigDecimal(f.get("quantity")),
                    f.get("limitPrice", BigDecimal::new), f.get("timeInForce", TimeInForce::valueOf), f.get("expiresAt", Instant::parse),
                    f.get("createdAt", Instant::parse));
            return new OpenOrder(request, f.get("exchangeOrderId"), OrderStatus.valueOf(f.get("status")), new BigDecimal(f.get("filledQuantity")),
                    Integer.parseInt(f.get("fillsSeen")), Boolean.parseBoolean(f.get("fateUnknown")), f.get("signalPrice", BigDecimal::new));
        }
    }

    private static final class RiskCodec extends WithLegacyText<RiskState> {
        RiskCodec() {
            super(ExecutorTopology.RISK_STORE);
        }

        @Override
        public void write(RiskState risk, StateWriter out) {
            out.writeNullable(risk.halt(), (o, halt) -> o.writeEnum(halt.state()).writeString(halt.reason())
                    .writeNullable(halt.until(), StateWriter::writeInstant));
            out.writeList(risk.recentOrders(), StateWriter::writeInstant);
            out.writeBoolean(risk.paused());
            out.writeNullable(risk.watermarks(), StoreCodecs::writeWatermarks);
        }

        /** Version 2 added whether the instance is paused and the watermarks of its PnL over all its symbols. */
        @Override
        public int version() {
            return 2;
        }

        @Override
        public RiskState read(int version, StateReader in) {
            Halt halt = in.readNullable(i -> new Halt(i.readEnum(TradingState.class), i.readString(), i.readNullable(StateReader::readInstant)));
            List<Instant> recent = in.readList(StateReader::readInstant);
            if (version == 1) {
                return new RiskState(halt, recent);
            }
            return new RiskState(halt, recent, in.readBoolean(), in.readNullable(StoreCodecs::readWatermarks));
        }

        @Override
        RiskState readText(LegacyText f) {
            Halt halt = f.has("haltReason")
                    ? new Halt(f.get("haltState", TradingState::valueOf, LEGACY_HALT_STATE), f.get("haltReason"), f.get("haltUntil", Instant::parse))
                    : null;
            String recent = f.get("recentOrders", String::valueOf, "");
            List<Instant> times = recent.isEmpty() ? List.of() : Arrays.stream(recent.split(",")).map(Instant::parse).toList();
            return new RiskState(halt, times);
        }
    }

    private static final class LastTradeCodec extends WithLegacyText<LastTrade> {
        LastTradeCodec() {
            super(ExecutorTopology.LAST_TRADES_STORE);
        }

        @Override
        public void write(LastTrade trade, StateWriter out) {
            out.writeDecimal(trade.price()).writeInstant(trade.time());
        }

        @Override
        public LastTrade read(int version, StateReader in) {
            return new LastTrade(in.readDecimal(), in.readInstant());
        }

        @Override
        LastTrade readText(LegacyText f) {
            return new LastTrade(new BigDecimal(f.get("price")), Instant.parse(f.get("time")));
        }
    }
}
