package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickflow.localstack.process.ProcessLogs;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Signal;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.serde.SerdeConfig;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import dev.tickflow.topics.TopicSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * starts the broker, the registry and every service; candles, signals, orders and fills flow; every endpoint of the
 * API answers with the stack's data; SIGTERM stops every part cleanly; started again on the same directory it still
 * has the topics, the earlier candles, orders and positions and the schema ids, and new candles and signals follow the
 * earlier ones (the simulator continues after the trades already written). A SIGKILL of up takes every part with it,
 * and the next up on the same directory starts.
 */
class UpIT {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration FLOW_TIMEOUT = Duration.ofMinutes(2);
    /** The parts' watchdogs stop them within a second, or halt them 30 s later: generous for a loaded machine. */
    private static final Duration PARTS_GONE_TIMEOUT = Duration.ofSeconds(90);
    private static final TopicCatalog CATALOG = TopicCatalog.defaults();
    private static final String CANDLES = CATALOG.candles(CandleInterval.ONE_MINUTE).name();
    private static final String SIGNALS = CATALOG.signals().name();
    private static final String ORDERS = CATALOG.orders().name();
    private static final String FILLS = CATALOG.fills().name();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        assertThat(running.output()).contains("ingest", "aggregate", "strategy", "executor", "api", "ready", "127.0.0.1:" + ports.kafka,
                "http://127.0.0.1:" + ports.aggregate + "/health", "paper broker",
                "Dashboard: http://127.0.0.1:" + ports.api + "/", "API docs:  http://127.0.0.1:" + ports.api + "/docs");

        Read first = Read.until(ports, read -> read.candles.size() >= 10 && !read.signals.isEmpty() && !read.fills.isEmpty(), FLOW_TIMEOUT);
        assertThat(first.signals).as("signals within %s of the start; up's output:%n%s", FLOW_TIMEOUT, running.tail()).isNotEmpty();
        assertThat(first.orders).as("orders from the signals (paper broker)").isNotEmpty()
                .allSatisfy(order -> assertThat(order.getBroker()).isEqualTo("paper"));
        assertThat(first.fills).as("fills of those orders").isNotEmpty();
        assertThat(first.candles).as("exact decimals and whole minutes").allSatisfy(candle -> {
            assertThat(candle.getOpenTime().toEpochMilli() % 60_000).isZero();
            assertThat(candle.getCloseTime()).isEqualTo(candle.getOpenTime().plusMillis(59_999));
            assertThat(candle.getHigh()).isGreaterThanOrEqualTo(candle.getLow());
        });
        assertThat(first.candles.stream().map(Candle::getSymbol).collect(Collectors.toSet())).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
        List<ProcessHandle> parts = running.descendants();
        assertThat(parts).as("broker, registry and five services").hasSizeGreaterThanOrEqualTo(7);

        Api api = new Api(ports.api);
        Set<String> ordersBefore = api.everyGetEndpointAnswersWithTheStacksData(first);
        JsonNode positionsBefore = api.get("/positions");
        api.symbolsCanBeAddedAndRemoved("SOLUSDT");
        api.pushesLiveEventsOverTheWebSocket();

        assertThat(running.output()).as("the status line")
                .containsPattern("trades [\\d,]+ \\| candles 1m [\\d,]+ \\| signals [\\d,]+ \\| orders [\\d,]+ \\| fills [\\d,]+");
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
        assertThat(api.orderIds()).as("the API still serves the earlier orders after the restart").containsAll(ordersBefore);
        assertThat(api.positionKeys(api.get("/positions"))).as("and every earlier position")
                .containsAll(api.positionKeys(positionsBefore));

        running.stopAndExpectCleanExit();
    }

    @Test
    void aSigkillOfUpTakesEveryPartWithItAndTheNextUpStarts() throws Exception {
        running = Up.start(dataDir, ports, "killed");
        running.awaitUp();
        List<ProcessHandle> parts = running.descendants();
        assertThat(parts).as("broker, registry and five services").hasSizeGreaterThanOrEqualTo(7);
        assertThat(dataDir.resolve("run")).as("each part recorded").isDirectoryContaining("glob:**/kafka.pid")
                .isDirectoryContaining("glob:**/registry.pid").isDirectoryContaining("glob:**/api.pid");

        long killed = System.nanoTime();
        running.process().toHandle().destroyForcibly();
        assertThat(running.process().waitFor(30, TimeUnit.SECONDS)).as("up is killed").isTrue();
        long deadline = killed + PARTS_GONE_TIMEOUT.toNanos();
        while (parts.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(parts).as("no part outlives a SIGKILL of up by %s", PARTS_GONE_TIMEOUT).noneMatch(ProcessHandle::isAlive);
        System.out.printf("UpIT: every part of the killed up was gone %.1f s after the SIGKILL%n", (System.nanoTime() - killed) / 1e9);
        for (int port : List.of(ports.kafka, ports.controller, ports.registry, ports.api)) {
            try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(free.getLocalPort()).as("port %d is free again", port).isEqualTo(port);
            }
        }

        running = Up.start(dataDir, ports, "after-kill");
        running.awaitUp();
        running.stopAndExpectCleanExit();
    }

    /** Eight free ports on 127.0.0.1. */
    record Ports(int kafka, int controller, int registry, int ingest, int aggregate, int strategy, int executor, int api) {
        static Ports free() {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
                }
                int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
                return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
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
                    "--port", "executor=" + ports.executor, "--port", "api=" + ports.api, "--status-interval", "1s"));
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
                    "strategy stopped (exit code 143)", "executor stopped (exit code 143)", "api stopped (exit code 143)");
            assertThat(stopping.indexOf("api stopped")).isLessThan(stopping.indexOf("schema registry stopped"));
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

    /** Everything in md.candles.1m, strategy.signals, oms.orders and oms.fills (committed), decoded, with the schema ids they were written with. */
    static final class Read {
        final List<Candle> candles = new ArrayList<>();
        final List<Signal> signals = new ArrayList<>();
        final List<OrderEvent> orders = new ArrayList<>();
        final List<Fill> fills = new ArrayList<>();
        final Set<Integer> schemaIds = new TreeSet<>();

        static Read until(Ports ports, Predicate<Read> done, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            Read read = new Read();
            AvroDeserializer<Candle> candles = new AvroDeserializer<>(Candle.class);
            candles.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, ports.registryUrl()), false);
            AvroDeserializer<Signal> signals = new AvroDeserializer<>(Signal.class);
            signals.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, ports.registryUrl()), false);
            AvroDeserializer<OrderEvent> orders = new AvroDeserializer<>(OrderEvent.class);
            orders.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, ports.registryUrl()), false);
            AvroDeserializer<Fill> fills = new AvroDeserializer<>(Fill.class);
            fills.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, ports.registryUrl()), false);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ports.bootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, "up-it-" + System.nanoTime(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(CANDLES, SIGNALS, ORDERS, FILLS));
                while (!done.test(read) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        read.schemaIds.add(ByteBuffer.wrap(record.value(), 1, 4).getInt());
                        if (record.topic().equals(CANDLES)) {
                            read.candles.add(candles.deserialize(record.topic(), record.value()));
                        } else if (record.topic().equals(SIGNALS)) {
                            read.signals.add(signals.deserialize(record.topic(), record.value()));
                        } else if (record.topic().equals(ORDERS)) {
                            read.orders.add(orders.deserialize(record.topic(), record.value()));
                        } else {
                            read.fills.add(fills.deserialize(record.topic(), record.value()));
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

    /** The API of the running stack, as a client sees it. */
    record Api(int port) {
        private static final Duration DATA_TIMEOUT = Duration.ofSeconds(60);

        /**
         * Every GET endpoint of the OpenAPI description (except /ws, see below) answers 200 with the stack's data;
         * returns the client order ids /orders serves.
         */
        Set<String> everyGetEndpointAnswersWithTheStacksData(Read read) throws Exception {
            assertThat(get("/health").path("caughtUp").asBoolean()).as("/health: caught up").isTrue();
            awaitNonEmpty("/orders?limit=10000");
            awaitNonEmpty("/trades");
            awaitNonEmpty("/positions");
            String symbol = read.fills.get(0).getSymbol();
            String instance = read.fills.get(0).getStrategyInstance();
            JsonNode openApi = get("/openapi.json");
            List<String> paths = new ArrayList<>();
            openApi.path("paths").fieldNames().forEachRemaining(path -> {
                if (openApi.path("paths").path(path).has("get") && !path.equals("/ws")) {
                    paths.add(path);
                }
            });
            assertThat(paths).as("the GET endpoints of openapi.json").contains("/health", "/symbols", "/candles", "/candles/{symbol}",
                    "/indicators/{symbol}", "/ticks", "/positions", "/positions/{symbol}", "/trades", "/orders", "/signals", "/strategy",
                    "/instances", "/instances/{instance}", "/operator/commands", "/operator/events");
            Set<String> objects = Set.of("/health", "/strategy", "/instances/{instance}");
            Set<String> emptyWithoutAnOperator = Set.of("/operator/commands", "/operator/events");
            for (String path : paths) {
                JsonNode body = get(path.replace("{symbol}", symbol).replace("{instance}", instance));
                if (objects.contains(path)) {
                    assertThat(body.isObject()).as("GET %s: an object, got %s", path, abbreviate(body)).isTrue();
                } else if (emptyWithoutAnOperator.contains(path)) {
                    assertThat(body.isArray()).as("GET %s: a list, got %s", path, abbreviate(body)).isTrue();
                } else {
                    assertThat(body.isArray() && !body.isEmpty()).as("GET %s: a non-empty list, got %s", path, abbreviate(body)).isTrue();
                }
            }
            assertThat(get("/strategy").path("instances")).as("/strategy: instances A and B").hasSize(2);
            assertThat(get("/candles/" + symbol + "?interval=1m&limit=3")).as("limit").hasSize(3)
                    .allSatisfy(candle -> assertThat(candle.path("symbol").asText()).isEqualTo(symbol));
            assertThat(get("/trades?instance=" + instance + "&symbol=" + symbol)).as("fills by instance and symbol").isNotEmpty()
                    .allSatisfy(fill -> assertThat(fill.path("strategyInstance").asText() + fill.path("symbol").asText()).isEqualTo(instance + symbol));
            assertThat(get("/positions/" + symbol)).allSatisfy(position -> assertThat(position.path("symbol").asText()).isEqualTo(symbol));
            assertThat(get("/signals").findValuesAsText("signalId")).as("the signals of strategy.signals")
                    .containsAnyElementsOf(read.signals.stream().map(Signal::getSignalId).toList());
            assertThat(send("GET", "/candles/NOSUCHCOIN").statusCode()).as("an unknown symbol").isEqualTo(404);
            assertThat(send("GET", "/candles/" + symbol + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").statusCode())
                    .as("a bad time range").isEqualTo(400);
            for (String page : List.of("/", "/docs")) {
                HttpResponse<String> response = send("GET", page);
                assertThat(response.statusCode()).as("GET %s", page).isEqualTo(200);
                assertThat(response.body()).as("GET %s", page).contains("<html");
            }
            return orderIds();
        }

        /** POST and DELETE /symbols/{symbol} write control.symbols; GET /symbols reads it back. */
        void symbolsCanBeAddedAndRemoved(String symbol) throws Exception {
            assertThat(send("POST", "/symbols/" + symbol).statusCode()).as("POST /symbols/%s", symbol).isEqualTo(202);
            awaitSymbol(symbol, control -> control.equals("ENABLED"));
            assertThat(send("DELETE", "/symbols/" + symbol).statusCode()).as("DELETE /symbols/%s", symbol).isEqualTo(202);
            awaitSymbol(symbol, control -> control.isEmpty() || control.equals("null"));
            assertThat(send("POST", "/symbols/not-a-symbol!").statusCode()).as("a malformed symbol").isEqualTo(400);
        }

        /** The WebSocket at /ws pushes {"type": ..., "data": ...} messages as they happen. */
        void pushesLiveEventsOverTheWebSocket() throws Exception {
            CompletableFuture<String> first = new CompletableFuture<>();
            WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        first.complete(text.toString());
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            try {
                JsonNode message = JSON.readTree(first.get(30, TimeUnit.SECONDS));
                assertThat(message.path("type").asText()).isIn("candle", "signal", "order", "fill", "tick", "indicator");
                assertThat(message.has("data")).isTrue();
            } finally {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            }
        }

        Set<String> orderIds() throws Exception {
            return new TreeSet<>(get("/orders?limit=10000").findValuesAsText("clientOrderId"));
        }

        Set<String> positionKeys(JsonNode positions) {
            Set<String> keys = new TreeSet<>();
            positions.forEach(position -> keys.add(position.path("strategyInstance").asText() + "/" + position.path("symbol").asText()));
            return keys;
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> response = send("GET", path);
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        HttpResponse<String> send(String method, String path) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }

        private void awaitNonEmpty(String path) throws Exception {
            long deadline = System.nanoTime() + DATA_TIMEOUT.toNanos();
            while (get(path).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    fail("GET " + path + " stayed empty for " + DATA_TIMEOUT);
                }
                Thread.sleep(500);
            }
        }

        private void awaitSymbol(String symbol, Predicate<String> control) throws Exception {
            long deadline = System.nanoTime() + DATA_TIMEOUT.toNanos();
            while (true) {
                JsonNode symbols = get("/symbols");
                String state = "";
                for (JsonNode entry : symbols) {
                    if (entry.path("symbol").asText().equals(symbol)) {
                        state = entry.path("control").isNull() ? "null" : entry.path("control").asText();
                    }
                }
                if (control.test(state)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    fail("GET /symbols: " + symbol + " has control '" + state + "' after " + DATA_TIMEOUT + ": " + abbreviate(symbols));
                }
                Thread.sleep(500);
            }
        }

        private static String abbreviate(JsonNode body) {
            String text = body.toString();
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }
}
