package dev.tickflow.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How many records the API has still to read, as its {@code GET /health} reports them ({@code consumerLag}): it reads
 * its topics without a consumer group, so the broker cannot tell.
 */
final class ApiLag {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI health;

    ApiLag(URI health) {
        this.health = health;
    }

    long read() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return consumerLag(response.body());
    }

    /** The {@code consumerLag} of a health answer, which the API gives whether it is UP or not. */
    static long consumerLag(String healthBody) throws IOException {
        JsonNode lag = JSON.readTree(healthBody).get("consumerLag");
        if (lag == null || !lag.canConvertToLong()) {
            throw new IOException("no consumerLag in the answer: " + healthBody);
        }
        return lag.asLong();
    }
}
