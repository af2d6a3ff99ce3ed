package dev.tickflow.executor.binance;

import com.binance.connector.client.utils.httpclient.HttpClientSingleton;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * What Binance Connector Java 3.4.1 does not expose: per-call timeouts and the response's Retry-After header. The
 * connector sends every request through one JVM-wide OkHttp client ({@link HttpClientSingleton}) with fixed 10 s
 * timeouts and turns a 429 into an exception without its headers. This class adds one interceptor to that client: a
 * call made through {@link #call} gets its own connect/read/write timeouts and records the status and Retry-After of
 * its response; any other request through the shared client (a WebSocket stream, say) passes untouched.
 *
 * <p>The client is only extended, never closed: shutting its dispatcher down would stop every user in the JVM.
 */
final class ConnectorHttp {

    /** What one call observed of its last HTTP response. */
    static final class Observed {
        private final Duration connectTimeout;
        private final Duration readTimeout;
        private volatile int status;
        private volatile String retryAfter;

        Observed(Duration connectTimeout, Duration readTimeout) {
            this.connectTimeout = connectTimeout;
            this.readTimeout = readTimeout;
        }

        /** HTTP status of the last response; 0 when none came. */
        int status() {
            return status;
        }

        /** The Retry-After header of the last response, when it came in seconds. */
        Duration retryAfter() {
            String value = retryAfter;
            if (value == null) {
                return null;
            }
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
            } catch (NumberFormatException e) {
                return null; // an HTTP date: Binance sends seconds; fall back to exponential back-off
            }
        }
    }

    private static final ThreadLocal<Observed> CURRENT = new ThreadLocal<>();
    private static volatile boolean installed;

    private ConnectorHttp() {
    }

    /**
     * Runs {@code request} (a synchronous connector call, which OkHttp runs on this thread) with the timeouts and
     * observations of {@code observed}.
     */
    static <T> T call(Observed observed, Supplier<T> request) {
        install();
        Observed previous = CURRENT.get();
        CURRENT.set(observed);
        try {
            return request.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Adds the interceptor to the connector's shared client, once per JVM. */
    static void install() {
        if (installed) {
            return;
        }
        synchronized (ConnectorHttp.class) {
            if (installed) {
                return;
            }
            OkHttpClient shared = HttpClientSingleton.getHttpClient();
            if (shared.interceptors().stream().noneMatch(CallInterceptor.class::isInstance)) {
                replaceSharedClient(shared.newBuilder().addInterceptor(new CallInterceptor()).build());
            }
            installed = true;
        }
    }

    private static void replaceSharedClient(OkHttpClient client) {
        try {
            Field field = HttpClientSingleton.class.getDeclaredField("httpClient");
            field.setAccessible(true);
            field.set(null, client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot configure Binance Connector Java's HTTP client (expected version 3.4.1): "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static final class CallInterceptor implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Observed observed = CURRENT.get();
            if (observed == null) {
                return chain.proceed(chain.request());
            }
            observed.status = 0;
            observed.retryAfter = null;
            int connectMillis = (int) Math.min(Integer.MAX_VALUE, observed.connectTimeout.toMillis());
            int readMillis = (int) Math.min(Integer.MAX_VALUE, observed.readTimeout.toMillis());
            Response response = chain
                    .withConnectTimeout(connectMillis, TimeUnit.MILLISECONDS)
                    .withReadTimeout(readMillis, TimeUnit.MILLISECONDS)
                    .withWriteTimeout(readMillis, TimeUnit.MILLISECONDS)
                    .proceed(chain.request());
            observed.status = response.code();
            observed.retryAfter = response.header("Retry-After");
            return response;
        }
    }
}
