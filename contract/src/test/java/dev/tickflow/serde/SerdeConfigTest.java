package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class SerdeConfigTest {

    private static final String URL = "http://127.0.0.1:8081";

    @Test
    void defaultsFollowConfluentWhereTheyMakeSense() {
        SerdeConfig config = SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, URL));

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.credentialsSource()).isEqualTo(SerdeConfig.CredentialsSource.USER_INFO);
        assertThat(config.userInfo()).isNull();
        assertThat(config.maxRetries()).as("no limit: the wait bounds the retries").isEqualTo(Integer.MAX_VALUE);
        assertThat(config.retriesWaitMs()).isEqualTo(1000);
        assertThat(config.retriesMaxWaitMs()).isEqualTo(20000);
        assertThat(config.unavailableMaxWaitMs()).isEqualTo(5000);
        assertThat(config.specificAvroReader()).isTrue();
        assertThat(config.mockScope()).isNull();
    }

    @Test
    void valuesMayBeStringsOrTypedObjects() {
        Map<String, Object> props = new HashMap<>();
        props.put(SerdeConfig.SCHEMA_REGISTRY_URL, List.of("http://a:1/", "http://b:2/apis/ccompat/v7/"));
        props.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, "FALSE");
        props.put(SerdeConfig.MAX_RETRIES, 5);
        props.put(SerdeConfig.RETRIES_WAIT_MS, "250");
        props.put(SerdeConfig.HTTP_READ_TIMEOUT_MS, 5000L);
        props.put(SerdeConfig.SPECIFIC_AVRO_READER, false);
        props.put(SerdeConfig.BASIC_AUTH_USER_INFO, new Password("u:p"));

        SerdeConfig config = SerdeConfig.parse(props);

        assertThat(config.urls()).extracting(RegistryUrl::base).containsExactly("http://a:1", "http://b:2/apis/ccompat/v7");
        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.maxRetries()).isEqualTo(5);
        assertThat(config.retriesWaitMs()).isEqualTo(250);
        assertThat(config.readTimeoutMs()).isEqualTo(5000);
        assertThat(config.specificAvroReader()).isFalse();
        assertThat(config.userInfo()).isEqualTo("u:p");
    }

    @Test
    void aProducersMaxBlockBoundsTheWaitUnlessTheWaitIsConfigured() {
        Map<String, Object> producer = new HashMap<>(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, URL, "max.block.ms", "60000"));
        assertThat(SerdeConfig.parse(producer).unavailableMaxWaitMs()).isEqualTo(60000);

        producer.put(SerdeConfig.REGISTRY_UNAVAILABLE_MAX_WAIT_MS, 2000);
        assertThat(SerdeConfig.parse(producer).unavailableMaxWaitMs()).isEqualTo(2000);
    }

    @Test
    void commaSeparatedUrlsAreAList() {
        SerdeConfig config = SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, " http://a:1 , https://b:2 "));

        assertThat(config.urls()).extracting(RegistryUrl::base).containsExactly("http://a:1", "https://b:2");
    }

    @Test
    void aMissingUrlIsNamed() {
        assertThatThrownBy(() -> SerdeConfig.parse(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing required configuration 'schema.registry.url'")
                .hasMessageContaining("mock://");
    }

    @Test
    void badValuesNameTheirKey() {
        assertBad(SerdeConfig.MAX_RETRIES, "three", "'max.retries'", "'three'");
        assertBad(SerdeConfig.MAX_RETRIES, "-1", "'max.retries'", "between 0 and " + Integer.MAX_VALUE);
        assertBad(SerdeConfig.REGISTRY_UNAVAILABLE_MAX_WAIT_MS, "-5", "'registry.unavailable.max.wait.ms'", "between 0");
        assertBad(SerdeConfig.RETRIES_WAIT_MS, "1.5s", "'retries.wait.ms'", "integer");
        assertBad(SerdeConfig.HTTP_CONNECT_TIMEOUT_MS, "0", "'http.connect.timeout.ms'", "between 1");
        assertBad(SerdeConfig.AUTO_REGISTER_SCHEMAS, "yes", "'auto.register.schemas'", "true or false");
        assertBad(SerdeConfig.SPECIFIC_AVRO_READER, "1", "'specific.avro.reader'", "true or false");
        assertBad(SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT", "'basic.auth.credentials.source'", "USER_INFO and URL");
        assertBad(SerdeConfig.USE_LATEST_VERSION, "true", "'use.latest.version=true' is not supported", "auto.register.schemas=false");
        assertBad(SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy", "'value.subject.name.strategy'", "TopicNameStrategy");
    }

    @Test
    void topicNameStrategyIsAccepted() {
        SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, URL, SerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.TopicNameStrategy", SerdeConfig.USE_LATEST_VERSION, "false"));
    }

    @Test
    void badUrlsAreNamedWithoutTheirCredentials() {
        assertThatThrownBy(() -> SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "ftp://host:21")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'schema.registry.url'")
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://user:pa ss@host:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'schema.registry.url'")
                .hasMessageNotContaining("pa ss");
        assertThatThrownBy(() -> SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://a,http://b:1")))
                .hasMessageContaining("mock:// URL cannot be combined");
        assertThatThrownBy(() -> SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://")))
                .hasMessageContaining("mock://<scope>");
    }

    @Test
    void aMalformedUserInfoIsNamedButNotShown() {
        assertThatThrownBy(() -> SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, URL,
                SerdeConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "justAToken123")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'schema.registry.basic.auth.user.info'")
                .hasMessageContaining("user:password")
                .hasMessageNotContaining("justAToken123");
    }

    @Test
    void urlCredentialsSourceNeedsCredentialsInTheUrl() {
        assertThatThrownBy(() -> SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, URL,
                SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "url")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'basic.auth.credentials.source=URL'")
                .hasMessageContaining("'schema.registry.url'");
    }

    @Test
    void toStringNeverShowsSecrets() {
        SerdeConfig config = SerdeConfig.parse(Map.of(
                SerdeConfig.SCHEMA_REGISTRY_URL, "https://alice:url-secret@registry.example:8081",
                SerdeConfig.BASIC_AUTH_USER_INFO, "bob:info-secret"));

        assertThat(config.toString())
                .contains("https://[hidden]@registry.example:8081")
                .contains("basic.auth.user.info=[hidden]")
                .doesNotContain("url-secret")
                .doesNotContain("info-secret")
                .doesNotContain("alice");
        assertThat(config.urls().get(0).userInfo()).isEqualTo("alice:url-secret");
        assertThat(config.urls().get(0).base()).isEqualTo("https://registry.example:8081");
    }

    @Test
    void redactRemovesUserInfoFromAnyText() {
        assertThat(RegistryUrl.redact("failed: http://u:p@h:1/x and https://v:q@k/"))
                .isEqualTo("failed: http://[hidden]@h:1/x and https://[hidden]@k/");
    }

    @Test
    void mockUrlsNameAScope() {
        assertThat(SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://my-test")).mockScope())
                .isEqualTo("my-test");
    }

    private static void assertBad(String key, String value, String... fragments) {
        Map<String, Object> props = new HashMap<>();
        props.put(SerdeConfig.SCHEMA_REGISTRY_URL, URL);
        props.put(key, value);
        var thrown = assertThatThrownBy(() -> SerdeConfig.parse(props)).isInstanceOf(ConfigException.class);
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }
}
