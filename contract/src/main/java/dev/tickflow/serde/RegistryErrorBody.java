package dev.tickflow.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns a registry's error answer ({@code {"error_code":40901,"message":"..."}} or any text) into a short description. */
final class RegistryErrorBody {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 500;

    private RegistryErrorBody() {
    }

    static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "empty answer";
        }
        String text = body.strip();
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.hasNonNull("message")) {
                String code = json.hasNonNull("error_code") ? "error " + json.get("error_code").asText() + ": " : "";
                text = code + json.get("message").asText();
            }
        } catch (java.io.IOException notJson) {
            // shown as it is
        }
        text = RegistryUrl.redact(text);
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }
}
