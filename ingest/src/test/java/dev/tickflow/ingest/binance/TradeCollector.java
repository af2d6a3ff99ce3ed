package dev.tickflow.ingest.binance;

import dev.tickflow.ingest.TradeListener;
import dev.tickflow.schema.Trade;
import dev.tickflow.testkit.binance.FakeBinance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/** Records what a source delivers. */
final class TradeCollector implements TradeListener {

    record Gap(String symbol, long fromId, long toId, String reason) {
    }

    private final Map<String, List<Trade>> trades = new ConcurrentHashMap<>();
    final List<Gap> gaps = new CopyOnWriteArrayList<>();

    @Override
    public void onTrade(Trade trade) {
        trades.computeIfAbsent(trade.getSymbol(), s -> new CopyOnWriteArrayList<>()).add(trade);
    }

    @Override
    public void onGap(String symbol, long fromTradeId, long toTradeId, String reason) {
        gaps.add(new Gap(symbol, fromTradeId, toTradeId, reason));
    }

    List<Trade> trades(String symbol) {
        return trades.getOrDefault(symbol, List.of());
    }

    List<Long> ids(String symbol) {
        return trades(symbol).stream().map(Trade::getTradeId).toList();
    }

    /** Waits until {@code symbol}'s last delivered id is {@code lastId}. */
    void awaitLast(String symbol, long lastId) throws TimeoutException {
        FakeBinance.await(Duration.ofSeconds(20), () -> {
            List<Long> ids = ids(symbol);
            return !ids.isEmpty() && ids.get(ids.size() - 1) >= lastId;
        });
    }
}
