package dev.tickflow.executor.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * The client order id of the order a signal causes: {@code tf-} and the first 22 characters of the URL-safe Base64
 * SHA-256 of the signal id (132 bits). Binance allows {@code ^[.A-Z:/a-z0-9_-]{1,36}$}; this id has 25 characters of
 * that alphabet. The same signal always names the same order, so the executor can ask the exchange whether it already
 * placed it.
 */
public final class ClientOrderIds {
    public static final String PREFIX = "tf-";
    static final int HASH_CHARACTERS = 22;

    private ClientOrderIds() {
    }

    public static String of(String signalId) {
        Objects.requireNonNull(signalId, "signalId");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signalId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, HASH_CHARACTERS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
