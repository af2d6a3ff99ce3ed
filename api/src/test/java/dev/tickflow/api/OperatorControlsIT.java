package dev.tickflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickflow.api.ApiFixture.Response;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorAction;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The operator controls of the API on a real broker and registry: each POST lands on control.operator as one command. */
@WithKafka
@WithSchemaRegistry
class OperatorControlsIT {

    private static void assertError(Response response, int status, String... phrases) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).contains(phrases);
    }

    @Test
    void controlsLandOnControlOperatorAndOpsEventsShowTheState(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        ApiFixture fixture = new ApiFixture(broker, registry, topics);
        try (ApiService api = new ApiService(fixture.config(Map.of()), new PrintWriter(new StringWriter(), true))) {
            api.start();
            await().atMost(Duration.ofSeconds(30)).until(api::ready);
            URI base = api.url();
            String own = "http://" + base.getHost() + ":" + base.getPort();
            List<JsonNode> pushed = new CopyOnWriteArrayList<>();
            WebSocket socket = fixture.http().newWebSocketBuilder().header("Origin", own)
                    .buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws"), ApiServiceIT.collector(pushed)).join();

            Response paused = fixture.postJson(base, "/instances/A/pause", Map.of(), "{\"reason\": \"maintenance\", \"operator\": \"ops\"}");
            assertThat(paused.status()).as(paused.body()).isEqualTo(202);
            String pauseId = paused.json().get("commandId").asText();
            assertThat(UUID.fromString(pauseId)).isNotNull();
            assertThat(paused.json().get("action").asText()).isEqualTo("PAUSE");
            assertThat(paused.json().get("issuedBy").asText()).isEqualTo("api:ops");

            String retryKey = UUID.randomUUID().toString();
            Response exit = fixture.postJson(base, "/instances/B/force-exit", Map.of("Idempotency-Key", retryKey), "{\"symbol\": \"btcusdt\"}");
            Response retried = fixture.postJson(base, "/instances/B/force-exit", Map.of("Idempotency-Key", retryKey), "{\"symbol\": \"BTCUSDT\"}");
            assertThat(exit.status()).isEqualTo(202);
            assertThat(retried.status()).isEqualTo(202);
            assertThat(retried.json().get("commandId").asText()).isEqualTo(retryKey);
            assertError(fixture.postJson(base, "/instances/B/cancel-all", Map.of("Idempotency-Key", retryKey), "{}"), 409, retryKey);

            Response lift = fixture.postJson(base, "/instances/*/lift-halt", Map.of("X-Tickflow-Client", "dashboard"), "");
            assertThat(lift.json().get("strategyInstance").asText()).isEqualTo("*");
            assertThat(lift.json().get("issuedBy").asText()).isEqualTo("dashboard");

            Response parameters = fixture.postJson(base, "/instances/A/parameters", Map.of(), "{\"parameters\": {\"sma\": 20, \"stop-loss\": \"0.2\"}}");
            assertThat(parameters.status()).as(parameters.body()).isEqualTo(202);
            assertThat(parameters.json().get("parameters").get("sma").asText()).isEqualTo("20");

            // refused before anything is written
            assertError(fixture.postJson(base, "/instances/A/parameters", Map.of(), "{\"parameters\": {\"fast\": \"3\"}}"), 400,
                    "strategy.A.fast", "[ema, sma, stop-loss, stop-trigger]");
            assertError(fixture.postJson(base, "/instances/A/parameters", Map.of(), "{\"parameters\": {\"sma\": \"many\"}}"), 400, "'many'");
            assertError(fixture.postJson(base, "/instances/*/parameters", Map.of(), "{\"parameters\": {\"sma\": \"5\"}}"), 400, "one instance");
            assertError(fixture.postJson(base, "/instances/Z/pause", Map.of(), ""), 404, "[A, B]");
            assertError(fixture.postJson(base, "/instances/A/pause", Map.of(), "{\"symbol\": \"BTCUSDT\"}"), 400, "Unknown field 'symbol'");
            assertError(fixture.postJson(base, "/instances/A/pause", Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"),
                    "{\"reason\": \"csrf\"}"), 403, "evil.example");

            List<Map.Entry<String, OperatorCommand>> written = fixture.read("control.operator", OperatorCommand.class);
            assertThat(written).extracting(Map.Entry::getKey).containsExactly("A", "B", "*", "A");
            OperatorCommand pause = written.get(0).getValue();
            assertThat(pause.getCommandId()).isEqualTo(pauseId);
            assertThat(pause.getAction()).isEqualTo(OperatorAction.PAUSE);
            assertThat(pause.getReason()).isEqualTo("maintenance");
            assertThat(pause.getIssuedBy()).isEqualTo("api:ops");
            assertThat(written.get(1).getValue().getCommandId()).isEqualTo(retryKey);
            assertThat(written.get(1).getValue().getSymbol()).isEqualTo("BTCUSDT");
            assertThat(written.get(3).getValue().getParameters()).containsExactlyInAnyOrderEntriesOf(Map.of("sma", "20", "stop-loss", "0.2"));

            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.get(base, "/operator/commands").json().size() == 4);
            assertThat(fixture.get(base, "/operator/commands?instance=A").json().get(0).get("action").asText()).isEqualTo("SET_PARAMETERS");

            // the executor's answer, as it will write it
            fixture.produce("ops.events", "A", OperationalEvent.newBuilder().setEventId("executor:" + pauseId).setKind("PAUSED").setSeverity("INFO")
                    .setService("executor").setStrategyInstance("A").setMessage("Instance A paused: no new entries")
                    .setDetails(Map.of("commandId", pauseId)).setEventTime(Instant.parse("2026-01-15T10:00:00Z")).build());
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.get(base, "/instances/A").json().get("paused").asBoolean());
            JsonNode instances = fixture.get(base, "/instances").json();
            assertThat(instances.get(0).get("lastEvent").get("kind").asText()).isEqualTo("PAUSED");
            assertThat(instances.get(1).get("paused").asBoolean()).isFalse();
            assertThat(fixture.get(base, "/operator/events?kind=paused").json().get(0).get("eventId").asText()).isEqualTo("executor:" + pauseId);
            await().atMost(Duration.ofSeconds(10)).until(() -> pushed.stream().anyMatch(m -> m.get("type").asText().equals("opsEvent")));
            assertThat(pushed.stream().filter(m -> m.get("type").asText().equals("operatorCommand")).count()).isEqualTo(4);
            socket.abort();
        }
    }
}
