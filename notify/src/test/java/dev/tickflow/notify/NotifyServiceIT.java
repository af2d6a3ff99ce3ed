package dev.tickflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.notify.WebhookReceiver.Answer;
import dev.tickflow.notify.WebhookReceiver.Request;
import dev.tickflow.runtime.fixtures.Endpoints;
import dev.tickflow.runtime.fixtures.ServiceFixtures;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import dev.tickflow.topics.TopicCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notify service on a real broker and registry, posting to webhooks on 127.0.0.1: the right payload per format,
 * retries through 503 and 429 + Retry-After to exactly one accepted post per event, no repeat after a restart that
 * re-reads everything, and targets that fail for good (503 forever, 404) that hold up no other.
 */
@WithKafka
@WithSchemaRegistry
class NotifyServiceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String BOT_TOKEN = "123:TOKENSECRET";

    @TempDir
    Path dir;

    @Test
    void postsEachEventOncePerTargetThroughFailuresAndRestarts(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        String fills = topics.create("fills", 2);
        String orders = topics.create("orders", 2);
        String events = topics.create("events", 2);
        Map<String, Function<Integer, Answer>> scripts = Map.of(
                "/json", previous -> Answer.of(200),
                "/slack", previous -> previous == 0 ? Answer.of(503) : previous == 1 ? new Answer(429, "1") : Answer.of(200),
                "/down", previous -> Answer.of(503),
                "/gone", previous -> Answer.of(404),
                "/tg", previous -> Answer.of(200));
        StringWriter output = new StringWriter();
        try (WebhookReceiver receiver = new WebhookReceiver(scripts)) {
            Map<String, String> settings = ServiceFixtures.baseSettings(broker, registry, topics.name("notify"), dir);
            settings.put("kafka.auto.offset.reset", "earliest");
            settings.put("topic." + TopicCatalog.FILLS + ".name", fills);
            settings.put("topic." + TopicCatalog.ORDERS + ".name", orders);
            settings.put("topic." + TopicCatalog.OPERATIONAL_EVENTS + ".name", events);
            settings.put("notify.retry.max.attempts", "4");
            settings.put("notify.retry.initial.ms", "100");
            settings.put("notify.retry.max.ms", "1500");
            target(settings, 1, "json", "json", receiver.url("/json/hook/SECRETPATH").toString());
            target(settings, 2, "slack", "slack", receiver.url("/slack/services/SECRETPATH").toString());
            target(settings, 3, "down", "discord", receiver.url("/down/SECRETPATH").toString());
            target(settings, 4, "tg", "telegram", receiver.url("/tg").toString());
            settings.put(NotifySettings.targetKey(4, NotifySettings.CHAT_ID), "42");
            settings.put(NotifySettings.targetKey(4, NotifySettings.BOT_TOKEN), BOT_TOKEN);
            settings.put(NotifySettings.targetKey(4, NotifySettings.SEVERITIES), "CRITICAL");
            target(settings, 5, "gone", "json", receiver.url("/gone/SECRETPATH").toString());
            TickflowConfig config = config(settings);

            Fill fill = SampleRecords.fill();
            OrderEvent rejected = OrderEvent.newBuilder(SampleRecords.orderEvent()).setClientOrderId("tf-A-BTCUSDT-2")
                    .setStatus(OrderStatus.REJECTED).setRejectReason("max-order-notional").build();
            OrderEvent filled = OrderEvent.newBuilder(SampleRecords.orderEvent()).setStatus(OrderStatus.FILLED).build();
            OperationalEvent halt = SampleRecords.operationalEvent();

            try (NotifyService service = new NotifyService(config, new PrintWriter(output, true))) {
                service.start();
                ServiceFixtures.produce(broker, registry, List.of(new ProducerRecord<>(fills, fill.getSymbol(), fill)));
                ServiceFixtures.produce(broker, registry, List.of(new ProducerRecord<>(orders, filled.getSymbol(), filled),
                        new ProducerRecord<>(orders, rejected.getSymbol(), rejected)));
                ServiceFixtures.produce(broker, registry, List.of(new ProducerRecord<>(events, halt.getStrategyInstance(), halt)));

                await().atMost(WAIT).until(() -> receiver.accepted("/slack").size() == 3 && receiver.accepted("/json").size() == 3
                        && receiver.requests("/gone").size() == 3 && service.delivered().size() == 13);

                List<JsonNode> json = bodies(receiver.accepted("/json"));
                assertThat(json).extracting(body -> body.get("id").asText()).containsExactlyInAnyOrder(
                        "fill:tf-A-BTCUSDT-1768471200000:1987654", "order:tf-A-BTCUSDT-2:REJECTED", "halt:sma-cross:1718000000000");
                assertThat(receiver.accepted("/json")).allSatisfy(request -> assertThat(request.body()).contains(request.key()));
                JsonNode rejection = json.stream().filter(body -> body.get("kind").asText().equals("ORDER_REJECTED")).findFirst().orElseThrow();
                assertThat(rejection.get("topic").asText()).isEqualTo("oms.orders");
                assertThat(rejection.get("details").get("rejectReason").asText()).isEqualTo("max-order-notional");

                assertThat(bodies(receiver.accepted("/slack"))).extracting(body -> body.get("text").asText()).containsExactlyInAnyOrder(
                        "[INFO] FILL A BTCUSDT: BUY 0.001 BTCUSDT at 97249.99 (order tf-A-BTCUSDT-1768471200000)",
                        "[WARNING] ORDER_REJECTED A BTCUSDT: BUY 0.001 BTCUSDT rejected: max-order-notional (order tf-A-BTCUSDT-2)",
                        "[CRITICAL] HALTED sma-cross BTCUSDT: daily loss limit breached; lift with `tickflow control lift-halt sma-cross`");
                for (String key : List.of("fill:tf-A-BTCUSDT-1768471200000:1987654", "order:tf-A-BTCUSDT-2:REJECTED", "halt:sma-cross:1718000000000")) {
                    List<Request> tries = receiver.requests("/slack").stream().filter(request -> key.equals(request.key())).toList();
                    assertThat(tries).as(key).extracting(Request::status).containsExactly(503, 429, 200);
                    assertThat(Duration.between(tries.get(1).at(), tries.get(2).at())).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofMillis(900));
                }

                List<Request> telegram = receiver.accepted("/tg");
                assertThat(telegram).singleElement().satisfies(request -> {
                    assertThat(request.path()).isEqualTo("/tg/bot" + BOT_TOKEN + "/sendMessage");
                    assertThat(JSON.readTree(request.body()).get("chat_id").asText()).isEqualTo("42");
                    assertThat(JSON.readTree(request.body()).get("text").asText()).startsWith("[CRITICAL] HALTED");
                });
                assertThat(receiver.requests("/gone")).as("a 404 is not retried").hasSize(3);
                assertThat(receiver.accepted("/down")).isEmpty();
                assertThat(receiver.requests("/down").size()).as("4 attempts for the first event, then one per event while down").isEqualTo(4 + 1 + 1);

                String metrics = Endpoints.get(service.httpAddress().orElseThrow().resolve("/metrics")).body();
                assertThat(metric(metrics, "tickflow_notify_sent_total", "slack", "sent")).isEqualTo("3.0");
                assertThat(metric(metrics, "tickflow_notify_retried_total", "slack", "retried")).isEqualTo("6.0");
                assertThat(metric(metrics, "tickflow_notify_failed_total", "gone", "refused")).isEqualTo("3.0");
                assertThat(metric(metrics, "tickflow_notify_failed_total", "down", "gave_up")).isEqualTo("3.0");
                assertThat(Endpoints.get(service.httpAddress().orElseThrow().resolve("/health")).body())
                        .isEqualTo("{\"status\":\"UP\",\"state\":\"RUNNING\"}");
            }
            assertThat(output.toString()).contains("notify: target slack (slack to " + receiver.url("") + "/[hidden])").doesNotContain("SECRETPATH")
                    .doesNotContain("TOKENSECRET");

            // as if the service had stopped after posting but before committing: the group starts over from the beginning
            rewindGroup(broker, config, List.of(fills, orders, events));
            Fill second = Fill.newBuilder(fill).setTradeId("1987655").build();
            try (NotifyService restarted = new NotifyService(config, new PrintWriter(output, true))) {
                restarted.start();
                ServiceFixtures.produce(broker, registry, List.of(new ProducerRecord<>(fills, second.getSymbol(), second)));
                await().atMost(WAIT).until(() -> receiver.accepted("/json").size() >= 4 && receiver.accepted("/slack").size() >= 4
                        && restarted.delivered().size() == 17);
            }
            assertThat(receiver.accepted("/json")).as("nothing posted twice").hasSize(4);
            assertThat(receiver.accepted("/json").get(3).key()).isEqualTo("fill:tf-A-BTCUSDT-1768471200000:1987655");
            assertThat(receiver.accepted("/slack")).hasSize(4);
            assertThat(receiver.accepted("/tg")).hasSize(1);
            assertThat(receiver.requests("/gone")).hasSize(4);
        }
    }

    private static void target(Map<String, String> settings, int slot, String name, String format, String url) {
        settings.put(NotifySettings.targetKey(slot, NotifySettings.NAME), name);
        settings.put(NotifySettings.targetKey(slot, NotifySettings.FORMAT), format);
        settings.put(NotifySettings.targetKey(slot, NotifySettings.URL), url);
    }

    private TickflowConfig config(Map<String, String> settings) {
        Path file = ServiceFixtures.writeProperties(settings, dir.resolve("notify.properties"), "notify under test");
        return TickflowConfig.load(Optional.of(file), Map.of(), NotifySettings.definition());
    }

    private static void rewindGroup(KafkaBroker broker, TickflowConfig config, List<String> topicNames) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (String topic : topicNames) {
                for (int partition = 0; partition < 2; partition++) {
                    start.put(new TopicPartition(topic, partition), new OffsetAndMetadata(0));
                }
            }
            admin.alterConsumerGroupOffsets(config.getString("application.id"), start).all().get();
        }
    }

    private static List<JsonNode> bodies(List<Request> requests) {
        return requests.stream().map(request -> {
            try {
                return JSON.readTree(request.body());
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + request.body(), e);
            }
        }).toList();
    }

    /** The value of a notify counter for one target and outcome in Prometheus' text. */
    private static String metric(String scrape, String name, String target, String outcome) {
        return scrape.lines().filter(line -> line.startsWith(name + "{") && line.contains("target=\"" + target + "\"")
                        && line.contains("outcome=\"" + outcome + "\""))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElse("missing");
    }
}
