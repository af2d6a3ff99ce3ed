package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

    private final String scope = "mock-" + UUID.randomUUID();

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void idsCountFromOneAndAreSharedBySubjectsOfTheSameSchema() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);

        assertThat(registry.register("md.trades-value", Trade.getClassSchema())).isEqualTo(1);
        assertThat(registry.register("md.candles.1m-value", Candle.getClassSchema())).isEqualTo(2);
        assertThat(registry.register("md.trades.late-value", Trade.getClassSchema())).isEqualTo(1);
        assertThat(registry.register("md.trades-value", Trade.getClassSchema())).isEqualTo(1);
        assertThat(registry.getId("md.trades.late-value", Trade.getClassSchema())).isEqualTo(1);
        assertThat(registry.getSchemaById(2)).isEqualTo(RegistrySchemas.forRegistry(Candle.getClassSchema()));
        assertThat(registry.versions("md.trades-value")).hasSize(1);
    }

    @Test
    void theSameScopeIsTheSameRegistryUntilDropped() {
        MockSchemaRegistry.forScope(scope).register("md.trades-value", Trade.getClassSchema());
        assertThat(MockSchemaRegistry.forScope(scope)).isSameAs(MockSchemaRegistry.forScope(scope));
        assertThat(MockSchemaRegistry.forScope(scope).subjects()).containsExactly("md.trades-value");
        assertThat(MockSchemaRegistry.forScope(scope + "-other").subjects()).isEmpty();
        MockSchemaRegistry.dropScope(scope + "-other");

        MockSchemaRegistry.dropScope(scope);

        assertThat(MockSchemaRegistry.forScope(scope).subjects()).isEmpty();
    }

    @Test
    void lookupsAndFetchesFailLikeARealRegistry() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        registry.register("md.trades-value", Trade.getClassSchema());

        assertThatThrownBy(() -> registry.getId("md.candles.1m-value", Candle.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("40401")
                .extracting(e -> ((SchemaRegistryException) e).status()).isEqualTo(404);
        assertThatThrownBy(() -> registry.getId("md.trades-value", Candle.getClassSchema()))
                .hasMessageContaining("40403");
        assertThatThrownBy(() -> registry.getSchemaById(77))
                .hasMessageContaining("Schema id 77 is not known to schema registry mock://" + scope);
    }

    @Test
    void aMockUrlConfiguresTheScopesRegistry() {
        SchemaRegistryClient client = SchemaRegistryClient.create(
                SerdeConfig.parse(java.util.Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope)));

        assertThat(client).isSameAs(MockSchemaRegistry.forScope(scope));
        assertThat(client.describe()).isEqualTo("mock://" + scope);
    }
}
