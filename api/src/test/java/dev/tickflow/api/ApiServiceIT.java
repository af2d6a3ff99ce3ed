package dev.tickflow.api;

import static dev.tickflow.api.ApiFixture.BTC;
import static dev.tickflow.api.ApiFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickflow.api.ApiFixture.Response;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.schema.SymbolCommand;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The API in-process, as {@code tickflow api} runs it, on a real broker and registry: every endpoint. */
@WithKafka
@WithSchemaRegistry
class ApiServiceIT {

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get(field).asText()).toList();
    }

    private static ApiService startAndAwaitCaughtUp(ApiFixture fixture, Map<String, String> extra, StringWriter output) {
        ApiService api = new ApiService(fixture.config(extra), new PrintWriter(output, true));
        api.start();
        await().atMost(Duration.ofSeconds(30)).until(api::ready);
        return api;
    }

    @Test
    void servesEveryEndpointFromWhatTheTopicsHold(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        ApiFixture fixture = new ApiFixture(broker, registry, topics);
        fixture.produceHistory();
        StringWriter output = new StringWriter();
        try (ApiService api = startAndAwaitCaughtUp(fixture, Map.of(), output)) {
            URI base = api.url();
            assertThat(base.toString()).startsWith("http://127.0.0.1:").endsWith("/");
            assertThat(output.toString()).contains("api: dashboard on " + base, "/docs", "/ws");

            // health
            Response health = fixture.get(base, "/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.json().get("caughtUp").asBoolean()).isTrue();
            assertThat(health.json().get("consumerLag").asLong()).isZero();
            assertThat(health.json().get("viewBounds").get("candlesPerSymbolAndInterval").asInt()).isEqualTo(1000);

            // symbols
            Response symbols = fixture.get(base, "/symbols");
            assertThat(symbols.status()).isEqualTo(200);
            assertThat(texts(symbols.json(), "symbol")).containsExactly(BTC, ETH);
            assertThat(symbols.json().get(1).get("control").asText()).isEqualTo("ENABLED");
            assertThat(symbols.json().get(0).get("control").isNull()).isTrue();
            assertThat(symbols.json().get(0).get("lastPrice").asText()).isEqualTo("97291.50000000");

            // candles of a symbol: oldest first, exact decimals, ISO instants; range and limit
            Response candles = fixture.get(base, "/candles/btcusdt?interval=1m");
            assertThat(candles.status()).isEqualTo(200);
            assertThat(candles.json()).hasSize(ApiFixture.CANDLES);
            JsonNode first = candles.json().get(0);
            assertThat(first.get("openTime").asText()).isEqualTo("2026-01-15T10:00:00Z");
            assertThat(first.get("close").asText()).isEqualTo("97000.12000000");
            assertThat(first.get("close").isTextual()).isTrue();
            Response window = fixture.get(base, "/candles/BTCUSDT?from=2026-01-15T10:05:00Z&to=2026-01-15T10:10:00Z&limit=3");
            assertThat(texts(window.json(), "openTime")).containsExactly("2026-01-15T10:07:00Z", "2026-01-15T10:08:00Z", "2026-01-15T10:09:00Z");
            Response byMillis = fixture.get(base, "/candles/BTCUSDT?from=" + ApiFixture.T0.plusSeconds(60 * 28).toEpochMilli());
            assertThat(byMillis.json()).hasSize(2);

            // latest candle per symbol
            Response latest = fixture.get(base, "/candles");
            assertThat(latest.status()).isEqualTo(200);
            assertThat(texts(latest.json(), "symbol")).containsExactly(BTC, ETH);
            assertThat(latest.json().get(0).get("close").asText()).isEqualTo(ApiFixture.btcClose(ApiFixture.CANDLES - 1) + "000000");

            // indicators
            Response indicators = fixture.get(base, "/indicators/BTCUSDT?instance=A&limit=5");
            assertThat(indicators.json()).hasSize(5);
            assertThat(texts(indicators.json(), "strategyInstance")).containsOnly("A");
            assertThat(indicators.json().get(4).get("sma").asText()).isEqualTo("97265.1200000000000000");
            assertThat(indicators.json().get(4).get("indicators").toString())
                    .isEqualTo("{\"ema\":\"97277.6200000000000000\",\"sma\":\"97265.1200000000000000\"}");
            assertThat(fixture.get(base, "/indicators/BTCUSDT?limit=4").json()).hasSize(8);

            // positions with exact PnL
            Response positions = fixture.get(base, "/positions");
            assertThat(texts(positions.json(), "strategyInstance")).containsExactly("A", "B");
            assertThat(positions.json().get(0).get("totalPnl").asText()).isEqualTo("-12.4796188812345678");
            assertThat(fixture.get(base, "/positions?instance=B").json()).hasSize(1);
            Response btcPositions = fixture.get(base, "/positions/BTCUSDT");
            assertThat(btcPositions.status()).isEqualTo(200);
            assertThat(btcPositions.json()).hasSize(2);
            assertThat(fixture.get(base, "/positions/ETHUSDT").json()).isEmpty();

            // fills, orders, signals, ticks, strategy
            Response trades = fixture.get(base, "/trades");
            assertThat(texts(trades.json(), "strategyInstance")).containsExactly("B", "A");
            assertThat(texts(fixture.get(base, "/trades?instance=A&symbol=BTCUSDT").json(), "tradeId")).containsExactly("1987654");
            assertThat(fixture.get(base, "/trades?symbol=ETHUSDT").json()).isEmpty();
            assertThat(fixture.get(base, "/trades?limit=1").json()).hasSize(1);
            Response orders = fixture.get(base, "/orders?instance=A");
            assertThat(texts(orders.json(), "status")).containsExactly("EXPIRED");
            assertThat(orders.json().get(0).get("averageFillPrice").asText()).isEqualTo("97249.9950000000000000");
            Response signals = fixture.get(base, "/signals?symbol=BTCUSDT");
            assertThat(texts(signals.json(), "action")).containsExactly("BUY");
            assertThat(signals.json().get(0).get("candleOpenTime").asText()).isEqualTo("2026-01-15T10:12:00Z");
            Response ticks = fixture.get(base, "/ticks");
            assertThat(texts(ticks.json(), "price")).containsExactly("97291.50000000", "3302.25000000");
            Response strategy = fixture.get(base, "/strategy");
            assertThat(strategy.status()).isEqualTo(200);
            assertThat(texts(strategy.json().get("instances"), "name")).containsExactly("A", "B");
            assertThat(strategy.json().get("instances").get(0).get("parameters").get("stop-loss").asText()).isEqualTo("0.15");

            // bad input: 4xx with a JSON message that says what to do
            assertError(fixture.get(base, "/candles/SOLUSDT"), 404, "Unknown symbol SOLUSDT");
            assertError(fixture.get(base, "/candles/BTC-USDT"), 400, "is not a symbol");
            assertError(fixture.get(base, "/candles/BTCUSDT?interval=5m"), 400, "Interval '5m' is not published: use one of [1m]");
            assertError(fixture.get(base, "/candles?interval=7x"), 400, "is not published");
            assertError(fixture.get(base, "/candles/BTCUSDT?from=2026-01-15T11:00:00Z&to=2026-01-15T10:00:00Z"), 400, "Bad time range");
            assertError(fixture.get(base, "/candles/BTCUSDT?from=noon"), 400, "is not a time");
            assertError(fixture.get(base, "/candles/BTCUSDT?limit=0"), 400, "limit");
            assertError(fixture.get(base, "/positions/XRPUSDT"), 404, "Unknown symbol");
            assertError(fixture.get(base, "/trades?symbol=a*"), 400, "is not a symbol");
            assertError(fixture.get(base, "/orders?instance=no%20such"), 400, "is not a strategy instance name");
            assertError(fixture.get(base, "/indicators/SOLUSDT"), 404, "Unknown symbol");
            assertError(fixture.get(base, "/no/such/endpoint"), 404, "No such endpoint");

            // OpenAPI, docs page, dashboard and their WebJars
            Response openApi = fixture.get(base, "/openapi.json");
            assertThat(openApi.status()).isEqualTo(200);
            assertThat(openApi.json().get("openapi").asText()).startsWith("3.");
            assertThat(openApi.json().get("paths").fieldNames()).toIterable().contains("/health", "/symbols", "/symbols/{symbol}",
                    "/candles", "/candles/{symbol}", "/positions", "/positions/{symbol}", "/trades", "/ticks", "/strategy", "/signals",
                    "/orders", "/indicators/{symbol}", "/ws");
            Response docs = fixture.get(base, "/docs");
            assertThat(docs.status()).isEqualTo(200);
            String swaggerUi = "/webjars/swagger-ui/" + WebAssets.webJarVersion("swagger-ui") + "/swagger-ui-bundle.js";
            assertThat(docs.body()).contains(swaggerUi, "/assets/docs.js");
            assertThat(fixture.get(base, "/assets/docs.js").body()).contains("/openapi.json");
            assertThat(fixture.get(base, swaggerUi).status()).isEqualTo(200);
            Response dashboard = fixture.get(base, "/");
            assertThat(dashboard.status()).isEqualTo(200);
            assertThat(dashboard.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            String echarts = "/webjars/echarts/" + WebAssets.webJarVersion("echarts") + "/echarts.min.js";
            assertThat(dashboard.body()).contains(echarts, "/assets/app.js", "data-intervals=\"1m\"");
            assertThat(fixture.get(base, echarts).status()).isEqualTo(200);
            assertThat(fixture.get(base, "/assets/app.js").body()).contains("new WebSocket");

            // WebSocket: newly produced records are pushed
            List<JsonNode> pushed = new CopyOnWriteArrayList<>();
            WebSocket socket = fixture.http().newWebSocketBuilder()
                    .buildAsync(URI.create("ws" + base.toString().substring(4)).resolve("ws"), collector(pushed)).get();
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.get(base, "/health").json().get("webSocketClients").asInt() == 1);
            fixture.produce("md.candles.1m", BTC, ApiFixture.candle(BTC, ApiFixture.CANDLES, "97400.00"));
            fixture.produce("strategy.signals", BTC, ApiFixture.signal("A", ApiFixture.CANDLES, TargetPosition.FLAT));
            fixture.produce("strategy.indicators", BTC, IndicatorSnapshot.newBuilder(ApiFixture.indicator("C", ApiFixture.CANDLES))
                    .setSma(null).setEma(null).setIndicators(Map.of("upper", new BigDecimal("97500.0000000000000000"))).build());
            fixture.produce("md.trades", ETH, ApiFixture.trade(ETH, 8, "3310.00", 30));
            fixture.produce("oms.fills", ETH, Fill.newBuilder(SampleRecords.fill()).setSymbol(ETH).build());
            fixture.produce("oms.orders", ETH, OrderEvent.newBuilder(SampleRecords.orderEvent()).setSymbol(ETH).build());
            await().atMost(Duration.ofSeconds(15)).until(() -> types(pushed).containsAll(List.of("candle", "signal", "indicator", "tick", "fill", "order")));
            JsonNode candle = pushed.stream().filter(m -> m.get("type").asText().equals("candle")).findFirst().orElseThrow();
            assertThat(candle.get("data").get("close").asText()).isEqualTo("97400.00000000");
            assertThat(candle.get("data").get("openTime").asText()).isEqualTo("2026-01-15T10:30:00Z");
            JsonNode signal = pushed.stream().filter(m -> m.get("type").asText().equals("signal")).findFirst().orElseThrow();
            assertThat(signal.get("data").get("action").asText()).isEqualTo("SELL");
            JsonNode indicator = pushed.stream().filter(m -> m.get("type").asText().equals("indicator")).findFirst().orElseThrow();
            assertThat(indicator.get("data").get("indicators").get("upper").asText()).as("any name a strategy publishes")
                    .isEqualTo("97500.0000000000000000");
            assertThat(indicator.get("data").get("sma").isNull()).isTrue();
            JsonNode tick = pushed.stream().filter(m -> m.get("type").asText().equals("tick")).findFirst().orElseThrow();
            assertThat(tick.get("data").get("price").asText()).isEqualTo("3310.00000000");
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();
            assertThat(fixture.get(base, "/candles/BTCUSDT?limit=1").json().get(0).get("close").asText()).isEqualTo("97400.00000000");

            // POST and DELETE land on control.symbols; on loopback no token is needed
            Response added = fixture.send(base, "POST", "/symbols/solusdt", null);
            assertThat(added.status()).isEqualTo(202);
            assertThat(added.json().get("symbol").asText()).isEqualTo("SOLUSDT");
            assertThat(added.json().get("enabled").asBoolean()).isTrue();
            assertThat(texts(fixture.get(base, "/symbols").json(), "symbol")).contains("SOLUSDT");
            Response removed = fixture.send(base, "DELETE", "/symbols/SOLUSDT", null);
            assertThat(removed.status()).isEqualTo(202);
            assertError(fixture.send(base, "POST", "/symbols/SOL-USDT", null), 400, "is not a symbol");
            assertError(fixture.send(base, "DELETE", "/symbols/NOPEUSDT", null), 404, "Unknown symbol");
            List<Map.Entry<String, SymbolCommand>> control = fixture.readControl();
            List<Map.Entry<String, SymbolCommand>> sol = new ArrayList<>(control.stream().filter(e -> e.getKey().equals("SOLUSDT")).toList());
            assertThat(sol).hasSize(2);
            assertThat(sol.get(0).getValue().getEnabled()).isTrue();
            assertThat(sol.get(1).getValue()).as("a tombstone").isNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> !texts(fixture.get(base, "/symbols").json(), "symbol").contains("SOLUSDT"));
        }
    }

    @Test
    void listeningBeyondLoopbackRequiresTheTokenForPostAndDelete(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) {
        ApiFixture fixture = new ApiFixture(broker, registry, topics);
        assertThatThrownBy(() -> new ApiService(fixture.config(Map.of("api.host", "0.0.0.0")), new PrintWriter(new StringWriter())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("api.token");

        StringWriter output = new StringWriter();
        assertThatThrownBy(() -> new ApiService(fixture.config(Map.of("api.host", "0.0.0.0", "api.token", "short-secret")),
                new PrintWriter(new StringWriter())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 32").hasMessageNotContaining("short-secret");
        String token = "t0ken-" + System.nanoTime() + "-0123456789abcdef0123456789";
        try (ApiService api = startAndAwaitCaughtUp(fixture, Map.of("api.host", "0.0.0.0", "api.token", token), output)) {
            URI base = api.url();
            assertThat(output.toString()).contains("POST and DELETE need api.token").doesNotContain(token);
            assertThat(fixture.get(base, "/symbols").status()).as("reads need no token").isEqualTo(200);
            assertError(fixture.send(base, "POST", "/symbols/ADAUSDT", null), 401, "Authorization: Bearer");
            assertError(fixture.send(base, "POST", "/symbols/ADAUSDT", "Bearer wrong"), 403, "not api.token");
            Response accepted = fixture.send(base, "POST", "/symbols/ADAUSDT", "Bearer " + token);
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.body()).doesNotContain(token);
            assertError(fixture.send(base, "DELETE", "/symbols/ADAUSDT", null), 401, "Authorization");
            assertThat(fixture.send(base, "DELETE", "/symbols/ADAUSDT", "Bearer " + token).status()).isEqualTo(202);
            assertThat(fixture.get(base, "/health").body()).doesNotContain(token);
        }
        assertThat(fixture.readControl()).extracting(Map.Entry::getKey).containsExactly("ADAUSDT", "ADAUSDT");
    }

    /**
     * What any web page the user visits could try against the API on 127.0.0.1: DNS rebinding (its own name in Host),
     * a cross-site POST (no preflight needed), a WebSocket opened from its origin; and a flood of dashboards.
     */
    @Test
    void refusesRebindingCrossSiteChangesAndForeignWebSockets(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        ApiFixture fixture = new ApiFixture(broker, registry, topics);
        try (ApiService api = startAndAwaitCaughtUp(fixture, Map.of("api.ws.max.clients", "2"), new StringWriter())) {
            URI base = api.url();
            String own = "http://" + base.getHost() + ":" + base.getPort();

            String rebound = rawGet(base, "/positions", "rebind.attacker.example:" + base.getPort());
            assertThat(rebound).startsWith("HTTP/1.1 403").contains("DNS rebinding").doesNotContain("strategyInstance");
            assertThat(rawGet(base, "/health", "localhost:" + base.getPort())).startsWith("HTTP/1.1 200");

            assertError(fixture.sendWithHeaders(base, "POST", "/symbols/ADAUSDT", Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")),
                    403, "https://evil.example");
            assertError(fixture.sendWithHeaders(base, "DELETE", "/symbols/ADAUSDT", Map.of("Sec-Fetch-Site", "cross-site")), 403, "cross-site");
            assertThat(fixture.sendWithHeaders(base, "POST", "/symbols/ADAUSDT", Map.of("Origin", own, "Sec-Fetch-Site", "same-origin")).status())
                    .as("the dashboard's own POST").isEqualTo(202);
            assertThat(fixture.sendWithHeaders(base, "DELETE", "/symbols/ADAUSDT", Map.of()).status()).as("curl").isEqualTo(202);

            Response page = fixture.get(base, "/");
            assertThat(page.raw().headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "ws://" + base.getHost() + ":" + base.getPort()));
            assertThat(page.raw().headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(fixture.get(base, "/docs").body()).doesNotContain("<script>");

            URI ws = URI.create("ws" + base.toString().substring(4)).resolve("ws");
            assertThatThrownBy(() -> fixture.http().newWebSocketBuilder().header("Origin", "https://evil.example")
                    .buildAsync(ws, collector(new CopyOnWriteArrayList<>())).join())
                    .hasRootCauseMessage("Unexpected HTTP response status code 403");
            WebSocket first = fixture.http().newWebSocketBuilder().header("Origin", own).buildAsync(ws, collector(new CopyOnWriteArrayList<>())).join();
            WebSocket second = fixture.http().newWebSocketBuilder().buildAsync(ws, collector(new CopyOnWriteArrayList<>())).join();
            assertThatThrownBy(() -> fixture.http().newWebSocketBuilder().buildAsync(ws, collector(new CopyOnWriteArrayList<>())).join())
                    .as("a third client over api.ws.max.clients=2").hasRootCauseMessage("Unexpected HTTP response status code 503");
            first.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            second.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
        assertThat(fixture.readControl()).extracting(Map.Entry::getKey).containsExactly("ADAUSDT", "ADAUSDT");
    }

    /** A GET with a Host header of our choosing, which java.net.http does not allow to set. */
    private static String rawGet(URI base, String path, String host) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertError(Response response, int status, String phrase) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).contains(phrase);
    }

    private static List<String> types(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("type").asText()).toList();
    }

    static WebSocket.Listener collector(List<JsonNode> messages) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        messages.add(ApiFixture.JSON.readTree(partial.toString()));
                    } catch (IOException e) {
                        throw new AssertionError("not JSON: " + partial, e);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }
}
