package dev.tickflow.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts notifications to one target, one at a time on its own thread, so that a slow or dead target delays no other.
 * Retries follow the {@link RetryPolicy}; a target whose last notification was given up is "down" and gets a single
 * attempt per notification until one succeeds, so a target that stays down costs one timeout per event, not a full
 * retry budget. The URL is logged redacted ({@link WebhookTarget#toString()}), never in full.
 */
final class TargetDelivery implements AutoCloseable {
    static final String SENT = "tickflow.notify.sent";
    static final String FAILED = "tickflow.notify.failed";
    static final String RETRIED = "tickflow.notify.retried";
    private static final Logger log = LoggerFactory.getLogger(TargetDelivery.class);

    private final WebhookTarget target;
    private final RetryPolicy retry;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final Clock clock;
    private final ExecutorService worker;
    private final Counter sent;
    private final Counter refused;
    private final Counter gaveUp;
    private final Counter retried;
    private volatile boolean down;

    TargetDelivery(WebhookTarget target, RetryPolicy retry, Duration requestTimeout, MeterRegistry meters) {
        this.target = target;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = Clock.systemUTC();
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notify-" + target.name());
            thread.setDaemon(true);
            return thread;
        });
        this.sent = counter(meters, SENT, "sent", "Notifications the target accepted");
        this.refused = counter(meters, FAILED, "refused", "Notifications the target refused with a permanent 4xx");
        this.gaveUp = counter(meters, FAILED, "gave_up", "Notifications given up after the last retry");
        this.retried = counter(meters, RETRIED, "retried", "Retries of a failed attempt");
    }

    WebhookTarget target() {
        return target;
    }

    /** Delivers on the target's thread; completes exceptionally only when interrupted (shutdown), and then nothing is recorded. */
    CompletableFuture<DeliveryOutcome> submit(Notification notification) {
        CompletableFuture<DeliveryOutcome> result = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                result.complete(deliver(notification));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private DeliveryOutcome deliver(Notification notification) throws InterruptedException {
        int attempts = down ? 1 : retry.maxAttempts();
        String lastFailure = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<String> response = http.send(request(notification), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (RetryPolicy.isSuccess(status)) {
                    sent.increment();
                    if (down) {
                        log.info("notify: target {} answers again", target);
                        down = false;
                    }
                    return DeliveryOutcome.SENT;
                }
                if (!RetryPolicy.isRetryable(status)) {
                    refused.increment();
                    log.error("notify: target {} refused notification {} ({} {}) with HTTP {}; not retried: check the target's URL,"
                            + " token and format. Dead letter: {}", target, notification.id(), notification.kind(), notification.topic(),
                            status, notification.text());
                    return DeliveryOutcome.REFUSED;
                }
                lastFailure = "HTTP " + status;
                retryAfter = RetryPolicy.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.instant());
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName();
            }
            if (attempt < attempts) {
                Duration wait = retry.waitBefore(attempt, retryAfter);
                retried.increment();
                log.warn("notify: target {} failed notification {} ({}), attempt {} of {}; retrying in {} ms", target, notification.id(),
                        lastFailure, attempt, attempts, wait.toMillis());
                Thread.sleep(wait.toMillis());
            }
        }
        gaveUp.increment();
        down = true;
        log.error("notify: target {} failed notification {} ({} {}) {} time(s), last with {}; giving up on it. Dead letter: {}",
                target, notification.id(), notification.kind(), notification.topic(), attempts, lastFailure, notification.text());
        return DeliveryOutcome.GAVE_UP;
    }

    private HttpRequest request(Notification notification) {
        return HttpRequest.newBuilder(target.endpoint())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", notification.id())
                .POST(HttpRequest.BodyPublishers.ofString(target.body(notification)))
                .build();
    }

    private Counter counter(MeterRegistry meters, String name, String outcome, String description) {
        return Counter.builder(name).tag("target", target.name()).tag("outcome", outcome).description(description).register(meters);
    }

    /** Stops the target's thread, interrupting a delivery in progress (it is then not recorded, so it is retried after a restart). */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
