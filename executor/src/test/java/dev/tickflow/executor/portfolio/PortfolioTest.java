package dev.tickflow.executor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.engine.InMemoryState;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:30Z");

    private final InMemoryState state = new InMemoryState();
    private final List<PositionState> published = new ArrayList<>();
    private final Portfolio portfolio = new Portfolio(state, (instance, symbol, position, time) -> published.add(position));

    private void buy(String instance, String price) {
        OrderRequest order = new OrderRequest("tf-" + instance, instance + ":0", instance, "BTCUSDT", OrderSide.BUY, OrderType.MARKET,
                new BigDecimal("0.001"), null, null, null, T);
        ExchangeFill fill = new ExchangeFill("t-" + instance, new BigDecimal(price), new BigDecimal("0.001"), new BigDecimal("0.05"), "USDT", T);
        portfolio.apply(order, List.of(fill), Optional.empty(), T);
    }

    @Test
    void fillsBuildThePositionWithItsFeesAndPnlWatermarks() {
        buy("A", "50000");
        PositionRecord record = portfolio.record("A", "BTCUSDT");
        assertThat(record.position().quantity()).isEqualByComparingTo("0.001");
        assertThat(record.position().fees()).as("USDT is the quote asset of BTCUSDT").isEqualByComparingTo("0.05");
        assertThat(record.watermarks().dayStartPnl()).isEqualByComparingTo("-0.05");
        assertThat(published).containsExactly(record.position());
        assertThat(portfolio.quantity("B", "BTCUSDT")).isZero();
    }

    @Test
    void openPositionsAreMarkedAtMostOncePerMinuteOfTradeTime() {
        buy("A", "50000");
        buy("B", "50000");
        published.clear();
        assertThat(portfolio.mark("BTCUSDT", new BigDecimal("51000"), T.plusSeconds(31))).containsOnlyKeys("A", "B");
        assertThat(portfolio.mark("BTCUSDT", new BigDecimal("52000"), T.plusSeconds(40))).as("the same minute").isEmpty();
        assertThat(portfolio.mark("BTCUSDT", new BigDecimal("52000"), T.plusSeconds(90)).get("A").position().unrealizedPnl())
                .as("(52000 - 50000) x 0.001").isEqualByComparingTo("2");
        assertThat(published).hasSize(4);
    }
}
