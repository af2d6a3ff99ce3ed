package dev.tickflow.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which requests may reach the API, judged from their {@code Host}, {@code Origin} and {@code Sec-Fetch-Site} headers.
 * <ul>
 *   <li><b>DNS rebinding</b>: a web page whose name the attacker points at 127.0.0.1 reaches the API with its own name
 *       in {@code Host}. Only IP literals, {@code localhost} and the names in {@code api.allowed.hosts} are served.</li>
 *   <li><b>Cross-site requests</b>: a POST or DELETE from any web page the user visits needs no preflight, and any page
 *       may open a WebSocket. Changes and WebSocket handshakes that a browser marks as coming from another origin are
 *       refused unless that origin is in {@code api.allowed.origins}. Clients that are not browsers send neither
 *       header and are not affected.</li>
 * </ul>
 */
final class RequestOrigins {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Set<String> CHANGING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> allowedHostNames;
    private final Set<String> allowedOrigins;

    RequestOrigins(Set<String> allowedHostNames, Set<String> allowedOrigins) {
        this.allowedHostNames = allowedHostNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.allowedOrigins = allowedOrigins.stream().map(RequestOrigins::normalizedOrigin).collect(Collectors.toUnmodifiableSet());
    }

    static boolean changes(String method) {
        return CHANGING_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Why a request with this {@code Host} header is refused; empty when it may be served. */
    Optional<String> refuseHost(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("The request has no Host header");
        }
        String name = hostName(host);
        if (name.equals("localhost") || isIpLiteral(name) || allowedHostNames.contains(name)) {
            return Optional.empty();
        }
        return Optional.of("Host '" + abbreviate(host) + "' is not served: use an IP address or localhost, or add the name to "
                + ApiSettings.ALLOWED_HOSTS + " (this check stops DNS rebinding)");
    }

    /**
     * Why a change (POST, PUT, PATCH, DELETE) or a WebSocket handshake from a browser page of another origin is refused;
     * empty when it comes from the API's own pages, an allowed origin, or a client that is not a browser.
     */
    Optional<String> refuseCrossSite(String host, String origin, String fetchSite) {
        if (origin != null) {
            if (sameOrigin(origin, host) || allowedOrigins.contains(normalizedOrigin(origin))) {
                return Optional.empty();
            }
            return Optional.of("Requests from the web page origin '" + abbreviate(origin) + "' are refused: only the API's own pages (or an origin in "
                    + ApiSettings.ALLOWED_ORIGINS + ") may change anything or open the WebSocket");
        }
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return Optional.of("A " + fetchSite + " request from a web page is refused: only the API's own pages may change anything or open the WebSocket");
        }
        return Optional.empty();
    }

    /** Whether {@code origin} (scheme://host[:port]) names the same host and port as the {@code Host} header. */
    private static boolean sameOrigin(String origin, String host) {
        Optional<URI> uri = parse(origin);
        if (uri.isEmpty() || host == null) {
            return false;
        }
        String scheme = uri.get().getScheme();
        int defaultPort = "https".equals(scheme) ? 443 : 80;
        return authority(uri.get().getHost(), uri.get().getPort() < 0 ? defaultPort : uri.get().getPort())
                .equals(authority(hostName(host), hostPort(host, defaultPort)));
    }

    private static String authority(String name, int port) {
        return name.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "") + ":" + port;
    }

    private static String normalizedOrigin(String origin) {
        return parse(origin).map(uri -> uri.getScheme() + "://" + authority(uri.getHost(),
                uri.getPort() < 0 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort())).orElse(origin);
    }

    private static Optional<URI> parse(String origin) {
        try {
            URI uri = new URI(origin.trim().toLowerCase(Locale.ROOT));
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The name of a {@code Host} header: {@code [::1]:8080} gives {@code ::1}, {@code Example.com:80} {@code example.com}. */
    static String hostName(String host) {
        String trimmed = host.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("[")) {
            int end = trimmed.indexOf(']');
            return end < 0 ? trimmed : trimmed.substring(1, end);
        }
        int colon = trimmed.lastIndexOf(':');
        return colon < 0 ? trimmed : trimmed.substring(0, colon);
    }

    private static int hostPort(String host, int defaultPort) {
        String trimmed = host.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0 || trimmed.lastIndexOf(']') > colon) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isIpLiteral(String name) {
        return IPV4.matcher(name).matches() || name.contains(":");
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
