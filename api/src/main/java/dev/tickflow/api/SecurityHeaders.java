package dev.tickflow.api;

import java.util.function.BiConsumer;

/**
 * The headers every response carries: a Content-Security-Policy that allows only the API's own scripts, styles,
 * images and connections (its WebSocket included) and no framing, plus the usual hardening headers.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /**
     * @param header sets one response header
     * @param host   the request's accepted Host header, for the WebSocket's address in connect-src; null when refused
     */
    static void apply(BiConsumer<String, String> header, String host) {
        String webSocket = host == null ? "" : " ws://" + host + " wss://" + host;
        header.accept("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'" + webSocket + "; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'; object-src 'none'");
        header.accept("X-Frame-Options", "DENY");
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
        header.accept("Cross-Origin-Resource-Policy", "same-origin");
    }
}
