package dev.tickflow.executor.venue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One execution of an order; {@code tradeId} is unique per symbol at the venue. */
public record ExchangeFill(String tradeId, BigDecimal price, BigDecimal quantity, BigDecimal commission,
                           String commissionAsset, Instant time) {

    public ExchangeFill {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(commissionAsset, "commissionAsset");
        Objects.requireNonNull(time, "time");
    }
}
