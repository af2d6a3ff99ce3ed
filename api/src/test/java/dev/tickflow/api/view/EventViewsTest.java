package dev.tickflow.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SymbolCommand;
import dev.tickflow.schema.Trade;
import java.time.Instant;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** The views of signals/orders/fills, positions, ticks, indicators and control.symbols. */
class EventViewsTest {

    @Test
    void recentRecordsKeepsTheNewestAndListsThemNewestFirst() {
        RecentRecords<Integer> records = new RecentRecords<>(3, Comparator.naturalOrder());
        for (int i = 1; i <= 5; i++) {
            records.add(i);
        }
        assertThat(records.size()).isEqualTo(3);
        assertThat(records.newest(any -> true, 10)).containsExactly(5, 4, 3);
        assertThat(records.newest(i -> i % 2 == 1, 10)).containsExactly(5, 3);
        assertThat(records.newest(any -> true, 1)).containsExactly(5);
    }

    @Test
    void recentRecordsAreOrderedByTimeNotByArrivalAndKeepArrivalOrderForEqualTimes() {
        record Event(String name, int time) {
        }
        RecentRecords<Event> records = new RecentRecords<>(4, Comparator.comparingInt(Event::time));
        // one partition's backlog, then another's
        records.add(new Event("p0-a", 1));
        records.add(new Event("p0-b", 5));
        records.add(new Event("p1-a", 2));
        records.add(new Event("p1-b", 5));
        records.add(new Event("p1-c", 6));

        assertThat(records.newest(any -> true, 10)).extracting(Event::name).containsExactly("p1-c", "p1-b", "p0-b", "p1-a");
    }

    @Test
    void positionsAreReplacedPerKeyRemovedByTombstoneAndSortedByInstanceThenSymbol() {
        PositionView view = new PositionView();
        Position btcOfB = Position.newBuilder(SampleRecords.position()).setStrategyInstance("B").build();
        Position ethOfA = Position.newBuilder(SampleRecords.position()).setSymbol("ETHUSDT").build();
        view.put("B|BTCUSDT", btcOfB);
        view.put("A|ETHUSDT", ethOfA);
        view.put("A|BTCUSDT", SampleRecords.positionFlat());
        view.put("A|BTCUSDT", SampleRecords.position());

        assertThat(view.all(p -> true)).extracting(p -> p.getStrategyInstance() + "/" + p.getSymbol())
                .containsExactly("A/BTCUSDT", "A/ETHUSDT", "B/BTCUSDT");
        assertThat(view.all(p -> true).get(0)).isEqualTo(SampleRecords.position());

        view.remove("A|ETHUSDT");
        assertThat(view.symbols()).containsExactly("BTCUSDT");
        assertThat(view.all(p -> p.getStrategyInstance().equals("B"))).containsExactly(btcOfB);
    }

    @Test
    void theLatestTickIsNotReplacedByAnOlderTradeArrivingLate() {
        TickView view = new TickView();
        Trade trade = SampleRecords.trade();
        Trade older = Trade.newBuilder(trade).setTradeId(trade.getTradeId() - 1).setTradeTime(trade.getTradeTime().minusSeconds(1)).build();
        Trade newer = Trade.newBuilder(trade).setTradeId(trade.getTradeId() + 1).build();

        assertThat(view.put(trade)).isTrue();
        assertThat(view.put(older)).isFalse();
        assertThat(view.latest("BTCUSDT")).contains(trade);
        assertThat(view.put(newer)).isTrue();
        assertThat(view.all()).containsExactly(newer);
    }

    @Test
    void indicatorsPerInstanceSortedByTimeThenInstance() {
        IndicatorView view = new IndicatorView(2, new SeriesBudget(Integer.MAX_VALUE));
        Instant t0 = SampleRecords.OPEN_TIME;
        for (int minute = 0; minute < 3; minute++) {
            for (String instance : new String[] {"B", "A"}) {
                view.put(IndicatorSnapshot.newBuilder(SampleRecords.indicatorSnapshot()).setStrategyInstance(instance)
                        .setOpenTime(t0.plusSeconds(60L * minute)).build());
            }
        }
        assertThat(view.query("BTCUSDT", null, TimeRange.latest(10)))
                .extracting(s -> s.getStrategyInstance() + "@" + (s.getOpenTime().getEpochSecond() - t0.getEpochSecond()))
                .containsExactly("A@60", "B@60", "A@120", "B@120");
        assertThat(view.query("BTCUSDT", "A", TimeRange.latest(1))).extracting(IndicatorSnapshot::getOpenTime)
                .containsExactly(t0.plusSeconds(120));
        assertThat(view.query("ETHUSDT", null, TimeRange.latest(10))).isEmpty();
    }

    @Test
    void symbolControlFollowsTheLatestCommandAndTombstones() {
        SymbolControlView view = new SymbolControlView();
        SymbolCommand eth = SampleRecords.symbolCommand();
        view.apply("ETHUSDT", eth);
        view.apply("SOLUSDT", SymbolCommand.newBuilder(eth).setSymbol("SOLUSDT").setEnabled(false).build());
        assertThat(view.all()).extracting(SymbolCommand::getSymbol).containsExactly("ETHUSDT", "SOLUSDT");
        assertThat(view.get("SOLUSDT").getEnabled()).isFalse();

        view.apply("ETHUSDT", null);
        assertThat(view.get("ETHUSDT")).isNull();
        assertThat(view.all()).extracting(SymbolCommand::getSymbol).containsExactly("SOLUSDT");
    }

    @Test
    void knownSymbolsAreThoseOfControlTicksCandlesAndPositions() {
        MarketViews views = MarketViews.bounded(10, 10, 1_000, 10);
        views.symbols().apply("ETHUSDT", SampleRecords.symbolCommand());
        views.ticks().put(SampleRecords.trade());
        views.candles().put(CandleViewTest.candle("XRPUSDT", "1m", 0, "1"));
        views.positions().put(null, Position.newBuilder(SampleRecords.position()).setSymbol("SOLUSDT").build());
        views.signals().add(Signal.newBuilder(SampleRecords.signal()).setSymbol("DOGEUSDT").build());

        assertThat(views.knownSymbols()).containsExactly("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT");
    }
}
