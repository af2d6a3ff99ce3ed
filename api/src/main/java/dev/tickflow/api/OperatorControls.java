package dev.tickflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickflow.schema.OperatorAction;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a control request into an {@link OperatorCommand}: the instance (configured, or '*' where every instance makes
 * sense), the optional JSON body ({@code reason}, {@code symbol}, {@code operator}, {@code commandId}, and for
 * SET_PARAMETERS {@code parameters}) and the optional {@code Idempotency-Key}. Every refusal is an {@link ApiException}
 * that says what to send instead. No Kafka here.
 */
final class OperatorControls {
    static final int MAX_REASON = 500;
    static final String ALL = "*";
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Map<OperatorAction, Set<String>> FIELDS = Map.of(
            OperatorAction.PAUSE, Set.of("reason", "operator", "commandId"),
            OperatorAction.RESUME, Set.of("reason", "operator", "commandId"),
            OperatorAction.LIFT_HALT, Set.of("reason", "operator", "commandId"),
            OperatorAction.FORCE_EXIT, Set.of("reason", "operator", "commandId", "symbol"),
            OperatorAction.CANCEL_ALL, Set.of("reason", "operator", "commandId", "symbol"),
            OperatorAction.SET_PARAMETERS, Set.of("reason", "operator", "commandId", "parameters"));

    private final ObjectMapper json;

    OperatorControls(ObjectMapper json) {
        this.json = json;
    }

    /** The URL segment of an action: {@code force-exit} for FORCE_EXIT, {@code parameters} for SET_PARAMETERS. */
    static String path(OperatorAction action) {
        return action == OperatorAction.SET_PARAMETERS ? "parameters" : action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param client         who sent it: {@code api}, or {@code dashboard} for the API's own pages
     * @param idempotencyKey the {@code Idempotency-Key} header, null when absent
     * @param body           the request body, empty for none
     */
    OperatorCommand command(OperatorAction action, String rawInstance, List<StrategyInstance> instances, String client, String idempotencyKey,
                            String body, Instant now) {
        ObjectNode fields = parse(body);
        fields.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.get(action).contains(name)) {
                throw ApiException.badRequest("Unknown field '" + name + "' for " + path(action) + ": send only " + FIELDS.get(action).stream().sorted().toList());
            }
        });
        String instance = instance(action, rawInstance, instances);
        String reason = text(fields, "reason").orElse(null);
        if (reason != null && reason.length() > MAX_REASON) {
            throw ApiException.badRequest("reason is " + reason.length() + " characters long: " + MAX_REASON + " at most");
        }
        String operator = text(fields, "operator").orElse(null);
        if (operator != null && !OPERATOR.matcher(operator).matches()) {
            throw ApiException.badRequest("operator must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        String symbol = text(fields, "symbol").map(Requests::symbol).orElse(null);
        Map<String, String> parameters = action == OperatorAction.SET_PARAMETERS ? parameters(fields, instance, instances) : Map.of();
        return OperatorCommand.newBuilder()
                .setCommandId(commandId(text(fields, "commandId").orElse(null), idempotencyKey))
                .setAction(action)
                .setStrategyInstance(instance)
                .setSymbol(symbol)
                .setParameters(parameters)
                .setIssuedBy(operator == null ? client : client + ":" + operator)
                .setReason(reason)
                .setRequestedAt(now)
                .build();
    }

    /** Whether {@code repeat} asks for the same thing as {@code original} (a retried request). */
    static boolean sameRequest(OperatorCommand original, OperatorCommand repeat) {
        return original.getAction() == repeat.getAction() && original.getStrategyInstance().equals(repeat.getStrategyInstance())
                && Objects.equals(original.getSymbol(), repeat.getSymbol()) && original.getParameters().equals(repeat.getParameters());
    }

    private static String instance(OperatorAction action, String raw, List<StrategyInstance> instances) {
        List<String> names = instances.stream().map(StrategyInstance::name).toList();
        if (ALL.equals(raw)) {
            if (action == OperatorAction.SET_PARAMETERS) {
                throw ApiException.badRequest("Parameters are changed one instance at a time: name one of " + names + " instead of '*'");
            }
            return ALL;
        }
        String instance = Requests.optionalInstance(raw);
        if (instance == null || !names.contains(instance)) {
            throw ApiException.notFound("Unknown strategy instance '" + (instance == null ? "" : instance) + "': the strategy service runs " + names
                    + " (GET /strategy); '*' means every instance");
        }
        return instance;
    }

    /** Names the instance's type knows and values it accepts, checked as the strategy service will (it decides last). */
    private static Map<String, String> parameters(ObjectNode fields, String instance, List<StrategyInstance> instances) {
        JsonNode node = fields.get("parameters");
        StrategyInstance target = instances.stream().filter(candidate -> candidate.name().equals(instance)).findFirst().orElseThrow();
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw ApiException.badRequest("Send {\"parameters\": {\"<name>\": \"<value>\", ...}} with at least one of " + target.parameterNames()
                    + " of instance " + instance);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (!value.isTextual() && !value.isNumber()) {
                throw ApiException.badRequest("Parameter '" + entry.getKey() + "' must be a string or a number, e.g. \"20\" or \"0.15\"");
            }
            parameters.put(entry.getKey(), value.isTextual() ? value.textValue().trim() : value.decimalValue().toPlainString());
        });
        try {
            target.withParameters(parameters);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return parameters;
    }

    private static String commandId(String fromBody, String idempotencyKey) {
        if (fromBody != null && idempotencyKey != null && !fromBody.equals(idempotencyKey.trim())) {
            throw ApiException.badRequest("commandId and the Idempotency-Key header differ: send one of them");
        }
        String given = fromBody != null ? fromBody : idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (given == null) {
            return UUID.randomUUID().toString();
        }
        try {
            return UUID.fromString(given).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("A command id (commandId or Idempotency-Key) must be a UUID, e.g. " + UUID.randomUUID());
        }
    }

    private ObjectNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // reported below
        }
        throw ApiException.badRequest("The body must be a JSON object, e.g. {\"reason\": \"maintenance\"}, or empty");
    }

    private static Optional<String> text(ObjectNode fields, String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(name + " must be a string");
        }
        return Optional.of(node.textValue().trim()).filter(text -> !text.isEmpty());
    }
}
