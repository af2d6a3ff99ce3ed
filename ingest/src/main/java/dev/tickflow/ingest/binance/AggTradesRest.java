package dev.tickflow.ingest.binance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * GET /api/v3/aggTrades (public, no key). Binance Connector Java 3.4.1 turns a 4xx answer into an exception without
 * its headers, so the Retry-After of a 429 or 418 would be lost: this one call goes through OkHttp (the connector's
 * own HTTP client library) and keeps the status, the Retry-After and the X-MBX-USED-WEIGHT-1M header.
 */
final class AggTradesRest {
    static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

    /** An answer with a body of trades (HTTP 2xx) and the IP's used weight of the current minute, if sent. */
    record Page(String body, OptionalInt usedWeight1m) {
    }

    /** HTTP 429 (request rate limit) or 418 (IP banned for ignoring 429s), with its Retry-After. */
    static final class RefusedException extends RuntimeException {
        private final int status;
        private final transient Optional<Duration> retryAfter;

        RefusedException(int status, Optional<Duration> retryAfter, String body) {
            super("HTTP " + status + (status == 418 ? " (IP banned)" : " (too many requests)")
                    + retryAfter.map(d -> ", Retry-After " + d.toSeconds() + " s").orElse("") + ": " + body);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        int status() {
            return status;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    private final HttpUrl endpoint;
    private final OkHttpClient http;

    AggTradesRest(String restUrl) {
        this.endpoint = HttpUrl.get(restUrl + "/api/v3/aggTrades");
        this.http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS).build();
    }

    /**
     * @throws RefusedException on 429 and 418
     * @throws IllegalStateException on any other non-2xx answer
     * @throws UncheckedIOException when the request fails
     */
    Page get(String symbol, long fromId, int limit) {
        HttpUrl url = endpoint.newBuilder().addQueryParameter("symbol", symbol)
                .addQueryParameter("fromId", Long.toString(fromId)).addQueryParameter("limit", Integer.toString(limit)).build();
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            ResponseBody responseBody = response.body();
            String body = responseBody == null ? "" : responseBody.string();
            if (response.code() == 429 || response.code() == 418) {
                throw new RefusedException(response.code(), retryAfter(response.header("Retry-After")), body);
            }
            if (!response.isSuccessful()) {
                throw new IllegalStateException("HTTP " + response.code() + ": " + body);
            }
            return new Page(body, usedWeight(response.header(USED_WEIGHT_HEADER)));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed: " + e.getMessage(), e);
        }
    }

    /** Closes the idle connections and stops the client's threads. */
    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Binance sends the seconds to wait; an HTTP date or anything else counts as absent. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
    }

    private static OptionalInt usedWeight(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(header.strip()));
    }
}
