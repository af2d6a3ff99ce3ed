package dev.tickflow.config;

import java.util.regex.Pattern;

/** Decides which configuration values are secret, so that printing a configuration never shows them. */
public final class Secrets {
    /** The placeholder, as Kafka prints passwords. */
    public static final String REDACTED = "[hidden]";

    private static final Pattern URL_USER_INFO = Pattern.compile("//[^/?#]*@");
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|secret|jaas\\.config|user\\.info|credentials|api\\.key|token|private\\.key|keystore\\.key).*");

    private Secrets() {
    }

    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    public static String redact(String key, Object value) {
        if (value == null) {
            return "null";
        }
        return isSecretKey(key) ? REDACTED : redactUrlUserInfo(String.valueOf(value));
    }

    /** Hides credentials embedded in URLs such as {@code http://user:secret@host/}. */
    public static String redactUrlUserInfo(String text) {
        return text == null ? null : URL_USER_INFO.matcher(text).replaceAll("//" + REDACTED + "@");
    }
}
