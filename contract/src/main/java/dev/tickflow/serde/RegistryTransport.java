package dev.tickflow.serde;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
  * Sends requests to the registry URLs with the JDK's HTTP client: basic auth, timeouts, failover to
  * the next URL on a connection failure, and bounded retries with exponential backoff for connection
  * failures, timeouts and 5xx answers. A 4xx answer is returned at once, never retried.
  */
final class RegistryTransport {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryTransport.class);

    /** An answer below 500. */
    record Response(int status, String body) {
    }

    private final List<RegistryUrl> urls;
    private final String[] authorizations;
    private final SerdeConfig config;
    private final HttpClient http;
    private volatile int preferred;

    RegistryTransport(SerdeConfig config) {
        this.config = config;
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
      * @throws SchemaRegistryException when no URL answered below 500 within the configured attempts
      */
    Response send(String method, String path, String jsonBody, String operation) {
        long start = System.nanoTime();
        int attempts = 0;
        int lastStatus = SchemaRegistryException.NO_RESPONSE;
        String lastError = "";
        for (int round = 0; round <= config.maxRetries(); round++) {
            if (round > 0) {
                sleep(backoffMs(round), operation);
            }
            int first = preferred;
            for (int i = 0; i < urls.size(); i++) {
                int index = (first + i) % urls.size();
                attempts++;
                try {
                    HttpResponse<String> answer = http.send(request(index, method, path, jsonBody),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (answer.statusCode() < 500) {
                        preferred = index;
                        return new Response(answer.statusCode(), answer.body());
                    }
                    lastStatus = answer.statusCode();
                    lastError = RegistryErrorBody.describe(answer.body());
                } catch (HttpTimeoutException e) {
                    lastStatus = SchemaRegistryException.NO_RESPONSE;
                    lastError = "timed out (" + e.getMessage() + ")";
                } catch (ConnectException e) {
                    lastStatus = SchemaRegistryException.NO_RESPONSE;
                    lastError = "connection failed (" + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                } catch (IOException e) {
                    lastStatus = SchemaRegistryException.NO_RESPONSE;
                    lastError = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
                            "Interrupted while asking schema registry " + describe() + " to " + operation + ".");
                }
                LOG.warn("Schema registry {} could not {} (attempt {} of {}): {}", urls.get(index).redacted(), operation,
                        attempts, (config.maxRetries() + 1) * urls.size(), RegistryUrl.redact(lastError));
            }
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        if (lastStatus >= 500) {
            throw SchemaRegistryException.serverError(lastStatus, describe(), operation, attempts, lastError);
        }
        throw SchemaRegistryException.unreachable(describe(), operation, attempts, elapsedMs, lastError);
    }

    private HttpRequest request(int index, String method, String path, String jsonBody) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(java.net.URI.create(urls.get(index).base() + path))
                .timeout(Duration.ofMillis(config.readTimeoutMs()))
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

    private long backoffMs(int round) {
        long wait = config.retriesWaitMs();
        for (int i = 1; i < round && wait < config.retriesMaxWaitMs(); i++) {
            wait *= 2;
        }
        return Math.min(wait, config.retriesMaxWaitMs());
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
