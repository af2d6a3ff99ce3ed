package dev.tickflow.backtest;

import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.Signal;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * indicators.csv, signals.csv, orders.csv and fills.csv of one run. Like {@link CandleFiles}, they are written as
 * {@code *.partial} and renamed by {@link #commit()}, so a failed run leaves no file that looks complete.
 */
final class StrategyFiles implements StrategySink, ExecutionSink, Closeable {
    static final String INDICATORS = "indicators.csv";
    static final String SIGNALS = "signals.csv";
    static final String ORDERS = "orders.csv";
    static final String FILLS = "fills.csv";

    private final List<Path> targets;
    private final Map<String, BigDecimal> feesByOrder = new HashMap<>();
    private final Set<String> ordersSeen = new HashSet<>();
    private IndicatorCsvWriter indicators;
    private SignalCsvWriter signals;
    private OrderCsvWriter orders;
    private FillCsvWriter fills;
    private boolean committed;
    private long ordersPlaced;
    private long ordersRejected;

    private StrategyFiles(Path dir) {
        this.targets = List.of(dir.resolve(INDICATORS), dir.resolve(SIGNALS), dir.resolve(ORDERS), dir.resolve(FILLS));
    }

    static StrategyFiles open(Path dir) throws IOException {
        StrategyFiles files = new StrategyFiles(dir);
        try {
            files.indicators = new IndicatorCsvWriter(Files.newBufferedWriter(partial(files.targets.get(0)), StandardCharsets.UTF_8));
            files.signals = new SignalCsvWriter(Files.newBufferedWriter(partial(files.targets.get(1)), StandardCharsets.UTF_8));
            files.orders = new OrderCsvWriter(Files.newBufferedWriter(partial(files.targets.get(2)), StandardCharsets.UTF_8));
            files.fills = new FillCsvWriter(Files.newBufferedWriter(partial(files.targets.get(3)), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
        return files;
    }

    @Override
    public void indicators(IndicatorSnapshot snapshot) throws IOException {
        indicators.write(snapshot);
    }

    @Override
    public void signal(Signal signal) throws IOException {
        signals.write(signal);
    }

    @Override
    public void order(OrderEvent order) throws IOException {
        if (ordersSeen.add(order.getClientOrderId())) {
            ordersPlaced++;
        }
        if (order.getStatus() == OrderStatus.REJECTED) {
            ordersRejected++;
        }
        orders.write(new OrderCsvWriter.Row(order, feesByOrder.get(order.getClientOrderId())));
    }

    @Override
    public void fill(Fill fill) throws IOException {
        feesByOrder.merge(fill.getClientOrderId(), fill.getCommission(), BigDecimal::add);
        fills.write(fill);
    }

    /** Orders the executor made (REJECTED ones included), each counted once. */
    long orders() {
        return ordersPlaced;
    }

    long rejectedOrders() {
        return ordersRejected;
    }

    long fills() {
        return fills.rows();
    }

    /** Closes the files and moves them to their final names; returns them. */
    List<Path> commit() throws IOException {
        for (Closeable writer : writers()) {
            writer.close();
        }
        for (Path file : targets) {
            Files.move(partial(file), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
        return targets;
    }

    /** Closes the files; without a commit, deletes them. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        for (Closeable writer : writers()) {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // the file is deleted next
                }
            }
        }
        for (Path file : targets) {
            Files.deleteIfExists(partial(file));
        }
    }

    private Closeable[] writers() {
        return new Closeable[] {indicators, signals, orders, fills};
    }

    private static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }
}
