package dev.cdc.sink.elasticsearch.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.sink.elasticsearch.BadRecordException;
import dev.cdc.sink.elasticsearch.config.DecimalMapping;
import dev.cdc.sink.elasticsearch.config.JsonMapping;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class DocumentWriterTest {
    private static final DocumentWriter KEYWORD = new DocumentWriter(DecimalMapping.KEYWORD, JsonMapping.STRING);

    private static String one(DocumentWriter writer, Schema fieldSchema, Object value) {
        Schema row = SchemaBuilder.struct().field("v", fieldSchema).build();
        return writer.write(row, new Struct(row).put("v", value));
    }

    private static Schema named(Schema.Type type, String name) {
        return new SchemaBuilder(type).name(name).optional().build();
    }

    @Test
    void decimalsStayExactStringsNeverDoublesOrBase64() {
        BigDecimal value = new BigDecimal("12345678901234567890.123456789");
        assertThat(one(KEYWORD, Decimal.schema(9), value)).isEqualTo("{\"v\":\"12345678901234567890.123456789\"}");
        assertThat(one(KEYWORD, Decimal.schema(2), new BigDecimal("1E+3").setScale(2))).isEqualTo("{\"v\":\"1000.00\"}");
    }

    @Test
    void decimalsAsPlainJsonNumbersForNumericMappings() {
        DocumentWriter doubles = new DocumentWriter(DecimalMapping.DOUBLE, JsonMapping.STRING);
        assertThat(one(doubles, Decimal.schema(2), new BigDecimal("-0.50"))).isEqualTo("{\"v\":-0.50}");
        DocumentWriter scaled = new DocumentWriter(DecimalMapping.SCALED_FLOAT, JsonMapping.STRING);
        assertThat(one(scaled, Decimal.schema(0), new BigDecimal("1E+3"))).isEqualTo("{\"v\":1000}");
    }

    @Test
    void variableScaleDecimal() {
        Schema schema = SchemaBuilder.struct().name(ColumnKind.DEBEZIUM_VARIABLE_DECIMAL)
                .field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA).build();
        Struct value = new Struct(schema).put("scale", 3).put("value", BigInteger.valueOf(-12345).toByteArray());
        assertThat(one(KEYWORD, schema, value)).isEqualTo("{\"v\":\"-12.345\"}");
    }

    @Test
    void connectTemporalTypes() {
        assertThat(one(KEYWORD, Date.SCHEMA, new java.util.Date(19_753L * 86_400_000L))).isEqualTo("{\"v\":\"2024-01-31\"}");
        assertThat(one(KEYWORD, Time.SCHEMA, new java.util.Date(36_672_123L))).isEqualTo("{\"v\":\"10:11:12.123\"}");
        assertThat(one(KEYWORD, Timestamp.SCHEMA, new java.util.Date(1_706_695_872_123L)))
                .isEqualTo("{\"v\":\"2024-01-31T10:11:12.123Z\"}");
    }

    @Test
    void debeziumTemporalTypes() {
        assertThat(one(KEYWORD, named(Schema.Type.INT32, ColumnKind.DEBEZIUM_DATE), 19_753)).isEqualTo("{\"v\":\"2024-01-31\"}");
        assertThat(one(KEYWORD, named(Schema.Type.INT32, ColumnKind.DEBEZIUM_DATE), -354_285))
                .isEqualTo("{\"v\":\"1000-01-01\"}");
        assertThat(one(KEYWORD, named(Schema.Type.INT32, ColumnKind.DEBEZIUM_TIME), 36_672_123)).isEqualTo("{\"v\":\"10:11:12.123\"}");
        assertThat(one(KEYWORD, named(Schema.Type.INT64, ColumnKind.DEBEZIUM_MICRO_TIME), 36_672_123_456L))
                .isEqualTo("{\"v\":\"10:11:12.123456\"}");
        assertThat(one(KEYWORD, named(Schema.Type.INT64, ColumnKind.DEBEZIUM_NANO_TIME), 36_672_123_456_789L))
                .isEqualTo("{\"v\":\"10:11:12.123456789\"}");
        assertThat(one(KEYWORD, named(Schema.Type.INT64, ColumnKind.DEBEZIUM_TIMESTAMP), 1_706_695_872_123L))
                .isEqualTo("{\"v\":\"2024-01-31T10:11:12.123\"}");
        assertThat(one(KEYWORD, named(Schema.Type.INT64, ColumnKind.DEBEZIUM_MICRO_TIMESTAMP), 1_706_695_872_123_456L))
                .isEqualTo("{\"v\":\"2024-01-31T10:11:12.123456\"}");
        assertThat(one(KEYWORD, named(Schema.Type.INT64, ColumnKind.DEBEZIUM_NANO_TIMESTAMP), 1_706_695_872_123_456_789L))
                .isEqualTo("{\"v\":\"2024-01-31T10:11:12.123456789\"}");
        assertThat(one(KEYWORD, named(Schema.Type.STRING, ColumnKind.DEBEZIUM_ZONED_TIMESTAMP), "2024-01-31T10:11:12.5+02:00"))
                .isEqualTo("{\"v\":\"2024-01-31T10:11:12.5+02:00\"}");
        assertThat(one(KEYWORD, named(Schema.Type.INT32, ColumnKind.DEBEZIUM_YEAR), 2024)).isEqualTo("{\"v\":2024}");
    }

    @Test
    void timestampsBeforeEpochAreNotShifted() {
        assertThat(one(KEYWORD, named(Schema.Type.INT64, ColumnKind.DEBEZIUM_MICRO_TIMESTAMP), -1L))
                .isEqualTo("{\"v\":\"1969-12-31T23:59:59.999999\"}");
    }

    @Test
    void mysqlTimeBeyondADayAndNegative() {
        assertThat(one(KEYWORD, named(Schema.Type.INT64, ColumnKind.DEBEZIUM_MICRO_TIME), 838L * 3600 * 1_000_000 + 59 * 60_000_000L))
                .isEqualTo("{\"v\":\"838:59:00.000000\"}");
        assertThat(one(KEYWORD, named(Schema.Type.INT64, ColumnKind.DEBEZIUM_MICRO_TIME), -(12L * 3600 * 1_000_000 + 1)))
                .isEqualTo("{\"v\":\"-12:00:00.000001\"}");
    }

    @Test
    void primitivesBytesAndNulls() {
        Schema row = SchemaBuilder.struct()
                .field("b", Schema.BOOLEAN_SCHEMA).field("i8", Schema.INT8_SCHEMA).field("i64", Schema.INT64_SCHEMA)
                .field("f", Schema.FLOAT32_SCHEMA).field("d", Schema.FLOAT64_SCHEMA).field("s", Schema.STRING_SCHEMA)
                .field("raw", Schema.BYTES_SCHEMA).field("missing", Schema.OPTIONAL_STRING_SCHEMA).build();
        Struct value = new Struct(row).put("b", true).put("i8", (byte) -3).put("i64", Long.MAX_VALUE).put("f", 1.5f)
                .put("d", Double.NaN).put("s", "quote\" back\\ nl\n ctl\u0001").put("raw", ByteBuffer.wrap(new byte[] {1, 2, (byte) 255}));
        assertThat(KEYWORD.write(row, value)).isEqualTo("{\"b\":true,\"i8\":-3,\"i64\":9223372036854775807,\"f\":1.5,\"d\":null,"
                + "\"s\":\"quote\\\" back\\\\ nl\\n ctl\\u0001\",\"raw\":\"AQL/\",\"missing\":null}");
    }

    @Test
    void nestedStructsArraysAndMaps() {
        Schema inner = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
        Schema row = SchemaBuilder.struct().field("in", inner).field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .field("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Decimal.schema(1)).build()).build();
        Map<String, BigDecimal> attrs = new LinkedHashMap<>();
        attrs.put("w", new BigDecimal("1.5"));
        Struct value = new Struct(row).put("in", new Struct(inner).put("x", 7)).put("tags", List.of("a", "b")).put("attrs", attrs);
        assertThat(KEYWORD.write(row, value)).isEqualTo("{\"in\":{\"x\":7},\"tags\":[\"a\",\"b\"],\"attrs\":{\"w\":\"1.5\"}}");
    }

    @Test
    void jsonColumnAsStringOrEmbeddedObject() {
        Schema json = named(Schema.Type.STRING, ColumnKind.DEBEZIUM_JSON);
        assertThat(one(KEYWORD, json, "{\"a\": 1}")).isEqualTo("{\"v\":\"{\\\"a\\\": 1}\"}");
        DocumentWriter objects = new DocumentWriter(DecimalMapping.KEYWORD, JsonMapping.OBJECT);
        assertThat(one(objects, json, " {\"a\": 1} ")).isEqualTo("{\"v\":{\"a\": 1}}");
        assertThatThrownBy(() -> one(objects, json, "[1,2]"))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("field v: json.mapping=object needs a JSON object, but the value starts with '[1,2]'");
    }

    @Test
    void schemalessRowIsWrittenAsItsMap() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1L);
        row.put("name", "x");
        assertThat(KEYWORD.write(null, row)).isEqualTo("{\"id\":1,\"name\":\"x\"}");
        assertThatThrownBy(() -> KEYWORD.write(null, "text"))
                .isInstanceOf(BadRecordException.class)
                .hasMessageContaining("must be a JSON object");
    }
}
