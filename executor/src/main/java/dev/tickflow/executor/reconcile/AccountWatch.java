package dev.tickflow.executor.reconcile;

import java.util.Objects;

/**
 * What an exchange venue offers for reconciliation: its account over REST, the user-data stream that says when it
 * changed (none in tests that drive reconciliation by hand), and the settings.
 */
public final class AccountWatch implements AutoCloseable {
    private final ExchangeAccount account;
    private final UserDataStream stream;
    private final ReconcileSettings settings;

    public AccountWatch(ExchangeAccount account, UserDataStream stream, ReconcileSettings settings) {
        this.account = Objects.requireNonNull(account, "account");
        this.stream = stream;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ExchangeAccount account() {
        return account;
    }

    public ReconcileSettings settings() {
        return settings;
    }

    /** Starts the user-data stream, if there is one. */
    public void start() {
        if (stream != null) {
            stream.start();
        }
    }

    /** Whether the stream reported a change, or (re)subscribed, since the last call. */
    public boolean takeChanged() {
        return stream != null && stream.takeChanged();
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}
