package dev.tickflow.bench.soak;

import dev.tickflow.localstack.process.PidFile;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.serde.AvroSerde;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Samples a running {@code tickflow up} every {@code interval} for {@code duration}: the memory of each service whose
 * pid file is in {@code runDirectory}, the lag of each Streams application and of the API, and the close-to-order
 * latencies the probe saw. Prints a line per sample and returns the report.
 */
public final class SoakMonitor {
    private final Path runDirectory;
    private final List<String> services;
    private final Map<String, String> groupsByLabel;
    private final ConsumerLag lag;
    private final Optional<ApiLag> apiLag;
    private final CloseToOrderProbe probe;
    private final Clock clock;
    private final PrintWriter out;

    SoakMonitor(Path runDirectory, List<String> services, Map<String, String> groupsByLabel, ConsumerLag lag, Optional<ApiLag> apiLag,
                CloseToOrderProbe probe, Clock clock, PrintWriter out) {
        this.runDirectory = runDirectory;
        this.services = services;
        this.groupsByLabel = groupsByLabel;
        this.lag = lag;
        this.apiLag = apiLag;
        this.probe = probe;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Attaches to the stack whose pid files are in {@code runDirectory} and samples it.
     *
     * @param kafkaClient    the clients' Kafka settings (bootstrap servers and security)
     * @param serde          the serde settings (schema registry)
     * @param groupsByLabel  the consumer groups (Streams application ids) whose lag to watch, by a short label
     * @param apiHealth      the API's {@code GET /health}, whose lag to watch as {@code api}, if it runs
     */
    public static SoakReport run(Map<String, Object> kafkaClient, Map<String, Object> serde, String ordersTopic, long graceMs, Path runDirectory,
                                 List<String> services, Map<String, String> groupsByLabel, Optional<URI> apiHealth, Duration duration,
                                 Duration interval, PrintWriter out) throws InterruptedException {
        Map<String, Object> consumer = new HashMap<>(kafkaClient);
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "tickflow-soak");
        try (Admin admin = Admin.create(kafkaClient);
             AvroSerde<OrderEvent> orders = AvroSerde.forClass(OrderEvent.class, serde, false);
             CloseToOrderProbe probe = new CloseToOrderProbe(consumer, orders.deserializer(), ordersTopic, graceMs, System::currentTimeMillis)) {
            out.printf("soak: sampling %s every %s for %s; each line: time | orders seen and their close-to-order latency | consumer lag"
                    + " in records | heap used / old generation used / resident MB and the share of the time in GC pauses since the sample before, per service%n", String.join(", ", services), interval, duration);
            SoakMonitor monitor = new SoakMonitor(runDirectory, services, groupsByLabel, new ConsumerLag(admin, Duration.ofSeconds(10)),
                    apiHealth.map(ApiLag::new), probe, Clock.systemUTC(), out);
            return monitor.run(duration, interval);
        }
    }

    SoakReport run(Duration duration, Duration interval) throws InterruptedException {
        Thread reader = new Thread(probe, "soak-orders");
        reader.setDaemon(true);
        reader.start();
        SoakReport report = new SoakReport();
        boolean warnedOfSimulatedTime = false;
        Instant start = clock.instant();
        Instant end = start.plus(duration);
        for (long tick = 1; ; tick++) {
            Instant next = start.plus(interval.multipliedBy(tick));
            Instant due = next.isAfter(end) ? end : next;
            Thread.sleep(Math.max(0, Duration.between(clock.instant(), due).toMillis()));
            SoakReport.Sample sample = new SoakReport.Sample(clock.instant(), memory(), lags(), probe.drain());
            report.add(sample);
            if (!warnedOfSimulatedTime && probe.ordersAheadOfTheClock() > 0) {
                warnedOfSimulatedTime = true;
                out.println("soak: " + probe.ordersAheadOfTheClock() + " orders came before their candle could close by this clock: the"
                        + " market runs faster than real time, so close-to-order is not measured (start up with --speed 1 for it)");
            }
            out.println(report.lastLine());
            out.flush();
            if (!due.isBefore(end)) {
                return report;
            }
        }
    }

    private List<ServiceMemory> memory() throws InterruptedException {
        List<ServiceMemory> memory = new ArrayList<>();
        for (String service : services) {
            Optional<Long> pid = PidFile.read(runDirectory.resolve(service + ".pid")).flatMap(PidFile::runningProcess).map(ProcessHandle::pid);
            if (pid.isEmpty()) {
                throw new IllegalStateException(service + " is not running (no live pid in " + runDirectory + "): the soak ends here."
                        + " Look at its log in the data directory's logs/ and start 'tickflow up' again.");
            }
            try {
                memory.add(ServiceMemory.measure(service, pid.get()));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot measure " + service + "'s memory: " + e.getMessage(), e);
            }
        }
        return memory;
    }

    private Map<String, Long> lags() throws InterruptedException {
        Map<String, Long> lags = new LinkedHashMap<>();
        for (Map.Entry<String, String> group : groupsByLabel.entrySet()) {
            try {
                lags.put(group.getKey(), lag.of(group.getValue()));
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Cannot read the lag of " + group.getValue() + " (is the broker up?): " + e.getMessage(), e);
            }
        }
        if (apiLag.isPresent()) {
            try {
                lags.put("api", apiLag.get().read());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the API's lag from its /health (is it up? its log is in the data directory's"
                        + " logs/): " + e.getMessage(), e);
            }
        }
        return lags;
    }
}
