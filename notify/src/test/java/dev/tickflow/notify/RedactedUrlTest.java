package dev.tickflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactedUrlTest {

    @Test
    void keepsSchemeHostAndPortOnly() {
        assertThat(RedactedUrl.of(URI.create("https://hooks.example.invalid/services/T000/B000/XXXXSECRET")))
                .isEqualTo("https://hooks.example.invalid/[hidden]");
        assertThat(RedactedUrl.of(URI.create("http://127.0.0.1:8080/hook?token=SECRET"))).isEqualTo("http://127.0.0.1:8080/[hidden]");
        assertThat(RedactedUrl.of(URI.create("https://user:SECRET@hooks.example.invalid/"))).isEqualTo("https://hooks.example.invalid");
        assertThat(RedactedUrl.of(URI.create("http://127.0.0.1:8080"))).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void hidesWhatIsNotAUrlWithAHost() {
        assertThat(RedactedUrl.of(URI.create("SECRET"))).isEqualTo("[hidden]");
        assertThat(RedactedUrl.of(null)).isEqualTo("[hidden]");
    }

    @Test
    void aTargetPrintsRedacted() {
        WebhookTarget target = new WebhookTarget("ops", URI.create("https://hooks.example.invalid/T0/B0/SECRET"), PayloadFormat.SLACK, null, null,
                NotificationFilter.ALL);

        assertThat(target.toString()).isEqualTo("ops (slack to https://hooks.example.invalid/[hidden])");
    }
}
