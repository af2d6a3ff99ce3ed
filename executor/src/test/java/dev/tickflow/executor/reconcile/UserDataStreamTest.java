package dev.tickflow.executor.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeSpotExchange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDataStreamTest {

    @Test
    void theSubscriptionIsSignedOverItsSortedParameters() {
        Map<String, String> params = UserDataStream.signedParams("key-1", "secret-1", 1_767_225_600_000L);

        assertThat(params).containsOnlyKeys("apiKey", "timestamp", "signature");
        assertThat(params.get("apiKey")).isEqualTo("key-1");
        // HMAC-SHA256("secret-1", "apiKey=key-1&timestamp=1767225600000"), computed independently
        assertThat(params.get("signature")).isEqualTo(hmac("secret-1", "apiKey=key-1&timestamp=1767225600000"));
        assertThat(params.get("signature")).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void theWebSocketApiIsDerivedFromTheRestUrlUnlessConfigured() {
        ReconcileSettings defaults = ReconcileSettings.defaults();
        assertThat(defaults.userDataStreamUri("http://127.0.0.1:4567").toString()).isEqualTo("ws://127.0.0.1:4567/ws-api/v3");
        assertThat(defaults.userDataStreamUri("https://exchange.invalid").toString()).isEqualTo("wss://exchange.invalid/ws-api/v3");
        ReconcileSettings configured = new ReconcileSettings(true, defaults.interval(), true, "wss://stream.invalid:9443/ws-api/v3");
        assertThat(configured.userDataStreamUri("http://127.0.0.1:4567").toString()).isEqualTo("wss://stream.invalid:9443/ws-api/v3");
    }

    @Test
    void subscribesOnTheFakeExchangeReportsChangesAndResubscribesAfterADrop() throws Exception {
        try (FakeBinance fake = new FakeBinance();
             UserDataStream stream = new UserDataStream(ReconcileSettings.defaults().userDataStreamUri(fake.restUrl()),
                     FakeSpotExchange.DEFAULT_API_KEY, FakeSpotExchange.DEFAULT_SECRET, Clock.systemUTC())) {
            stream.start();
            FakeBinance.await(Duration.ofSeconds(10), () -> stream.subscriptions() == 1);
            assertThat(stream.takeChanged()).as("a subscription asks for a resync").isTrue();
            assertThat(stream.takeChanged()).isFalse();

            fake.spot().deposit("BTC", new BigDecimal("1"));
            FakeBinance.await(Duration.ofSeconds(10), stream::takeChanged);

            fake.dropConnections();
            FakeBinance.await(Duration.ofSeconds(10), () -> stream.subscriptions() == 2 && fake.spot().userDataStream().subscribed() == 1);
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheFake() throws Exception {
        try (FakeBinance fake = new FakeBinance();
             UserDataStream stream = new UserDataStream(ReconcileSettings.defaults().userDataStreamUri(fake.restUrl()),
                     FakeSpotExchange.DEFAULT_API_KEY, "not-the-secret", Clock.systemUTC())) {
            stream.start();
            FakeBinance.await(Duration.ofSeconds(10), () -> fake.spot().userDataStream().refusedSubscriptions() >= 2);
            assertThat(stream.subscriptions()).as("refused, tried again after a back-off, refused again").isZero();
            assertThat(fake.spot().userDataStream().subscribed()).isZero();
        }
    }

    private static String hmac(String secret, String payload) {
        return FakeSpotExchange.hmacSha256(secret, payload);
    }
}
