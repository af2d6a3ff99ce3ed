package dev.tickflow.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A webhook receiver on 127.0.0.1: each path answers by a script of the idempotency key and how many times that key
 * was posted to it before; every request is recorded.
 */
final class WebhookReceiver implements AutoCloseable {

    record Request(String path, String key, String body, Instant at, int status) {
    }

    /** The answer to a request: a status and, if any, a Retry-After value. */
    record Answer(int status, String retryAfter) {
        static Answer of(int status) {
            return new Answer(status, null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    WebhookReceiver(Map<String, Function<Integer, Answer>> scripts) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        scripts.forEach((path, script) -> server.createContext(path, exchange -> answer(exchange, path, script)));
        server.setExecutor(executor);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void answer(HttpExchange exchange, String context, Function<Integer, Answer> script) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        int previous = attempts.merge(context + "|" + key, 1, Integer::sum) - 1;
        Answer answer = script.apply(previous);
        synchronized (requests) {
            requests.add(new Request(exchange.getRequestURI().getPath(), key, body, Instant.now(), answer.status()));
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    /** Every request to a path starting with {@code prefix}, in arrival order. */
    List<Request> requests(String prefix) {
        synchronized (requests) {
            return requests.stream().filter(request -> request.path().startsWith(prefix)).toList();
        }
    }

    /** The accepted (2xx) requests to {@code prefix}. */
    List<Request> accepted(String prefix) {
        return requests(prefix).stream().filter(request -> request.status() / 100 == 2).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
