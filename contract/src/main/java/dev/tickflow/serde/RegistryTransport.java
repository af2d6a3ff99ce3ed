package dev.tickflow.serde;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
  * Sends requests to the registry URLs with the JDK's HTTP client: basic auth, timeouts, failover to
  * the next URL when one is unavailable, and, while every URL is unavailable ({@link RegistryFailures}), retries
  * with capped exponential back-off until {@code registry.unavailable.max.wait.ms} (or {@code max.retries}) is
  * spent. Any other answer is returned at once, never retried. Outages are reported to {@link RegistryAvailability}.
  */
final class RegistryTransport {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    /** The shortest timeout a request gets, even when the call's wait is nearly spent. */
    private static final long MIN_REQUEST_TIMEOUT_MS = 100;

    /** An answer that does not mean "unavailable". */
    record Response(int status, String body) {
    }

    private final List<RegistryUrl> urls;
    private final String[] authorizations;
    private final SerdeConfig config;
    private final HttpClient http;
    private final ExponentialBackoff backoff;
    private final RegistryAvailability availability;
    private volatile int preferred;

    RegistryTransport(SerdeConfig config) {
        this(config, RegistryAvailability.shared());
    }

    RegistryTransport(SerdeConfig config, RegistryAvailability availability) {
        this.config = config;
        this.availability = availability;
        this.backoff = new ExponentialBackoff(config.retriesWaitMs(), config.retriesMaxWaitMs());
        this.urls = config.urls();
        this.authorizations = new String[urls.size()];
        for (int i = 0; i < urls.size(); i++) {
            String userInfo = config.credentialsSource() == SerdeConfig.CredentialsSource.URL
                    ? urls.get(i).userInfo() : config.userInfo();
            authorizations[i] = userInfo == null ? null
                    : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        }
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String describe() {
        return config.describeRegistry();
    }

    /**
      * Sends {@code method path} with an optional JSON body; {@code operation} says what for, in messages.
      *
      * @throws SchemaRegistryUnavailableException when every URL stayed unavailable for as long as the call may wait
      */
    Response send(String method, String path, String jsonBody, String operation) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(config.unavailableMaxWaitMs());
        int attempts = 0;
        int lastStatus = SchemaRegistryException.NO_RESPONSE;
        String lastError = "";
        for (int retry = 1; ; retry++) {
            int first = preferred;
            for (int i = 0; i < urls.size(); i++) {
                int index = (first + i) % urls.size();
                attempts++;
                try {
                    HttpResponse<String> answer = http.send(request(index, method, path, jsonBody, deadline),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (!RegistryFailures.meansUnavailable(answer.statusCode())) {
                        preferred = index;
                        availability.answered(describe());
                        return new Response(answer.statusCode(), answer.body());
                    }
                    lastStatus = answer.statusCode();
                    lastError = RegistryErrorBody.describe(answer.body());
                } catch (IOException e) {
                    lastStatus = SchemaRegistryException.NO_RESPONSE;
                    lastError = RegistryFailures.describe(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
                            "Interrupted while asking schema registry " + describe() + " to " + operation + ".");
                }
            }
            availability.unavailable(describe(), operation,
                    lastStatus == SchemaRegistryException.NO_RESPONSE ? lastError : "HTTP " + lastStatus + ": " + lastError);
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (retry > config.maxRetries() || remainingMs <= 0) {
                break;
            }
            availability.waiting();
            sleep(Math.min(backoff.delayMs(retry), remainingMs), operation);
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (lastStatus != SchemaRegistryException.NO_RESPONSE) {
            throw SchemaRegistryUnavailableException.serverError(lastStatus, describe(), operation, attempts, elapsedMs,
                    RegistryUrl.redact(lastError));
        }
        throw SchemaRegistryUnavailableException.unreachable(describe(), operation, attempts, elapsedMs,
                RegistryUrl.redact(lastError));
    }

    private HttpRequest request(int index, String method, String path, String jsonBody, long deadline) {
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        long timeoutMs = Math.max(MIN_REQUEST_TIMEOUT_MS, Math.min(config.readTimeoutMs(), remainingMs));
        HttpRequest.Builder builder = HttpRequest.newBuilder(java.net.URI.create(urls.get(index).base() + path))
                .timeout(Duration.ofMillis(timeoutMs))
                .header("Accept", ACCEPT)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        if (authorizations[index] != null) {
            builder.header("Authorization", authorizations[index]);
        }
        return builder.build();
    }

    private void sleep(long millis, String operation) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
                    "Interrupted while waiting to retry: " + operation + " at schema registry " + describe() + ".");
        }
    }
}
