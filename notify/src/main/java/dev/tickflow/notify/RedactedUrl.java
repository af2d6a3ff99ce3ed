package dev.tickflow.notify;

import java.net.URI;

/** How a webhook URL may be shown: scheme, host and port only, since paths and queries of webhooks usually hold their secret. */
public final class RedactedUrl {
    private RedactedUrl() {
    }

    public static String of(URI url) {
        if (url == null || url.getHost() == null) {
            return "[hidden]";
        }
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        boolean hidden = url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/") || url.getRawQuery() != null;
        return url.getScheme() + "://" + url.getHost() + port + (hidden ? "/[hidden]" : "");
    }
}
