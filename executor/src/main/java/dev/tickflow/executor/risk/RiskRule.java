package dev.tickflow.executor.risk;

/** The pre-trade rules; {@link #id()} is the name every rejection reason starts with. */
public enum RiskRule {
    STALE_SIGNAL("stale-signal"),
    HALTED("halted"),
    PAUSED("paused"),
    MAX_POSITION("max-position"),
    MAX_ORDER_NOTIONAL("max-order-notional"),
    MAX_ORDERS_PER_SECOND("max-orders-per-second"),
    MAX_OPEN_ORDERS("max-open-orders"),
    INSTANCE_EXPOSURE("instance-exposure"),
    PORTFOLIO_EXPOSURE("portfolio-exposure"),
    ACCOUNT_OPEN_ORDERS("account-open-orders"),
    ACCOUNT_RATE("account-rate"),
    PRICE_FILTER("price-filter"),
    LOT_SIZE("lot-size"),
    NOTIONAL("notional"),
    ORDER_SIZE("order-size");

    private final String id;

    RiskRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
