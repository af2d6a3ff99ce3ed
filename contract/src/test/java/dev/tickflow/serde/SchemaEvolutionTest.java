package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.OrderType;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.schema.Trade;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

    /** OrderEvent as first published: before signalId, filledQuantity and averageFillPrice were added with defaults. */
    private static final String ORDER_EVENT_V1 = """
            {"type":"record","name":"OrderEvent","namespace":"dev.tickflow.schema","fields":[
                {"name":"clientOrderId","type":"string"},
                {"name":"exchangeOrderId","type":["null","string"],"default":null},
                {"name":"strategyInstance","type":"string"},
                {"name":"symbol","type":"string"},
                {"name":"side","type":{"type":"enum","name":"OrderSide","symbols":["BUY","SELL"]}},
                {"name":"type","type":{"type":"enum","name":"OrderType","symbols":["MARKET","LIMIT"]}},
                {"name":"quantity","type":{"type":"bytes","logicalType":"decimal","precision":30,"scale":8}},
                {"name":"price","type":["null",{"type":"bytes","logicalType":"decimal","precision":30,"scale":8}],"default":null},
                {"name":"status","type":{"type":"enum","name":"OrderStatus",
                    "symbols":["NEW","PARTIALLY_FILLED","FILLED","REJECTED","CANCELED","EXPIRED"]}},
                {"name":"rejectReason","type":["null","string"],"default":null},
                {"name":"eventTime","type":{"type":"long","logicalType":"timestamp-millis"}},
                {"name":"broker","type":"string"}
            ]}""";

    /** A future Trade with a field this code does not know yet. */
    private static final String TRADE_V2 = """
            {"type":"record","name":"Trade","namespace":"dev.tickflow.schema","fields":[
                {"name":"exchange","type":"string"},
                {"name":"symbol","type":"string"},
                {"name":"tradeId","type":"long"},
                {"name":"firstTradeId","type":"long"},
                {"name":"lastTradeId","type":"long"},
                {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":30,"scale":8}},
                {"name":"quantity","type":{"type":"bytes","logicalType":"decimal","precision":30,"scale":8}},
                {"name":"tradeTime","type":{"type":"long","logicalType":"timestamp-millis"}},
                {"name":"buyerIsMaker","type":"boolean"},
                {"name":"venueSequence","type":"long","default":-1},
                {"name":"eventTime","type":{"type":"long","logicalType":"timestamp-millis"}},
                {"name":"ingestTime","type":{"type":"long","logicalType":"timestamp-millis"}}
            ]}""";

    /** Trade without ingestTime: the current Trade cannot read it, as ingestTime has no default. */
    private static final String TRADE_WITHOUT_INGEST_TIME = """
            {"type":"record","name":"Trade","namespace":"dev.tickflow.schema","fields":[
                {"name":"exchange","type":"string"},
                {"name":"symbol","type":"string"},
                {"name":"tradeId","type":"long"},
                {"name":"firstTradeId","type":"long"},
                {"name":"lastTradeId","type":"long"},
                {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":30,"scale":8}},
                {"name":"quantity","type":{"type":"bytes","logicalType":"decimal","precision":30,"scale":8}},
                {"name":"tradeTime","type":{"type":"long","logicalType":"timestamp-millis"}},
                {"name":"buyerIsMaker","type":"boolean"},
                {"name":"eventTime","type":{"type":"long","logicalType":"timestamp-millis"}}
            ]}""";

    /** IndicatorSnapshot before the map of every published indicator was added (default {}). */
    private static final String INDICATOR_SNAPSHOT_V1 = """
            {"type":"record","name":"IndicatorSnapshot","namespace":"dev.tickflow.schema","fields":[
                {"name":"strategyInstance","type":"string"},
                {"name":"symbol","type":"string"},
                {"name":"openTime","type":{"type":"long","logicalType":"timestamp-millis"}},
                {"name":"close","type":{"type":"bytes","logicalType":"decimal","precision":30,"scale":8}},
                {"name":"sma","type":["null",{"type":"bytes","logicalType":"decimal","precision":38,"scale":16}],"default":null},
                {"name":"ema","type":["null",{"type":"bytes","logicalType":"decimal","precision":38,"scale":16}],"default":null}
            ]}""";

    private static final GenericData MODEL = new GenericData();

    static {
        MODEL.addLogicalTypeConversion(new Conversions.DecimalConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    private final String scope = "evolution-" + UUID.randomUUID();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void dataWrittenWithAnOlderSchemaDecodesIntoTodaysClassWithDefaults() throws IOException {
        Schema v1 = RegistrySchemas.parse(ORDER_EVENT_V1);
        int id = registry.register("oms.orders-value", v1);
        GenericRecord old = new GenericData.Record(v1);
        old.put("clientOrderId", "tf-A-BTCUSDT-1");
        old.put("exchangeOrderId", "28457123");
        old.put("strategyInstance", "A");
        old.put("symbol", "BTCUSDT");
        old.put("side", new GenericData.EnumSymbol(v1.getField("side").schema(), "BUY"));
        old.put("type", new GenericData.EnumSymbol(v1.getField("type").schema(), "MARKET"));
        old.put("quantity", new BigDecimal("0.00100000"));
        old.put("price", null);
        old.put("status", new GenericData.EnumSymbol(v1.getField("status").schema(), "FILLED"));
        old.put("rejectReason", null);
        old.put("eventTime", Instant.parse("2026-01-15T10:01:00.250Z"));
        old.put("broker", "paper");

        OrderEvent decoded = new AvroDeserializer<OrderEvent>(OrderEvent.class, registry)
                .deserialize("oms.orders", confluentBytes(id, v1, old));

        assertThat(decoded.getClientOrderId()).isEqualTo("tf-A-BTCUSDT-1");
        assertThat(decoded.getSide()).isEqualTo(OrderSide.BUY);
        assertThat(decoded.getType()).isEqualTo(OrderType.MARKET);
        assertThat(decoded.getStatus()).isEqualTo(OrderStatus.FILLED);
        assertThat(decoded.getQuantity()).isEqualByComparingTo("0.001");
        assertThat(decoded.getEventTime()).isEqualTo(Instant.parse("2026-01-15T10:01:00.250Z"));
        assertThat(decoded.getSignalId()).as("added later, default null").isNull();
        assertThat(decoded.getFilledQuantity()).isNull();
        assertThat(decoded.getAverageFillPrice()).isNull();
    }

    @Test
    void aSnapshotWrittenBeforeTheMapOfIndicatorsReadsAnEmptyOneAndKeepsSmaAndEma() throws IOException {
        Schema v1 = RegistrySchemas.parse(INDICATOR_SNAPSHOT_V1);
        int id = registry.register("strategy.indicators-value", v1);
        IndicatorSnapshot sample = SampleRecords.indicatorSnapshot();
        GenericRecord old = new GenericData.Record(v1);
        v1.getFields().forEach(field -> old.put(field.name(), sample.get(field.name())));

        IndicatorSnapshot decoded = new AvroDeserializer<IndicatorSnapshot>(IndicatorSnapshot.class, registry)
                .deserialize("strategy.indicators", confluentBytes(id, v1, old));

        assertThat(decoded.getIndicators()).isEmpty();
        assertThat(decoded.getSma()).isEqualTo(sample.getSma());
        assertThat(decoded.getEma()).isEqualTo(sample.getEma());
        registry.register("strategy.indicators-value", IndicatorSnapshot.getClassSchema());
        assertThat(registry.subjects()).contains("strategy.indicators-value");
    }

    @Test
    void addingFieldsWithDefaultsIsAcceptedUnderBackwardCompatibility() {
        registry.register("oms.orders-value", RegistrySchemas.parse(ORDER_EVENT_V1));
        AvroSerializer<OrderEvent> serializer = new AvroSerializer<>(registry);

        byte[] bytes = serializer.serialize("oms.orders", SampleRecords.orderEvent());

        assertThat(registry.versions("oms.orders-value")).hasSize(2);
        assertThat(WireFormat.schemaId(bytes, "test", false)).isEqualTo(2);
    }

    @Test
    void dataWrittenWithANewerSchemaDecodesIntoTodaysClassIgnoringUnknownFields() throws IOException {
        Schema v2 = RegistrySchemas.parse(TRADE_V2);
        int id = registry.register("md.trades-value", v2);
        Trade expected = SampleRecords.trade();
        GenericRecord newer = new GenericData.Record(v2);
        for (Schema.Field field : Trade.getClassSchema().getFields()) {
            newer.put(field.name(), expected.get(field.pos()));
        }
        newer.put("venueSequence", 987_654L);
        byte[] bytes = confluentBytes(id, v2, newer);

        assertThat(new AvroDeserializer<Trade>(Trade.class, registry).deserialize("md.trades", bytes)).isEqualTo(expected);
        AvroDeserializer<Object> byName = new AvroDeserializer<>(registry);
        assertThat(byName.deserialize("md.trades", bytes)).isEqualTo(expected);
    }

    @Test
    void anIncompatibleSchemaIsRejectedWith409() {
        registry.register("md.trades-value", RegistrySchemas.parse(TRADE_WITHOUT_INGEST_TIME));
        AvroSerializer<Trade> serializer = new AvroSerializer<>(registry);

        assertThatThrownBy(() -> serializer.serialize("md.trades", SampleRecords.trade()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject 'md.trades-value' as incompatible")
                .hasMessageContaining("HTTP 409")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("ingestTime")
                .satisfies(e -> assertThat(((SchemaRegistryException) e.getCause()).status()).isEqualTo(409));
        assertThat(registry.versions("md.trades-value")).hasSize(1);
    }

    @Test
    void compatibilityNoneAcceptsAnyChange() {
        registry.setCompatibility(CompatibilityLevel.NONE);
        registry.register("md.trades-value", RegistrySchemas.parse(TRADE_WITHOUT_INGEST_TIME));

        new AvroSerializer<Trade>(registry).serialize("md.trades", SampleRecords.trade());

        assertThat(registry.versions("md.trades-value")).hasSize(2);
    }

    @Test
    void forwardCompatibilityRejectsRemovingAFieldWithoutDefault() {
        registry.setCompatibility(CompatibilityLevel.FORWARD);
        registry.register("md.trades-value", Trade.getClassSchema());

        assertThatThrownBy(() -> registry.register("md.trades-value", RegistrySchemas.parse(TRADE_WITHOUT_INGEST_TIME)))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("old schema cannot read data written with the new one")
                .hasMessageContaining("ingestTime");
    }

    private static byte[] confluentBytes(int id, Schema writer, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(WireFormat.header(id));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer, MODEL).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
