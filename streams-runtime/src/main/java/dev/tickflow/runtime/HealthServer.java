package dev.tickflow.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** {@code GET /health} and {@code GET /metrics} of a service, on the JDK's HTTP server. */
public final class HealthServer implements AutoCloseable {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the endpoints on {@code http.host}:{@code http.port} of {@code config} and prints where they are to
     * {@code out}; with {@code http.port=-1} prints that they are disabled and starts nothing.
     *
     * @throws IllegalStateException naming the key when the port is in use
     */
    public static Optional<HealthServer> startConfigured(String service, TickflowConfig config, Supplier<Health> health,
                                                         Supplier<String> metrics, PrintWriter out) {
        int port = config.getInt(ConfigKeys.HTTP_PORT);
        if (port == CommonConfig.HTTP_PORT_DISABLED) {
            out.println(service + ": health and metrics endpoints disabled (" + ConfigKeys.HTTP_PORT + "=-1)");
            out.flush();
            return Optional.empty();
        }
        HealthServer server = start(service, config.getString(ConfigKeys.HTTP_HOST), port, health, metrics);
        URI address = server.address();
        out.println(service + ": health on " + address.resolve("/health") + ", metrics on " + address.resolve("/metrics"));
        out.flush();
        return Optional.of(server);
    }

    static HealthServer start(String service, String host, int port, Supplier<Health> health, Supplier<String> metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (BindException e) {
            throw new IllegalStateException(service + " cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): set http.port to a free port, 0 for any free port, or -1 to disable the endpoints.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(service + " cannot start its HTTP endpoints on " + host + ":" + port, e);
        }
        server.createContext("/health", exchange -> {
            if (isGet(exchange)) {
                Health now = health.get();
                respond(exchange, now.httpStatus(), "application/json", now.json());
            }
        });
        server.createContext("/metrics", exchange -> {
            if (isGet(exchange)) {
                respond(exchange, 200, PROMETHEUS_TEXT, metrics.get());
            }
        });
        server.createContext("/", exchange -> {
            if (isGet(exchange)) {
                respond(exchange, 404, "text/plain; charset=utf-8", "Not found. Endpoints: GET /health, GET /metrics\n");
            }
        });
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, service + "-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new HealthServer(server, executor);
    }

    /** The address actually bound (with the chosen port when {@code http.port} was 0). */
    public URI address() {
        InetSocketAddress address = server.getAddress();
        String host = address.getHostString().contains(":") ? "[" + address.getHostString() + "]" : address.getHostString();
        return URI.create("http://" + host + ":" + address.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static boolean isGet(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n");
        return false;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            if (!head) {
                stream.write(bytes);
            }
        }
    }
}
