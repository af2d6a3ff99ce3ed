package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickflow api} in its own JVM, stopped with SIGTERM while a WebSocket client is connected: it closes cleanly. */
@WithKafka
class ApiShutdownIT {
    private static final Pattern DASHBOARD = Pattern.compile("api: dashboard on (http://\\S+/),");

    @TempDir
    Path dir;

    @Test
    void sigtermStopsListeningAndExits143(KafkaBroker broker, TestTopics topics) throws Exception {
        List<String> settings = new ArrayList<>(List.of(
                "kafka.bootstrap.servers=" + broker.bootstrapServers(),
                "schema.registry.url=mock://api-shutdown",
                "candles.intervals=1m",
                "api.port=0"));
        for (String id : List.of("md.trades", "md.candles.1m", "strategy.indicators", "strategy.signals", "oms.orders", "oms.fills")) {
            settings.add("topic." + id + ".name=" + topics.create(id, 1));
        }
        for (String id : List.of("oms.positions", "control.symbols")) {
            settings.add("topic." + id + ".name=" + topics.create(id, 1, Map.of("cleanup.policy", "compact")));
        }
        settings.add("");
        Path config = Files.writeString(dir.resolve("api.properties"), String.join("\n", settings));
        HttpClient http = HttpClient.newHttpClient();
        try (ServiceProcess api = ServiceProcess.start("api", config, topics.name("api") + ".log")) {
            api.awaitHealthy();
            Matcher matcher = DASHBOARD.matcher(api.output());
            assertThat(matcher.find()).as(api.tail()).isTrue();
            URI base = URI.create(matcher.group(1));
            assertThat(http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            CompletableFuture<String> ended = new CompletableFuture<>();
            http.newWebSocketBuilder().buildAsync(URI.create("ws" + base.toString().substring(4) + "ws"), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    ended.complete("closed " + statusCode);
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    ended.complete("failed " + error);
                }
            }).get();

            assertThat(api.stop()).as(api.tail()).isEqualTo(ServiceProcess.EXIT_SIGTERM);
            assertThat(api.output()).contains("api: stopping");
            assertThat(ended.get(10, TimeUnit.SECONDS)).as("the WebSocket client learns that the server went away").isNotEmpty();
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(base.resolve("health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString())).as("nothing listens any more").isInstanceOf(IOException.class);
        }
    }
}
