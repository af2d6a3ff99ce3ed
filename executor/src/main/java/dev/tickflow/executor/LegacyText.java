package dev.tickflow.executor;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A store value as the executor wrote it before the state-codec convention: UTF-8 {@code key=value} lines, decimals as
 * plain strings, absent fields left out. Such a value starts with a lower-case letter (the first key), a byte no
 * version header has, so it is recognised without a header.
 */
final class LegacyText {
    private final Map<String, String> fields;

    private LegacyText(Map<String, String> fields) {
        this.fields = fields;
    }

    static boolean isText(byte[] bytes) {
        return bytes.length > 0 && bytes[0] >= 'a' && bytes[0] <= 'z';
    }

    static LegacyText parse(byte[] bytes) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new LegacyText(fields);
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    String get(String key) {
        return fields.get(key);
    }

    /** The field parsed, or null when absent. */
    <T> T get(String key, Function<String, T> parse) {
        return get(key, parse, null);
    }

    <T> T get(String key, Function<String, T> parse, T absent) {
        String value = fields.get(key);
        return value == null ? absent : parse.apply(value);
    }
}
