package dev.tickflow.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OrderManager;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What differs between a simulated venue and an exchange, and only that. */
class ExecutionVenuesTest {
    private static final Instant SIGNAL_TIME = Instant.parse("2025-01-01T00:00:59.999Z");
    private static final Instant WALL_CLOCK = Instant.parse("2026-03-01T12:00:00Z");
    private static final OrderRequest ORDER = new OrderRequest("tf-a", "A:BTCUSDT:0", "A", "BTCUSDT", OrderSide.BUY, OrderType.MARKET,
            new BigDecimal("0.001"), null, null, null, SIGNAL_TIME);

    private final InMemoryState state = new InMemoryState();
    private final ExchangeDouble exchange = new ExchangeDouble();
    private final RecordingOutput output = new RecordingOutput();
    private final OrderManager orders = new OrderManager(state, output, exchange.name(), (order, fills, now) -> { });

    @Test
    void aSimulatedVenueRunsOnEventTimeAtTheSignalsPriceAndLooksNothingUp() {
        SimulatedVenue venue = new SimulatedVenue(exchange);
        venue.onTrade("BTCUSDT", new BigDecimal("50100"), SIGNAL_TIME.plusSeconds(1), orders, state);

        assertThat(venue.signalClock(SIGNAL_TIME)).isEqualTo(SIGNAL_TIME);
        assertThat(venue.refreshInterval()).isEmpty();
        assertThat(venue.market("BTCUSDT", new BigDecimal("50000"), SIGNAL_TIME, state).referencePrice())
                .as("the market as of the signal, not a later trade").isEqualByComparingTo("50000");
        assertThat(state.lastTrade("BTCUSDT")).isEmpty();
        assertThat(venue.needsPlacing(OpenOrder.placed(ORDER, new BigDecimal("50000")), SIGNAL_TIME, orders)).isTrue();
        assertThat(exchange.findCalls).isZero();
    }

    @Test
    void anExchangeRunsOnTheWallClockAtTheLastTradeAndLooksEveryOrderUpFirst() {
        ExchangeVenue venue = new ExchangeVenue(exchange, Duration.ofSeconds(5), new SettableClock(WALL_CLOCK));
        venue.onTrade("BTCUSDT", new BigDecimal("50100"), SIGNAL_TIME.plusSeconds(1), orders, state);

        assertThat(venue.signalClock(SIGNAL_TIME)).isEqualTo(WALL_CLOCK);
        assertThat(venue.refreshInterval()).contains(Duration.ofSeconds(5));
        assertThat(venue.market("BTCUSDT", new BigDecimal("50000"), WALL_CLOCK, state).referencePrice()).isEqualByComparingTo("50100");
        assertThat(venue.needsPlacing(OpenOrder.placed(ORDER, new BigDecimal("50000")), WALL_CLOCK, orders)).as("not at the exchange").isTrue();
        assertThat(exchange.findCalls).isOne();
        assertThat(output.orders).isEmpty();
    }
}
