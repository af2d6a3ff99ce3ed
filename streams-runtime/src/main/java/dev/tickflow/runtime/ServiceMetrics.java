package dev.tickflow.runtime;

import dev.tickflow.serde.RegistryAvailability;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A service's meters: JVM and process metrics, the schema registry's availability as the serde sees it
 * ({@value #REGISTRY_WAITS}, {@value #REGISTRY_OUTAGE}), the hop latencies its processors record ({@link HopLatency}), and
 * every Kafka Streams client metric (or the service's own),
 * in Prometheus' text format.
 */
public final class ServiceMetrics implements AutoCloseable {
    /** Counter: each back-off of a serde call waiting for an unavailable schema registry. */
    public static final String REGISTRY_WAITS = "tickflow.registry.unavailable";
    /** Gauge, seconds: how long the schema registry has been unavailable; 0 while it answers. */
    public static final String REGISTRY_OUTAGE = "tickflow.registry.outage";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private KafkaStreamsMetrics streamsMetrics;

    /** The JVM and process meters, each tagged {@code service}. */
    public ServiceMetrics(String service) {
        registry.config().commonTags("service", service);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        bindRegistryAvailability(RegistryAvailability.shared());
        // the processors' hop timers (HopLatency) record into the global registry
        Metrics.addRegistry(registry);
    }

    private void bindRegistryAvailability(RegistryAvailability availability) {
        FunctionCounter.builder(REGISTRY_WAITS, availability, RegistryAvailability::waits)
                .description("Waits of the Avro serde for an unavailable schema registry (each back-off before a retry)")
                .register(registry);
        Gauge.builder(REGISTRY_OUTAGE, availability, a -> a.currentOutage().map(d -> d.toMillis() / 1000.0).orElse(0.0))
                .baseUnit("seconds")
                .description("How long the schema registry has been unavailable; 0 while it answers")
                .register(registry);
    }

    /** Binds the client's metrics; those of its threads and tasks are picked up as they appear (the binder re-checks every minute). */
    void bind(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    /** Where a service registers meters of its own. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        gcMetrics.close();
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
