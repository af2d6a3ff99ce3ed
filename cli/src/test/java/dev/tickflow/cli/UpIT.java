package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Signal;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.serde.SerdeConfig;
import dev.tickflow.testkit.ProcessLogs;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import dev.tickflow.topics.TopicSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tickflow up} end to end, as a user runs it: in its own JVM on free ports with a fresh data directory, it
 * starts the broker, the registry and every service; candles and signals flow; SIGTERM stops every part cleanly;
 * started again on the same directory it still has the topics, the earlier candles and the schema ids, and new
 * candles and signals follow the earlier ones (the simulator continues after the trades already written).
 */
class UpIT {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration FLOW_TIMEOUT = Duration.ofMinutes(2);
    private static final TopicCatalog CATALOG = TopicCatalog.defaults();
    private static final String CANDLES = CATALOG.candles(CandleInterval.ONE_MINUTE).name();
    private static final String SIGNALS = CATALOG.signals().name();

    private final Path dataDir = Path.of("target", "it-up", "data-" + System.nanoTime()).toAbsolutePath();
    private final Ports ports = Ports.free();
    private Up running;

    @AfterEach
    void stopLeftovers() {
        if (running != null) {
            running.kill();
        }
    }

    @Test
    void runsTheWholePipelineStopsCleanlyAndContinuesAfterARestart() throws Exception {
        running = Up.start(dataDir, ports, "first");
        running.awaitUp();
        assertThat(running.output()).contains("ingest", "aggregate", "strategy", "ready", "127.0.0.1:" + ports.kafka,
                "http://127.0.0.1:" + ports.aggregate + "/health");

        Read first = Read.until(ports, read -> read.candles.size() >= 10 && !read.signals.isEmpty(), FLOW_TIMEOUT);
        assertThat(first.signals).as("signals within %s of the start; up's output:%n%s", FLOW_TIMEOUT, running.tail()).isNotEmpty();
        assertThat(first.candles).as("exact decimals and whole minutes").allSatisfy(candle -> {
            assertThat(candle.getOpenTime().toEpochMilli() % 60_000).isZero();
            assertThat(candle.getCloseTime()).isEqualTo(candle.getOpenTime().plusMillis(59_999));
            assertThat(candle.getHigh()).isGreaterThanOrEqualTo(candle.getLow());
        });
        assertThat(first.candles.stream().map(Candle::getSymbol).collect(Collectors.toSet())).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
        List<ProcessHandle> parts = running.descendants();
        assertThat(parts).as("broker, registry and three services").hasSizeGreaterThanOrEqualTo(5);

        assertThat(running.output()).as("the status line").containsPattern("trades [\\d,]+ \\| candles 1m [\\d,]+ \\| signals [\\d,]+");
        running.stopAndExpectCleanExit();
        assertThat(parts).as("no part outlives up").noneMatch(ProcessHandle::isAlive);

        running = Up.start(dataDir, ports, "second");
        running.awaitUp();
        assertThat(running.output()).contains("0 created, " + CATALOG.all().size() + " already there", "continuing at");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ports.bootstrap()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(CATALOG.all().stream().map(TopicSpec::name).toList());
        }
        Instant lastBefore = first.lastOpenTime();
        Read second = Read.until(ports,
                read -> read.lastOpenTime().isAfter(lastBefore.plus(Duration.ofMinutes(5))) && read.signals.size() > first.signals.size(),
                FLOW_TIMEOUT);
        assertThat(second.candleKeys()).as("the earlier candles are still there").containsAll(first.candleKeys());
        assertThat(second.lastOpenTime()).as("new candles after the earlier ones; up's output:%n%s", running.tail())
                .isAfter(lastBefore.plus(Duration.ofMinutes(5)));
        assertThat(second.signals.size()).as("new signals").isGreaterThan(first.signals.size());
        assertThat(second.schemaIds).as("the same schema ids before and after the restart").isEqualTo(first.schemaIds);
        assertThat(second.duplicateCandles()).as("no candle twice").isEmpty();

        running.stopAndExpectCleanExit();
    }

    /** Six free ports on 127.0.0.1. */
    record Ports(int kafka, int controller, int registry, int ingest, int aggregate, int strategy) {
        static Ports free() {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
                }
                int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
                return new Ports(p[0], p[1], p[2], p[3], p[4], p[5]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                sockets.forEach(socket -> {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // best effort
                    }
                });
            }
        }

        String bootstrap() {
            return "127.0.0.1:" + kafka;
        }

        String registryUrl() {
            return "http://127.0.0.1:" + registry + "/apis/ccompat/v7";
        }
    }

    /** {@code tickflow up} in its own JVM, its output in target/it-logs. */
    record Up(Process process, Path log) {
        static Up start(Path dataDir, Ports ports, String run) throws IOException {
            Path log = Files.createDirectories(Path.of("target", "it-logs")).resolve("up-" + run + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
            for (String property : List.of("tickflow.apicurio.zip", "tickflow.cache.dir")) {
                if (System.getProperty(property) != null) {
                    command.add("-D" + property + "=" + System.getProperty(property));
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), TickflowCommand.class.getName(), "up",
                    "--data-dir", dataDir.toString(), "--kafka-port", Integer.toString(ports.kafka),
                    "--controller-port", Integer.toString(ports.controller), "--registry-port", Integer.toString(ports.registry),
                    "--port", "ingest=" + ports.ingest, "--port", "aggregate=" + ports.aggregate, "--port", "strategy=" + ports.strategy,
                    "--status-interval", "1s"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Up(process, log);
        }

        void awaitUp() throws Exception {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail("tickflow up exited with " + process.exitValue() + ":\n" + tail());
                }
                if (output().contains("Tickflow is up")) {
                    return;
                }
                Thread.sleep(500);
            }
            fail("tickflow up was not up within " + READY_TIMEOUT + ":\n" + tail());
        }

        List<ProcessHandle> descendants() {
            return process.descendants().toList();
        }

        /** SIGTERM, as Ctrl+C or an orchestrator stops it: services first, then the registry and the broker. */
        void stopAndExpectCleanExit() throws Exception {
            process.destroy();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("up stops on SIGTERM:%n%s", tail()).isTrue();
            assertThat(process.exitValue()).as("exit code after SIGTERM").isEqualTo(ServiceProcess.EXIT_SIGTERM);
            String output = output();
            String stopping = output.substring(output.indexOf("Stopping ..."));
            assertThat(stopping).contains("ingest stopped (exit code 143)", "aggregate stopped (exit code 143)",
                    "strategy stopped (exit code 143)");
            assertThat(stopping.indexOf("strategy stopped")).isLessThan(stopping.indexOf("schema registry stopped"));
            assertThat(stopping.indexOf("schema registry stopped")).isLessThan(stopping.indexOf("Kafka broker stopped"));
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        String tail() {
            return ProcessLogs.tail(log, 40);
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Everything in md.candles.1m and strategy.signals (committed), decoded, with the schema ids they were written with. */
    static final class Read {
        final List<Candle> candles = new ArrayList<>();
        final List<Signal> signals = new ArrayList<>();
        final Set<Integer> schemaIds = new TreeSet<>();

        static Read until(Ports ports, Predicate<Read> done, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            Read read = new Read();
            AvroDeserializer<Candle> candles = new AvroDeserializer<>(Candle.class);
            candles.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, ports.registryUrl()), false);
            AvroDeserializer<Signal> signals = new AvroDeserializer<>(Signal.class);
            signals.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, ports.registryUrl()), false);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ports.bootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, "up-it-" + System.nanoTime(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(CANDLES, SIGNALS));
                while (!done.test(read) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        read.schemaIds.add(ByteBuffer.wrap(record.value(), 1, 4).getInt());
                        if (record.topic().equals(CANDLES)) {
                            read.candles.add(candles.deserialize(record.topic(), record.value()));
                        } else {
                            read.signals.add(signals.deserialize(record.topic(), record.value()));
                        }
                    }
                }
            }
            return read;
        }

        Instant lastOpenTime() {
            return candles.stream().map(Candle::getOpenTime).max(Instant::compareTo).orElse(Instant.EPOCH);
        }

        Set<String> candleKeys() {
            return candles.stream().map(c -> c.getSymbol() + "@" + c.getOpenTime()).collect(Collectors.toCollection(TreeSet::new));
        }

        List<String> duplicateCandles() {
            Set<String> seen = new TreeSet<>();
            return candles.stream().map(c -> c.getSymbol() + "@" + c.getOpenTime()).filter(key -> !seen.add(key)).toList();
        }
    }
}
