package dev.tickflow.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
  * A minimal Confluent-API schema registry on 127.0.0.1 for unit tests: the three endpoints the serde
  * uses, request counting, optional basic auth, and canned failures. Not a real registry (no
  * compatibility checks); a real one is tested elsewhere.
  */
final class FakeSchemaRegistry implements AutoCloseable {

    record Request(String method, String path, String authorization, String contentType, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String prefix;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> idsByText = new HashMap<>();
    private final Map<Integer, String> textsById = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private String requiredAuthorization;
    private volatile long delayMs;
    private int cannedStatus;
    private String cannedBody;
    private int failuresLeft = -1;

    private FakeSchemaRegistry(String prefix) throws IOException {
        this.prefix = prefix;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static FakeSchemaRegistry start() throws IOException {
        return new FakeSchemaRegistry("");
    }

    /** Serves the API under a path, as Apicurio does under /apis/ccompat/v7. */
    static FakeSchemaRegistry startWithPrefix(String prefix) throws IOException {
        return new FakeSchemaRegistry(prefix);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    int port() {
        return server.getAddress().getPort();
    }

    synchronized void requireBasicAuth(String user, String password) {
        requiredAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers every request with this status and body, from now on. */
    synchronized void answerEverythingWith(int status, String body) {
        failuresLeft = -1;
        cannedStatus = status;
        cannedBody = body;
    }

    /** Answers {@code status} to the next {@code count} requests, then as a registry does. */
    synchronized void answerNextWith(int count, int status, String body) {
        failuresLeft = count;
        cannedStatus = status;
        cannedBody = body;
    }

    /** Holds every answer back this long, to provoke read timeouts. */
    void delayAnswersBy(long millis) {
        delayMs = millis;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized long count(String method, String pathPattern) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().matches(pathPattern)).count();
    }

    synchronized long registrations() {
        return count("POST", "/subjects/[^/]+/versions");
    }

    synchronized long lookups() {
        return count("POST", "/subjects/[^/]+");
    }

    synchronized long fetches() {
        return count("GET", "/schemas/ids/\\d+");
    }

    /** Registers a schema text directly, as another client would have. */
    synchronized int preRegister(String subject, String schemaText) {
        int id = idsByText.computeIfAbsent(schemaText, t -> idsByText.size() + 1);
        textsById.put(id, schemaText);
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    synchronized List<String> schemaTexts(String subject) {
        return subjects.getOrDefault(subject, List.of()).stream().map(textsById::get).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            Answer answer;
            synchronized (this) {
                String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
                relative = URLDecoder.decode(relative, StandardCharsets.UTF_8);
                requests.add(new Request(exchange.getRequestMethod(), relative,
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
                answer = answer(exchange.getRequestMethod(), path.startsWith(prefix) ? relative : null, body,
                        exchange.getRequestHeaders().getFirst("Authorization"));
            }
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private record Answer(int status, String body) {
    }

    private Answer answer(String method, String path, String body, String authorization) throws IOException {
        if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
            return error(401, 401, "Unauthorized");
        }
        if (cannedBody != null && failuresLeft != 0) {
            if (failuresLeft > 0) {
                failuresLeft--;
            }
            return new Answer(cannedStatus, cannedBody);
        }
        if (path == null) {
            return error(404, 404, "HTTP 404 Not Found");
        }
        String[] parts = path.split("/");
        if (method.equals("POST") && parts.length == 4 && parts[1].equals("subjects") && parts[3].equals("versions")) {
            return new Answer(200, "{\"id\":" + preRegister(parts[2], schemaText(body)) + "}");
        }
        if (method.equals("POST") && parts.length == 3 && parts[1].equals("subjects")) {
            List<Integer> versions = subjects.get(parts[2]);
            if (versions == null) {
                return error(404, 40401, "Subject '" + parts[2] + "' not found.");
            }
            Integer id = idsByText.get(schemaText(body));
            if (id == null || !versions.contains(id)) {
                return error(404, 40403, "Schema not found");
            }
            return new Answer(200, JSON.writeValueAsString(Map.of("subject", parts[2], "id", id,
                    "version", versions.indexOf(id) + 1, "schema", textsById.get(id))));
        }
        if (method.equals("GET") && parts.length == 4 && parts[1].equals("schemas") && parts[2].equals("ids")) {
            String text = textsById.get(Integer.parseInt(parts[3]));
            return text == null ? error(404, 40403, "Schema " + parts[3] + " not found")
                    : new Answer(200, JSON.writeValueAsString(Map.of("schema", text)));
        }
        return error(404, 404, "HTTP 404 Not Found");
    }

    private static String schemaText(String body) throws IOException {
        JsonNode json = JSON.readTree(body);
        return json.get("schema").asText();
    }

    private static Answer error(int status, int code, String message) throws IOException {
        return new Answer(status, JSON.writeValueAsString(Map.of("error_code", code, "message", message)));
    }
}
