package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.order.ClientOrderIds;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a backtest's signals.csv, orders.csv and fills.csv against each other, for MARKET orders on the paper broker
 * without risk limits: every signal of an instance (they alternate LONG/FLAT) is one FILLED order named after it, with
 * one fill at the signal's price and time and the fee at {@code feeRate} (rounded half-even to 16 decimals); each instance buys, then sells exactly what
 * it holds, so its position is back to zero after each SELL.
 */
public final class ExecutionFiles {
    private ExecutionFiles() {
    }

    /** @return fills per instance */
    public static Map<String, Integer> assertConsistent(Path out, BigDecimal feeRate) throws IOException {
        List<String[]> signals = rows(out.resolve("signals.csv"), "instance,symbol,open_time,target");
        List<String[]> orders = rows(out.resolve("orders.csv"), "instance,symbol,time,client_order_id,signal_id,side,type,status");
        List<String[]> fills = rows(out.resolve("fills.csv"), "instance,symbol,time,client_order_id,trade_id,side,price,quantity,fee");
        assertThat(orders).as("one FILLED event per signal").hasSameSizeAs(signals);
        assertThat(fills).as("one fill per order").hasSameSizeAs(orders);
        Map<String, BigDecimal> positions = new HashMap<>();
        Map<String, Integer> fillsPerInstance = new LinkedHashMap<>();
        for (int i = 0; i < signals.size(); i++) {
            String[] signal = signals.get(i);
            String[] order = orders.get(i);
            String[] fill = fills.get(i);
            String instance = signal[0];
            long signalTime = Long.parseLong(signal[2]) + 59_999;
            String clientOrderId = ClientOrderIds.of(signal[9]);
            String side = signal[3].equals("LONG") ? "BUY" : "SELL";
            assertThat(order).as("order of signal %s", signal[9]).startsWith(instance, signal[1], Long.toString(signalTime), clientOrderId,
                    signal[9], side, "MARKET", "FILLED");
            assertThat(fill).startsWith(instance, signal[1], Long.toString(signalTime), clientOrderId, clientOrderId + "-1", side);
            BigDecimal price = new BigDecimal(fill[6]);
            BigDecimal quantity = new BigDecimal(fill[7]);
            assertThat(price).as("market order at the signal price").isEqualByComparingTo(signal[5]);
            assertThat(quantity).isPositive().isEqualByComparingTo(order[9]).isEqualByComparingTo(order[10]);
            assertThat(new BigDecimal(order[11])).isEqualByComparingTo(price);
            assertThat(new BigDecimal(fill[8])).as("fee at the schema's 16 decimals")
                    .isEqualByComparingTo(price.multiply(quantity).multiply(feeRate).setScale(16, RoundingMode.HALF_EVEN));
            assertThat(new BigDecimal(order[12])).isEqualByComparingTo(fill[8]);
            BigDecimal held = positions.getOrDefault(instance, BigDecimal.ZERO);
            if (side.equals("BUY")) {
                assertThat(held).as("%s buys while flat", instance).isZero();
                positions.put(instance, quantity);
            } else {
                assertThat(quantity).as("%s sells what it holds", instance).isEqualByComparingTo(held);
                positions.put(instance, BigDecimal.ZERO);
            }
            fillsPerInstance.merge(instance, 1, Integer::sum);
        }
        return fillsPerInstance;
    }

    private static List<String[]> rows(Path csv, String headerStart) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith(headerStart);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }
}
