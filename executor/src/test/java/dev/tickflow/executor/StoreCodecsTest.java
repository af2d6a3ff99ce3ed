package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.tickflow.runtime.state.StateCodecContract;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The four store codecs. Their text goldens are values as the executor stored them before the state-codec convention
 * (UTF-8 key=value lines), printed by that code; the hex goldens are version 1.
 */
class StoreCodecsTest {
    private static final Instant T = Instant.parse("2025-01-01T00:01:00.123Z");

    static final PositionRecord POSITION = new PositionRecord(new PositionState(new BigDecimal("0.00100000"),
            new BigDecimal("50123.4567890123456789"), new BigDecimal("-1.5"), new BigDecimal("0.05"), new BigDecimal("0.0001"),
            new BigDecimal("50000.01"), T), new PnlWatermarks(LocalDate.parse("2025-01-01"), new BigDecimal("-0.5"), new BigDecimal("2")),
            28_928_161L);
    static final OpenOrder LIMIT_ORDER = new OpenOrder(new OrderRequest("tf-abc", "A:BTCUSDT:0", "A", "BTCUSDT", OrderSide.BUY,
            OrderType.LIMIT, new BigDecimal("0.001"), new BigDecimal("49950"), TimeInForce.GTC, T.plusSeconds(300), T), "paper-tf-abc",
            OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.0004"), 2, false, new BigDecimal("50000"));
    static final OpenOrder PROTECTIVE_OCO = new OpenOrder(new OrderRequest("tf-prot", null, "A", "BTCUSDT", OrderSide.SELL,
            OrderType.STOP_LOSS_LIMIT, new BigDecimal("0.001"), new BigDecimal("47500"), TimeInForce.GTC, null,
            Instant.parse("2025-01-01T00:02:00Z"), new StopTerms(new BigDecimal("47600"), 150, new BigDecimal("52000"), "tf-prot-list",
            Protection.STOP_LOSS, "tf-abc")), "paper-tf-prot", OrderStatus.NEW, BigDecimal.ZERO, 0, false, null,
            new StopTrigger(new BigDecimal("50100"), false));
    static final OpenOrder MARKET_ORDER_OF_UNKNOWN_FATE = new OpenOrder(new OrderRequest("tf-def", "B:ETHUSDT:0", "B", "ETHUSDT",
            OrderSide.SELL, OrderType.MARKET, new BigDecimal("0.01"), null, null, null, T), null, OrderStatus.NEW, BigDecimal.ZERO, 0,
            true, new BigDecimal("3000"));
    static final RiskState REDUCING = new RiskState(Halt.reducing("max-daily-loss: lost 5.01 on 2025-01-01, the limit is 5",
            T.plusSeconds(3600)), List.of(T, T.plusMillis(5)));
    static final RiskState HALTED = new RiskState(new Halt(TradingState.HALTED, "manual", null), List.of());
    static final RiskState PAUSED_WITH_WATERMARKS = new RiskState(null, List.of(T), true,
            new PnlWatermarks(LocalDate.parse("2025-01-01"), new BigDecimal("-1.5"), new BigDecimal("2")));
    static final LastTrade LAST_TRADE = new LastTrade(new BigDecimal("50000.12"), T);

    @Nested
    class Positions extends StateCodecContract<PositionRecord> {
        @Override
        protected StateCodec<PositionRecord> codec() {
            return StoreCodecs.POSITION;
        }

        @Override
        protected List<PositionRecord> samples() {
            return List.of(POSITION, PositionRecord.flat());
        }

        @Override
        protected List<Golden<PositionRecord>> golden() {
            return List.of(
                    Golden.text("quantity=0.00100000\naverageEntryPrice=50123.4567890123456789\nrealizedPnl=-1.5\nfees=0.05\notherCommissions=0.0001\n"
                            + "lastPrice=50000.01\nupdatedAt=2025-01-01T00:01:00.123Z\nday=2025-01-01\ndayStartPnl=-0.5\npeakPnl=2\n"
                            + "lastMarkMinute=28928161\n", POSITION),
                    Golden.text("quantity=0\naverageEntryPrice=0\nrealizedPnl=0\nfees=0\notherCommissions=0\nlastMarkMinute=-9223372036854775808\n",
                            PositionRecord.flat()),
                    Golden.hex("010110c09a0c0220121b2c06e7d76d39811501021d01040a010802010482ade20401f896a4f70c80d3a67501f2b902010209"
                            + "010004c2a2cb1b", POSITION),
                    Golden.hex("01010000010000010000010000010000000000ffffffffffffffffff01", PositionRecord.flat()));
        }
    }

    @Nested
    class OpenOrders extends StateCodecContract<OpenOrder> {
        @Override
        protected StateCodec<OpenOrder> codec() {
            return StoreCodecs.OPEN_ORDER;
        }

        @Override
        protected List<OpenOrder> samples() {
            return List.of(LIMIT_ORDER, MARKET_ORDER_OF_UNKNOWN_FATE, PROTECTIVE_OCO);
        }

        @Override
        protected List<Golden<OpenOrder>> golden() {
            return List.of(
                    Golden.text("clientOrderId=tf-abc\nsignalId=A:BTCUSDT:0\nstrategyInstance=A\nsymbol=BTCUSDT\nside=BUY\ntype=LIMIT\nquantity=0.001\n"
                            + "limitPrice=49950\ntimeInForce=GTC\nexpiresAt=2025-01-01T00:06:00.123Z\ncreatedAt=2025-01-01T00:01:00.123Z\n"
                            + "exchangeOrderId=paper-tf-abc\nstatus=PARTIALLY_FILLED\nfilledQuantity=0.0004\nfillsSeen=2\nfateUnknown=false\n"
                            + "signalPrice=50000\n", LIMIT_ORDER),
                    Golden.text("clientOrderId=tf-def\nsignalId=B:ETHUSDT:0\nstrategyInstance=B\nsymbol=ETHUSDT\nside=SELL\ntype=MARKET\nquantity=0.01\n"
                            + "createdAt=2025-01-01T00:01:00.123Z\nstatus=NEW\nfilledQuantity=0\nfillsSeen=0\nfateUnknown=true\nsignalPrice=3000\n",
                            MARKET_ORDER_OF_UNKNOWN_FATE),
                    Golden.hex("010c74662d6162630116413a425443555344543a300102410e42544355534454064255590a4c494d49540106020100bc8c06"
                            + "010647544301d09ba4f70c80d3a67501f896a4f70c80d3a675011870617065722d74662d616263205041525449414c4c595f"
                            + "46494c4c454401080804000100a08d06", LIMIT_ORDER),
                    Golden.hex("010c74662d6465660116423a455448555344543a300102420e455448555344540853454c4c0c4d41524b4554010402000000"
                            + "01f896a4f70c80d3a67500064e455701000000010100f02e", MARKET_ORDER_OF_UNKNOWN_FATE),
                    Golden.hex("020e74662d70726f74000102410e425443555344540853454c4c1e53544f505f4c4f53535f4c494d4954010602010098e605"
                            + "01064754430001f097a4f70c00011a70617065722d74662d70726f74064e45570100000000000100e0e70501ac020100c0ac06"
                            + "011874662d70726f742d6c697374011253544f505f4c4f5353010c74662d61626300010100e88e0600", PROTECTIVE_OCO));
        }
    }

    @Nested
    class Risk extends StateCodecContract<RiskState> {
        @Override
        protected StateCodec<RiskState> codec() {
            return StoreCodecs.RISK;
        }

        @Override
        protected List<RiskState> samples() {
            return List.of(REDUCING, HALTED, RiskState.empty(), PAUSED_WITH_WATERMARKS);
        }

        @Override
        protected List<Golden<RiskState>> golden() {
            return List.of(
                    Golden.text("haltReason=max-daily-loss: lost 5.01 on 2025-01-01, the limit is 5\nhaltUntil=2025-01-01T01:01:00.123Z\n"
                            + "recentOrders=2025-01-01T00:01:00.123Z,2025-01-01T00:01:00.128Z\n", REDUCING),
                    Golden.text("haltReason=manual\nhaltState=HALTED\nrecentOrders=\n", HALTED),
                    Golden.text("recentOrders=\n", RiskState.empty()),
                    Golden.hex("0101105245445543494e476e6d61782d6461696c792d6c6f73733a206c6f737420352e3031206f6e20323032352d30312d30"
                            + "312c20746865206c696d697420697320350198cfa4f70c80d3a67504f896a4f70c80d3a675f896a4f70c8080897a", REDUCING),
                    Golden.hex("01010c48414c5445440c6d616e75616c0000", HALTED),
                    Golden.hex("010000", RiskState.empty()),
                    Golden.hex("020002f896a4f70c80d3a6750101f2b90201021d010004", PAUSED_WITH_WATERMARKS));
        }
    }

    @Nested
    class LastTrades extends StateCodecContract<LastTrade> {
        @Override
        protected StateCodec<LastTrade> codec() {
            return StoreCodecs.LAST_TRADE;
        }

        @Override
        protected List<LastTrade> samples() {
            return List.of(LAST_TRADE);
        }

        @Override
        protected List<Golden<LastTrade>> golden() {
            return List.of(Golden.text("price=50000.12\ntime=2025-01-01T00:01:00.123Z\n", LAST_TRADE), Golden.hex("01010498ade204f896a4f70c80d3a675", LAST_TRADE));
        }
    }

    @Test
    void legacyTextIgnoresUnknownFields() {
        byte[] extended = "price=1.5\ntime=2025-01-01T00:01:00.123Z\naddedLater=x\n".getBytes(StandardCharsets.UTF_8);
        assertThat(StoreCodecs.LAST_TRADE.decode(extended)).isEqualTo(new LastTrade(new BigDecimal("1.5"), T));
    }

    /** Values as the executor wrote them before its domain had its own enums and trading states. */
    @Test
    void legacyTextOfEarlierVersionsDecodes() {
        String position = "quantity=0.001\naverageEntryPrice=50100\nrealizedPnl=0\nfees=0.0501\notherCommissions=0\nlastPrice=50100\n"
                + "updatedAt=2025-01-01T00:00:59.999Z\nday=2025-01-01\ndayStartPnl=-0.0501\npeakPnl=0\nlastMarkMinute=-9223372036854775808\n";
        assertThat(StoreCodecs.POSITION.decode(bytes(position))).isEqualTo(new PositionRecord(new PositionState(new BigDecimal("0.001"),
                new BigDecimal("50100"), BigDecimal.ZERO, new BigDecimal("0.0501"), BigDecimal.ZERO, new BigDecimal("50100"),
                Instant.parse("2025-01-01T00:00:59.999Z")), new PnlWatermarks(LocalDate.parse("2025-01-01"), new BigDecimal("-0.0501"),
                BigDecimal.ZERO), Long.MIN_VALUE));

        String risk = "haltReason=max-drawdown: PnL -1 is 1.5 below its peak 0.5, the limit is 1\nrecentOrders=2025-01-01T00:01:00.123Z\n";
        RiskState decodedRisk = StoreCodecs.RISK.decode(bytes(risk));
        assertThat(decodedRisk.halt().state()).isEqualTo(TradingState.REDUCING);
        assertThat(decodedRisk).isEqualTo(new RiskState(Halt.reducing("max-drawdown: PnL -1 is 1.5 below its peak 0.5, the limit is 1", null),
                List.of(T)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
