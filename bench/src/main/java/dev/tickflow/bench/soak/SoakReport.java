package dev.tickflow.bench.soak;

import dev.tickflow.bench.NearestRank;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** What a soak run showed: each sample as it was taken, and the summary of the whole run. */
public final class SoakReport {
    /** A lag counts as growing when the last third's median is this many times the first third's ... */
    private static final double GROWTH_FACTOR = 2.0;
    /** ... and more than this many records: a few hundred records of lag are one poll's worth. */
    private static final long GROWTH_FLOOR = 5_000;
    private static final double MB = 1024 * 1024;

    /** One sample: every service's memory, every group's lag, and the close-to-order latencies of the orders seen since the last sample. */
    public record Sample(Instant at, List<ServiceMemory> memory, Map<String, Long> lagByGroup, List<Long> latenciesMs) {
    }

    private final List<Sample> samples = new ArrayList<>();

    public void add(Sample sample) {
        samples.add(sample);
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /**
     * The newest sample, for example {@code 02:10:00 | orders 12 p50 150 ms p99 180 ms | lag aggregate 120 strategy 3 executor 0 |
     * heap/old/rss MB, % in GC aggregate 80/41/250 1.2% ...}: the share of the time in GC since the sample before (since
     * the service started for the first).
     */
    public String lastLine() {
        Sample sample = samples.get(samples.size() - 1);
        String lags = sample.lagByGroup().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" "));
        String memory = sample.memory().stream().map(m -> String.format("%s %.0f/%.0f/%.0f %.1f%%", m.service(), m.heapUsedBytes() / MB,
                m.oldGenUsedBytes() / MB, m.rssBytes() / MB, gcPercent(samples.size() - 1, m))).collect(Collectors.joining(" "));
        List<Long> sorted = sample.latenciesMs().stream().sorted().toList();
        String orders = sorted.isEmpty() ? "orders 0" : String.format("orders %d p50 %d ms p99 %d ms", sorted.size(),
                NearestRank.percentile(sorted, 0.50), NearestRank.percentile(sorted, 0.99));
        return String.format("%s | %s | lag %s | heap/old/rss MB, %% in GC %s", sample.at().toString().substring(11, 19), orders, lags, memory);
    }

    private double gcPercent(int index, ServiceMemory now) {
        ServiceMemory.GcTime since = new ServiceMemory.GcTime(0, 0);
        if (index > 0) {
            for (ServiceMemory before : samples.get(index - 1).memory()) {
                if (before.service().equals(now.service()) && before.pid() == now.pid()) {
                    since = before.gc();
                }
            }
        }
        return now.gc().percentSince(since);
    }

    /** The summary, one line: the figures docs/performance.md records. */
    public String summary(Duration elapsed) {
        List<Long> latencies = samples.stream().flatMap(s -> s.latenciesMs().stream()).sorted().toList();
        StringBuilder line = new StringBuilder(String.format("soak: minutes=%.1f samples=%d orders=%d close_to_order_p50_ms=%s close_to_order_p99_ms=%s",
                elapsed.toSeconds() / 60.0, samples.size(), latencies.size(),
                latencies.isEmpty() ? "n/a" : NearestRank.percentile(latencies, 0.50), latencies.isEmpty() ? "n/a" : NearestRank.percentile(latencies, 0.99)));
        maxByService(ServiceMemory::heapUsedBytes).forEach((service, max) -> line.append(String.format(" %s_max_heap_mb=%.0f", service, max / MB)));
        maxByService(ServiceMemory::oldGenUsedBytes).forEach((service, max) -> line.append(String.format(" %s_max_old_mb=%.0f", service, max / MB)));
        maxByService(ServiceMemory::rssBytes).forEach((service, max) -> line.append(String.format(" %s_max_rss_mb=%.0f", service, max / MB)));
        Map<String, Double> maxGc = new LinkedHashMap<>();
        for (int i = 1; i < samples.size(); i++) {
            for (ServiceMemory m : samples.get(i).memory()) {
                maxGc.merge(m.service(), gcPercent(i, m), Math::max);
            }
        }
        maxGc.forEach((service, max) -> line.append(String.format(" %s_max_gc_pct=%.1f", service, max)));
        lagTrends().forEach((group, trend) -> line.append(' ').append(group).append("_lag=").append(trend));
        return line.toString();
    }

    private Map<String, Long> maxByService(ToLongFunction<ServiceMemory> figure) {
        Map<String, Long> max = new LinkedHashMap<>();
        samples.forEach(sample -> sample.memory().forEach(m -> max.merge(m.service(), figure.applyAsLong(m), Math::max)));
        return max;
    }

    /** Per group: {@code steady(first-third median->last-third median,max N)} or {@code growing(...)}. */
    Map<String, String> lagTrends() {
        Map<String, String> trends = new LinkedHashMap<>();
        if (samples.isEmpty()) {
            return trends;
        }
        int third = Math.max(1, samples.size() / 3);
        for (String group : samples.get(0).lagByGroup().keySet()) {
            List<Long> lags = samples.stream().map(s -> s.lagByGroup().getOrDefault(group, 0L)).toList();
            long first = median(lags.subList(0, third));
            long last = median(lags.subList(lags.size() - third, lags.size()));
            long max = lags.stream().mapToLong(Long::longValue).max().orElse(0);
            boolean growing = last > GROWTH_FLOOR && last > first * GROWTH_FACTOR;
            trends.put(group, String.format("%s(%d->%d,max%d)", growing ? "growing" : "steady", first, last, max));
        }
        return trends;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
