package dev.tickflow.serde;

import dev.tickflow.config.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigException;

/**
  * One entry of {@code schema.registry.url}: the base URL to send requests to (without credentials),
  * the credentials that were embedded in it (a secret), and a redacted form for messages.
  */
public final class RegistryUrl {

    static final String HIDDEN = Secrets.REDACTED;
    private static final String MOCK_PREFIX = "mock://";

    private final String base;
    private final String userInfo;
    private final String redacted;

    private RegistryUrl(String base, String userInfo, String redacted) {
        this.base = base;
        this.userInfo = userInfo;
        this.redacted = redacted;
    }

    /** Parses one URL; a malformed one fails with a message that names the key but not the credentials. */
    public static RegistryUrl parse(String text) {
        if (text.regionMatches(true, 0, MOCK_PREFIX, 0, MOCK_PREFIX.length())) {
            String scope = text.substring(MOCK_PREFIX.length());
            if (scope.isEmpty() || scope.contains("/")) {
                throw invalid(text, "a mock URL is mock://<scope>, e.g. mock://my-test");
            }
            return new RegistryUrl(MOCK_PREFIX + scope, null, MOCK_PREFIX + scope);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(text, "expected an http:// or https:// URL, or mock://<scope>");
        }
        if (uri.getHost() == null) {
            throw invalid(text, "the URL has no host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String hostPort = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        String base = scheme + "://" + hostPort + path;
        String userInfo = uri.getUserInfo();
        String redacted = userInfo == null ? base : scheme + "://" + HIDDEN + "@" + hostPort + path;
        return new RegistryUrl(base, userInfo, redacted);
    }

    /** Removes credentials from any text that may contain a URL with user info. */
    public static String redact(String text) {
        return Secrets.redactUrlUserInfo(text);
    }

    /** The base URL without credentials and without a trailing slash. */
    public String base() {
        return base;
    }

    /** The decoded {@code user:password} embedded in the URL, or null. A secret: never log it. */
    public String userInfo() {
        return userInfo;
    }

    /** The URL with any credentials replaced, safe for messages and logs. */
    public String redacted() {
        return redacted;
    }

    public boolean isMock() {
        return base.startsWith(MOCK_PREFIX);
    }

    public String mockScope() {
        return isMock() ? base.substring(MOCK_PREFIX.length()) : null;
    }

    @Override
    public String toString() {
        return redacted;
    }

    private static ConfigException invalid(String text, String reason) {
        return new ConfigException("Invalid value '" + redact(text) + "' for configuration '"
                + SerdeConfig.SCHEMA_REGISTRY_URL + "': " + reason + ".");
    }
}
