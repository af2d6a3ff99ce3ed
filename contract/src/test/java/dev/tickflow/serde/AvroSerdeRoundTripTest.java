package dev.tickflow.serde;

import static dev.tickflow.serde.Decimals.assertSameValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.schema.Trade;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeRoundTripTest {

    private static final String TOPIC = "md.test";

    private final String scope = "round-trip-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    static List<SpecificRecord> records() {
        return SampleRecords.allVariants();
    }

    @ParameterizedTest
    @MethodSource("records")
    void everyRecordRoundTripsAsValue(SpecificRecord record) {
        byte[] bytes = serializer(false).serialize(TOPIC, record);

        Object decoded = deserializer(record.getClass(), false).deserialize(TOPIC, bytes);

        assertThat(decoded).isInstanceOf(record.getClass()).isEqualTo(record);
        assertThat(MockSchemaRegistry.forScope(scope).subjects()).containsExactly(TOPIC + "-value");
    }

    @ParameterizedTest
    @MethodSource("records")
    void everyRecordRoundTripsAsKeyUnderTheKeySubject(SpecificRecord record) {
        byte[] bytes = serializer(true).serialize(TOPIC, record);

        Object decoded = deserializer(record.getClass(), true).deserialize(TOPIC, bytes);

        assertThat(decoded).isEqualTo(record);
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        assertThat(registry.subjects()).containsExactly(TOPIC + "-key");
        assertThat(schemaIdOf(bytes)).isEqualTo(registry.getId(TOPIC + "-key", record.getSchema()));
    }

    @ParameterizedTest
    @MethodSource("records")
    void decimalsWithFewerDecimalPlacesThanTheSchemaEncodeToTheSameBytes(SpecificRecord record) {
        SpecificRecord shortened = Decimals.withShortestDecimals(record);

        byte[] bytes = serializer(false).serialize(TOPIC, shortened);

        assertThat(bytes).isEqualTo(serializer(false).serialize(TOPIC, record));
        Object decoded = deserializer(record.getClass(), false).deserialize(TOPIC, bytes);
        assertThat(decoded).isEqualTo(record);
        assertSameValues(decoded, shortened);
    }

    @Test
    void wireLayoutIsMagicByteThenBigEndianIdThenAvroBinary() throws Exception {
        Trade trade = SampleRecords.trade();
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        registry.register("other-value", Candle.getClassSchema());
        registry.register("another-value", SampleRecords.fill().getSchema());

        byte[] bytes = serializer(false).serialize(TOPIC, trade);

        int id = registry.getId(TOPIC + "-value", Trade.getClassSchema());
        assertThat(id).isEqualTo(3);
        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 0, 3);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(trade));
    }

    @Test
    void largeIdsAreWrittenBigEndian() {
        assertThat(WireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
        assertThat(WireFormat.schemaId(new byte[] {0, 0x7f, (byte) 0xff, 0, 1}, "test", false)).isEqualTo(0x7fff0001);
    }

    @Test
    void nullValuesAreTombstonesBothWays() {
        assertThat(serializer(false).serialize("control.symbols", null)).isNull();
        assertThat(deserializer(Trade.class, false).deserialize("control.symbols", null)).isNull();
        assertThat(MockSchemaRegistry.forScope(scope).subjects()).isEmpty();
    }

    @Test
    void oneSchemaHasOneIdAcrossSubjects() {
        Serializer<SpecificRecord> serializer = serializer(false);
        byte[] trades = serializer.serialize("md.trades", SampleRecords.trade());
        byte[] late = serializer.serialize("md.trades.late", SampleRecords.trade());
        byte[] candles = serializer.serialize("md.candles.1m", SampleRecords.candle());

        assertThat(schemaIdOf(trades)).isEqualTo(schemaIdOf(late)).isNotEqualTo(schemaIdOf(candles));
        assertThat(MockSchemaRegistry.forScope(scope).subjects())
                .containsExactly("md.candles.1m-value", "md.trades-value", "md.trades.late-value");
    }

    @Test
    void serdeForClassSharesOneClientBetweenSerializerAndDeserializer() {
        try (AvroSerde<Trade> serde = AvroSerde.forClass(Trade.class, config, false)) {
            Trade decoded = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, SampleRecords.trade()));

            assertThat(decoded).isEqualTo(SampleRecords.trade());
        }
    }

    @Test
    void serdeConfiguredWithAnExplicitClientNeedsNoUrl() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        AvroSerde<Trade> serde = new AvroSerde<>(Trade.class, registry);
        serde.configure(Map.of(), true);

        byte[] bytes = serde.serializer().serialize(TOPIC, SampleRecords.trade());

        assertThat(registry.subjects()).containsExactly(TOPIC + "-key");
        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(SampleRecords.trade());
    }

    @Test
    void noArgClassesWorkAsKafkaClientConfigClasses() throws Exception {
        @SuppressWarnings("unchecked")
        Serializer<Object> serializer = (Serializer<Object>) Class.forName(AvroSerializer.class.getName())
                .getDeclaredConstructor().newInstance();
        @SuppressWarnings("unchecked")
        Deserializer<Object> deserializer = (Deserializer<Object>) Class.forName(AvroDeserializer.class.getName())
                .getDeclaredConstructor().newInstance();
        serializer.configure(config, false);
        deserializer.configure(config, false);

        for (SpecificRecord record : SampleRecords.all()) {
            String topic = "topic-of-" + record.getSchema().getName();
            Object decoded = deserializer.deserialize(topic, serializer.serialize(topic, record));
            assertThat(decoded).as("the generated class is found by the writer schema's name").isEqualTo(record);
        }
    }

    @Test
    void configuredValueTypeIsUsedWithoutAConstructorClass() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, Trade.class.getName()), false);

        Object decoded = deserializer.deserialize(TOPIC, serializer(false).serialize(TOPIC, SampleRecords.trade()));

        assertThat(decoded).isEqualTo(SampleRecords.trade());
    }

    @Test
    void specificReaderOffGivesGenericRecordsWithLogicalTypes() {
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                SerdeConfig.SPECIFIC_AVRO_READER, "false"), false);
        Trade trade = SampleRecords.trade();

        GenericRecord decoded = deserializer.deserialize(TOPIC, serializer(false).serialize(TOPIC, trade));

        assertThat(decoded).isNotInstanceOf(Trade.class);
        assertThat(decoded.getSchema().getFullName()).isEqualTo("dev.tickflow.schema.Trade");
        assertThat(decoded.get("symbol")).hasToString(trade.getSymbol());
        assertThat(decoded.get("price")).isEqualTo(trade.getPrice());
        assertThat(decoded.get("tradeTime")).isEqualTo(trade.getTradeTime());
    }

    @Test
    void aSmallerDecimalScaleIsPaddedNotRejected() {
        Trade trade = Trade.newBuilder(SampleRecords.trade()).setPrice(new BigDecimal("0.5")).build();

        Trade decoded = deserializer(Trade.class, false).deserialize(TOPIC, serializer(false).serialize(TOPIC, trade));

        assertThat(decoded.getPrice()).isEqualTo(new BigDecimal("0.50000000"));
    }

    @Test
    void aDecimalThatWouldNeedRoundingIsRejectedNamingFieldAndValue() {
        Trade trade = Trade.newBuilder(SampleRecords.trade()).setPrice(new BigDecimal("97250.123456789")).build();

        assertThatThrownBy(() -> serializer(false).serialize("md.trades", trade))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Trade.price = 97250.123456789")
                .hasMessageContaining("9 decimal places")
                .hasMessageContaining("decimal(30,8) allows 8")
                .hasMessageContaining("never rounds")
                .hasMessageContaining("topic 'md.trades'");
    }

    @Test
    void aDecimalTooLargeForItsPrecisionIsRejectedNamingField() {
        Trade trade = Trade.newBuilder(SampleRecords.trade()).setQuantity(new BigDecimal("1E+25")).build();

        assertThatThrownBy(() -> serializer(false).serialize("md.trades", trade))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Trade.quantity = 10000000000000000000000000")
                .hasMessageContaining("needs 34 digits")
                .hasMessageContaining("decimal(30,8)");
    }

    /** Avro's generated code converts the values of a map of decimals too: exact decimals at the schema's scale, both ways. */
    @Test
    void decimalValuesOfAMapAreConvertedBothWays() {
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        indicators.put("upper", new BigDecimal("97250.5"));
        indicators.put("lower", new BigDecimal("-0.0000000000000001"));
        IndicatorSnapshot snapshot = IndicatorSnapshot.newBuilder(SampleRecords.indicatorSnapshot()).setIndicators(indicators).build();

        IndicatorSnapshot decoded = deserializer(IndicatorSnapshot.class, false).deserialize(TOPIC, serializer(false).serialize(TOPIC, snapshot));

        assertThat(decoded.getIndicators()).containsOnlyKeys("upper", "lower");
        assertThat(decoded.getIndicators().values()).allSatisfy(value -> assertThat(value).isInstanceOf(BigDecimal.class));
        assertThat(decoded.getIndicators().get("upper")).isEqualTo(new BigDecimal("97250.5000000000000000"));
        assertThat(decoded.getIndicators().get("lower")).isEqualTo(new BigDecimal("-0.0000000000000001"));
    }

    @Test
    void aDecimalOfAMapThatWouldNeedRoundingIsRejectedNamingItsKey() {
        IndicatorSnapshot snapshot = IndicatorSnapshot.newBuilder(SampleRecords.indicatorSnapshot())
                .setIndicators(Map.of("sma", new BigDecimal("1.00000000000000001"))).build();

        assertThatThrownBy(() -> serializer(false).serialize("strategy.indicators", snapshot))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("IndicatorSnapshot.indicators[sma] = 1.00000000000000001")
                .hasMessageContaining("decimal(38,16) allows 16");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        Trade trade = SampleRecords.trade();
        trade.setExchange(null);

        assertThatThrownBy(() -> serializer(false).serialize("md.trades", trade))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Trade.exchange")
                .hasMessageContaining("value of topic 'md.trades'");
    }

    @Test
    void aFailedRecordDoesNotCorruptTheNextOne() {
        Serializer<SpecificRecord> serializer = serializer(false);
        Trade bad = Trade.newBuilder(SampleRecords.trade()).setPrice(new BigDecimal("1.123456789")).build();
        assertThatThrownBy(() -> serializer.serialize(TOPIC, bad)).isInstanceOf(SerializationException.class);

        byte[] bytes = serializer.serialize(TOPIC, SampleRecords.trade());

        assertThat(deserializer(Trade.class, false).deserialize(TOPIC, bytes)).isEqualTo(SampleRecords.trade());
    }

    @Test
    void anUnconfiguredSerializerSaysHowToConfigureIt() {
        assertThatThrownBy(() -> new AvroSerializer<Trade>().serialize(TOPIC, SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not configured")
                .hasMessageContaining("schema.registry.url");
    }

    private Serializer<SpecificRecord> serializer(boolean isKey) {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
        serializer.configure(config, isKey);
        return serializer;
    }

    private <T> Deserializer<T> deserializer(Class<T> type, boolean isKey) {
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(type);
        deserializer.configure(config, isKey);
        return deserializer;
    }

    private static int schemaIdOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    private static byte[] avroBinary(Trade trade) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<Trade>(Trade.getClassSchema(), SpecificData.getForClass(Trade.class)).write(trade, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
