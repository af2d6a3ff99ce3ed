package dev.tickflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestOriginsTest {
    private final RequestOrigins defaults = new RequestOrigins(Set.of(), Set.of());

    @Test
    void servesIpAddressesAndLocalhostButNoOtherName() {
        assertThat(defaults.refuseHost("127.0.0.1:8080")).isEmpty();
        assertThat(defaults.refuseHost("[::1]:8080")).isEmpty();
        assertThat(defaults.refuseHost("localhost:8080")).isEmpty();
        assertThat(defaults.refuseHost("LOCALHOST")).isEmpty();
        assertThat(defaults.refuseHost("10.1.2.3")).isEmpty();

        assertThat(defaults.refuseHost("rebind.attacker.example:8080")).hasValueSatisfying(reason ->
                assertThat(reason).contains("rebind.attacker.example", ApiSettings.ALLOWED_HOSTS, "DNS rebinding"));
        assertThat(defaults.refuseHost("localhost.attacker.example")).isPresent();
        assertThat(defaults.refuseHost(null)).isPresent();
        assertThat(defaults.refuseHost(" ")).isPresent();
    }

    @Test
    void servesTheNamesItIsToldOf() {
        RequestOrigins origins = new RequestOrigins(Set.of("Tickflow.Internal"), Set.of());

        assertThat(origins.refuseHost("tickflow.internal:8080")).isEmpty();
        assertThat(origins.refuseHost("other.internal:8080")).isPresent();
    }

    @Test
    void changesFromTheApisOwnPagesAndFromNonBrowserClientsPass() {
        assertThat(defaults.refuseCrossSite("127.0.0.1:8080", "http://127.0.0.1:8080", "same-origin")).isEmpty();
        assertThat(defaults.refuseCrossSite("localhost:8080", "http://LOCALHOST:8080", null)).isEmpty();
        assertThat(defaults.refuseCrossSite("[::1]:8080", "http://[::1]:8080", null)).isEmpty();
        assertThat(defaults.refuseCrossSite("127.0.0.1", "http://127.0.0.1:80", null)).as("default port").isEmpty();
        assertThat(defaults.refuseCrossSite("127.0.0.1:8080", null, null)).as("curl, scripts").isEmpty();
        assertThat(defaults.refuseCrossSite("127.0.0.1:8080", null, "none")).as("typed into the address bar").isEmpty();
    }

    @Test
    void changesFromOtherOriginsAreRefused() {
        assertThat(defaults.refuseCrossSite("127.0.0.1:8080", "https://evil.example", "cross-site"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("https://evil.example", ApiSettings.ALLOWED_ORIGINS));
        assertThat(defaults.refuseCrossSite("127.0.0.1:8080", "http://127.0.0.1:9999", null)).as("another port").isPresent();
        assertThat(defaults.refuseCrossSite("127.0.0.1:8080", "https://127.0.0.1:8080", null)).as("another scheme's default port")
                .isEmpty();
        assertThat(defaults.refuseCrossSite("127.0.0.1:8080", "null", null)).as("sandboxed frames, file://").isPresent();
        assertThat(defaults.refuseCrossSite("127.0.0.1:8080", null, "cross-site")).as("no Origin, but a browser says cross-site")
                .isPresent();
        assertThat(defaults.refuseCrossSite("127.0.0.1:8080", null, "same-site")).isPresent();
    }

    @Test
    void allowedOriginsPassWhateverTheirCase() {
        RequestOrigins origins = new RequestOrigins(Set.of(), Set.of("https://Grafana.Internal"));

        assertThat(origins.refuseCrossSite("127.0.0.1:8080", "https://grafana.internal", "cross-site")).isEmpty();
        assertThat(origins.refuseCrossSite("127.0.0.1:8080", "https://grafana.internal:443", "cross-site")).isEmpty();
        assertThat(origins.refuseCrossSite("127.0.0.1:8080", "http://grafana.internal", "cross-site")).isPresent();
    }

    @Test
    void onlyChangingMethodsAreChecked() {
        assertThat(RequestOrigins.changes("POST")).isTrue();
        assertThat(RequestOrigins.changes("delete")).isTrue();
        assertThat(RequestOrigins.changes("PUT")).isTrue();
        assertThat(RequestOrigins.changes("PATCH")).isTrue();
        assertThat(RequestOrigins.changes("GET")).isFalse();
        assertThat(RequestOrigins.changes("HEAD")).isFalse();
        assertThat(RequestOrigins.changes("OPTIONS")).isFalse();
    }
}
