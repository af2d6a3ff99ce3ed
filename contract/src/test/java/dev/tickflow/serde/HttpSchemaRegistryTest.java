package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.schema.Trade;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryTest {

    private FakeSchemaRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = FakeSchemaRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void eachSchemaIsRegisteredOnceAndEachIdFetchedOnce() {
        Map<String, Object> config = config(registry.url());
        AvroSerializer<Trade> trades = new AvroSerializer<>();
        trades.configure(config, false);
        AvroSerializer<Candle> candles = new AvroSerializer<>();
        candles.configure(config, false);
        AvroDeserializer<Trade> tradeReader = new AvroDeserializer<>(Trade.class);
        tradeReader.configure(config, false);
        AvroDeserializer<Candle> candleReader = new AvroDeserializer<>(Candle.class);
        candleReader.configure(config, false);

        List<byte[]> tradeBytes = new ArrayList<>();
        List<byte[]> candleBytes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tradeBytes.add(trades.serialize("md.trades", SampleRecords.trade()));
            tradeBytes.add(trades.serialize("md.trades.late", SampleRecords.trade()));
            candleBytes.add(candles.serialize("md.candles.1m", SampleRecords.candle()));
        }
        tradeBytes.forEach(bytes -> assertThat(tradeReader.deserialize("md.trades", bytes)).isEqualTo(SampleRecords.trade()));
        candleBytes.forEach(bytes -> assertThat(candleReader.deserialize("md.candles.1m", bytes)).isEqualTo(SampleRecords.candle()));

        assertThat(registry.registrations()).as("one per subject and schema").isEqualTo(3);
        assertThat(registry.fetches()).as("one per id and deserializer").isEqualTo(2);
        assertThat(registry.requests()).hasSize(5);
    }

    @Test
    void concurrentFirstUseStillRegistersOnce() throws Exception {
        AvroSerializer<Trade> serializer = new AvroSerializer<>();
        serializer.configure(config(registry.url()), false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> serializer.serialize("md.trades", SampleRecords.trade()));
            }
            for (Future<byte[]> result : pool.invokeAll(calls)) {
                assertThat(result.get()[0]).isZero();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(registry.registrations()).isEqualTo(1);
    }

    @Test
    void aSerdeLearnsTheIdToSchemaMappingFromRegistering() {
        AvroSerde<Trade> serde = AvroSerde.forClass(Trade.class, config(registry.url()), false);

        for (int i = 0; i < 10; i++) {
            byte[] bytes = serde.serializer().serialize("md.trades", SampleRecords.trade());
            assertThat(serde.deserializer().deserialize("md.trades", bytes)).isEqualTo(SampleRecords.trade());
        }

        assertThat(registry.registrations()).isEqualTo(1);
        assertThat(registry.fetches()).isZero();
    }

    @Test
    void registersTheAvscTextUnderTheTopicSubjectWithConfluentsContentType() throws IOException {
        try (FakeSchemaRegistry apicurioLike = FakeSchemaRegistry.startWithPrefix("/apis/ccompat/v7")) {
            AvroSerializer<Trade> serializer = new AvroSerializer<>();
            serializer.configure(config(apicurioLike.url() + "/"), true);

            serializer.serialize("md.trades", SampleRecords.trade());

            FakeSchemaRegistry.Request request = apicurioLike.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/subjects/md.trades-key/versions");
            assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
            String registered = apicurioLike.schemaTexts("md.trades-key").get(0);
            assertThat(registered).doesNotContain("avro.java.string");
            assertThat(RegistrySchemas.parse(registered)).isEqualTo(AvscFiles.schema("Trade"));
        }
    }

    @Test
    void basicAuthUserInfoIsSentAsAuthorizationHeader() {
        registry.requireBasicAuth("tickflow", "s3cret-pass");
        Map<String, Object> config = config(registry.url());
        config.put(SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        config.put(SerdeConfig.BASIC_AUTH_USER_INFO, "tickflow:s3cret-pass");

        byte[] bytes = serializer(config).serialize("md.trades", SampleRecords.trade());

        assertThat(bytes).isNotNull();
        assertThat(registry.requests()).extracting(FakeSchemaRegistry.Request::authorization)
                .containsExactly(basic("tickflow:s3cret-pass"));
    }

    @Test
    void theSchemaRegistryPrefixedUserInfoKeyIsAccepted() {
        registry.requireBasicAuth("tickflow", "s3cret-pass");
        Map<String, Object> config = config(registry.url());
        config.put(SerdeConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "tickflow:s3cret-pass");

        serializer(config).serialize("md.trades", SampleRecords.trade());

        assertThat(registry.requests()).extracting(FakeSchemaRegistry.Request::authorization)
                .containsExactly(basic("tickflow:s3cret-pass"));
    }

    @Test
    void credentialsInTheUrlAreSentWhenTheSourceIsUrl() {
        registry.requireBasicAuth("tickflow", "p@ss:word");
        Map<String, Object> config = config("http://tickflow:p%40ss%3Aword@127.0.0.1:" + registry.port());
        config.put(SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL");

        serializer(config).serialize("md.trades", SampleRecords.trade());

        assertThat(registry.requests()).extracting(FakeSchemaRegistry.Request::authorization)
                .containsExactly(basic("tickflow:p@ss:word"));
    }

    @Test
    void http401SaysToCheckCredentialsWithoutPrintingThem() {
        registry.requireBasicAuth("tickflow", "right-password");
        Map<String, Object> config = config(registry.url());
        config.put(SerdeConfig.BASIC_AUTH_USER_INFO, "tickflow:wrong-password-123");
        AvroSerializer<Trade> serializer = serializer(config);

        assertThatThrownBy(() -> serializer.serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("HTTP 401 Unauthorized")
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageContaining("subject 'md.trades-value'")
                .hasMessageContaining(registry.url())
                .hasMessageNotContaining("wrong-password-123")
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(SchemaRegistryException.class)
                        .extracting(c -> ((SchemaRegistryException) c).status()).isEqualTo(401));
        assertThat(registry.requests()).as("4xx is never retried").hasSize(1);
        assertThat(serializer.toString()).doesNotContain("wrong-password-123");
    }

    @Test
    void http401WithCredentialsInTheUrlRedactsThem() {
        registry.requireBasicAuth("tickflow", "right-password");
        Map<String, Object> config = config("http://tickflow:wrong-password-123@127.0.0.1:" + registry.port());
        config.put(SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL");

        assertThatThrownBy(() -> serializer(config).serialize("md.trades", SampleRecords.trade()))
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("http://[hidden]@127.0.0.1:" + registry.port())
                .hasMessageNotContaining("wrong-password-123");
    }

    @Test
    void http403SaysTheCredentialsLackPermission() {
        registry.answerEverythingWith(403, "{\"error_code\":40301,\"message\":\"User is denied operation Write\"}");

        assertThatThrownBy(() -> serializer(config(registry.url())).serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("HTTP 403 Forbidden")
                .hasMessageContaining("lack permission");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void http409NamesTheSubjectAndQuotesTheRegistry() {
        registry.answerEverythingWith(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible"
                + " with an earlier schema for subject \\\"md.trades-value\\\"\"}");

        assertThatThrownBy(() -> serializer(config(registry.url())).serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject 'md.trades-value' as incompatible")
                .hasMessageContaining("HTTP 409: error 409: Schema being registered is incompatible with an earlier schema"
                        + " for subject \"md.trades-value\"")
                .hasMessageContaining("needs a default");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void http422SaysTheSchemaIsInvalid() {
        registry.answerEverythingWith(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");

        assertThatThrownBy(() -> serializer(config(registry.url())).serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("as invalid (HTTP 422: error 42201: Invalid schema)");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void lookupWithoutAutoRegisterUsesThePreRegisteredId() {
        int id = registry.preRegister("md.trades-value", RegistrySchemas.registryText(Trade.getClassSchema()));
        Map<String, Object> config = config(registry.url());
        config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        AvroSerializer<Trade> serializer = serializer(config);

        for (int i = 0; i < 5; i++) {
            byte[] bytes = serializer.serialize("md.trades", SampleRecords.trade());
            assertThat(WireFormat.schemaId(bytes, "test", false)).isEqualTo(id);
        }

        assertThat(registry.lookups()).isEqualTo(1);
        assertThat(registry.registrations()).isZero();
    }

    @Test
    void lookup404WithoutAutoRegisterSaysToRegisterFirst() {
        Map<String, Object> config = config(registry.url());
        config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false");

        assertThatThrownBy(() -> serializer(config).serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject 'md.trades-value'")
                .hasMessageContaining("error 40401: Subject 'md.trades-value' not found.")
                .hasMessageContaining("auto.register.schemas=false")
                .hasMessageContaining("Register the schema under that subject first");
        assertThat(registry.lookups()).isEqualTo(1);
        assertThat(registry.registrations()).isZero();
    }

    @Test
    void unknownIdOverHttpNamesIdRegistryAndTopic() {
        AvroDeserializer<Trade> deserializer = new AvroDeserializer<>(Trade.class);
        deserializer.configure(config(registry.url()), false);

        assertThatThrownBy(() -> deserializer.deserialize("md.trades", new byte[] {0, 0, 0, 0, 42, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema id 42 is not known to schema registry " + registry.url())
                .hasMessageContaining("topic 'md.trades'");
        assertThat(registry.fetches()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimesThenFail() {
        registry.answerEverythingWith(503, "{\"error_code\":50301,\"message\":\"Store is not ready\"}");
        Map<String, Object> config = config(registry.url());
        config.put(SerdeConfig.MAX_RETRIES, 2);

        assertThatThrownBy(() -> serializer(config).serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("HTTP 503 on all 3 attempts")
                .hasMessageContaining("error 50301: Store is not ready")
                .hasMessageContaining("check its logs");
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void anUnreachableRegistryFailsAfterBoundedAttemptsWithBackoff() {
        int closedPort = closedPort();
        Map<String, Object> config = config("http://127.0.0.1:" + closedPort);
        config.put(SerdeConfig.MAX_RETRIES, 3);
        config.put(SerdeConfig.RETRIES_WAIT_MS, 20);
        config.put(SerdeConfig.RETRIES_MAX_WAIT_MS, 40);
        config.put(SerdeConfig.HTTP_CONNECT_TIMEOUT_MS, 1000);
        AvroSerializer<Trade> serializer = serializer(config);

        long start = System.nanoTime();
        assertThatThrownBy(() -> serializer.serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema registry unreachable at http://127.0.0.1:" + closedPort)
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("Check schema.registry.url")
                .hasMessageContaining("subject 'md.trades-value'");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).as("backoff 20 + 40 + 40 ms").isGreaterThanOrEqualTo(Duration.ofMillis(100))
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aSlowRegistryTimesOutAndIsRetriedABoundedNumberOfTimes() {
        registry.delayAnswersBy(2_000);
        Map<String, Object> config = config(registry.url());
        config.put(SerdeConfig.HTTP_READ_TIMEOUT_MS, 200);
        config.put(SerdeConfig.MAX_RETRIES, 1);
        AvroSerializer<Trade> serializer = serializer(config);

        long start = System.nanoTime();
        assertThatThrownBy(() -> serializer.serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unreachable at " + registry.url())
                .hasMessageContaining("after 2 attempts")
                .hasMessageContaining("timed out");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(2));
        assertThat(registry.registrations()).isEqualTo(2);
    }

    @Test
    void aRegistryThatIsBusyOrFailingIsWaitedForUntilItAnswers() {
        registry.answerNextWith(2, 429, "{\"error_code\":42901,\"message\":\"Too many requests\"}");
        AvroSerializer<Trade> serializer = serializer(config(registry.url()));

        byte[] bytes = serializer.serialize("md.trades", SampleRecords.trade());

        assertThat(bytes).isNotNull();
        assertThat(registry.registrations()).as("two answers 429, then the registration").isEqualTo(3);
    }

    @Test
    void anUnavailableRegistryIsWaitedForUpToTheCallsLimitThenReportedAsUnavailable() {
        registry.answerEverythingWith(503, "{\"error_code\":50301,\"message\":\"Store is not ready\"}");
        Map<String, Object> config = config(registry.url());
        config.put(SerdeConfig.REGISTRY_UNAVAILABLE_MAX_WAIT_MS, 300);
        config.put(SerdeConfig.RETRIES_MAX_WAIT_MS, 50);
        AvroDeserializer<Trade> deserializer = new AvroDeserializer<>(Trade.class);
        deserializer.configure(config, false);

        assertThatThrownBy(() -> deserializer.deserialize("md.trades", new byte[] {0, 0, 0, 0, 7, 0}))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("Cannot deserialize the value of topic 'md.trades' yet")
                .hasMessageContaining("HTTP 503");
        assertThat(registry.fetches()).as("retried until the wait was spent").isGreaterThan(1);
    }

    @Test
    void anUnreachableRegistryIsReportedAsUnavailable() {
        Map<String, Object> config = config("http://127.0.0.1:" + closedPort());
        config.put(SerdeConfig.REGISTRY_UNAVAILABLE_MAX_WAIT_MS, 100);

        assertThatThrownBy(() -> serializer(config).serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(SchemaRegistryException.NO_RESPONSE));
    }

    @Test
    void answersThatAreFinalAreNotWaitedFor() {
        Map<String, Object> config = config(registry.url());
        config.put(SerdeConfig.REGISTRY_UNAVAILABLE_MAX_WAIT_MS, 60_000);
        AvroDeserializer<Trade> deserializer = new AvroDeserializer<>(Trade.class);
        deserializer.configure(config, false);

        assertThatThrownBy(() -> deserializer.deserialize("md.trades", new byte[] {0, 0, 0, 0, 42, 0}))
                .as("404 for an unknown id from a healthy registry: the record is malformed")
                .isInstanceOf(SerializationException.class)
                .isNotInstanceOf(SchemaRegistryUnavailableException.class);
        assertThat(registry.fetches()).isEqualTo(1);

        registry.requireBasicAuth("user", "secret");
        assertThatThrownBy(() -> serializer(config).serialize("md.trades", SampleRecords.trade()))
                .hasMessageContaining("401")
                .isNotInstanceOf(SchemaRegistryUnavailableException.class);
        assertThat(registry.registrations()).isEqualTo(1);
    }

    @Test
    void anUnreachableRegistryWithCredentialsInTheUrlIsRedacted() {
        Map<String, Object> config = config("http://user:topsecret@127.0.0.1:" + closedPort());
        config.put(SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL");
        config.put(SerdeConfig.MAX_RETRIES, 0);

        assertThatThrownBy(() -> serializer(config).serialize("md.trades", SampleRecords.trade()))
                .hasMessageContaining("unreachable at http://[hidden]@127.0.0.1")
                .hasMessageContaining("after 1 attempts")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void theNextUrlIsTriedWhenOneIsUnreachable() {
        Map<String, Object> config = config("http://127.0.0.1:" + closedPort() + "," + registry.url());
        config.put(SerdeConfig.MAX_RETRIES, 0);

        byte[] bytes = serializer(config).serialize("md.trades", SampleRecords.trade());

        assertThat(bytes).isNotNull();
        assertThat(registry.registrations()).isEqualTo(1);
    }

    @Test
    void anAnswerThatIsNotTheConfluentApiIsExplained() {
        registry.answerEverythingWith(200, "<html>Apicurio UI</html>");

        assertThatThrownBy(() -> serializer(config(registry.url())).serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("/apis/ccompat/v7");
    }

    private static Map<String, Object> config(String url) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, url);
        config.put(SerdeConfig.RETRIES_WAIT_MS, 10);
        return config;
    }

    private static AvroSerializer<Trade> serializer(Map<String, Object> config) {
        AvroSerializer<Trade> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
