package dev.cdc.core.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * StreamingJsonConverter must read exactly what Kafka's JsonConverter reads: same schema, same
 * value (or the same error), for every record JsonConverter writes and for hand-written odd ones.
 */
class StreamingJsonConverterTest {
    private static final String TOPIC = "t";

    @ParameterizedTest(name = "decimal.format={0}, replace.null.with.default={1}")
    @CsvSource({"BASE64,true", "NUMERIC,true", "BASE64,false", "NUMERIC,false"})
    void readsEveryRandomRecordLikeJsonConverter(String decimalFormat, boolean replaceNull) {
        Map<String, String> config = Map.of("decimal.format", decimalFormat, "replace.null.with.default", String.valueOf(replaceNull));
        JsonConverter reference = jsonConverter(config, false);
        StreamingJsonConverter streaming = streaming(config, false);
        RandomConnectData random = new RandomConnectData(decimalFormat.hashCode() * 31L + (replaceNull ? 1 : 0));
        for (int s = 0; s < 60; s++) {
            Schema schema = random.struct(3);
            for (int v = 0; v < 20; v++) {
                byte[] bytes = reference.fromConnectData(TOPIC, schema, random.value(schema));
                assertSameRead(reference, streaming, bytes);
            }
        }
    }

    @Test
    void readsWhatJsonConverterWritesWithoutHandingOver() {
        Schema row = SchemaBuilder.struct().name("row").optional()
                .field("id", Schema.INT64_SCHEMA).field("small", Schema.OPTIONAL_INT8_SCHEMA).field("mid", Schema.INT16_SCHEMA)
                .field("n", Schema.OPTIONAL_INT32_SCHEMA).field("f", Schema.FLOAT32_SCHEMA).field("d", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field("b", Schema.BOOLEAN_SCHEMA).field("s", Schema.OPTIONAL_STRING_SCHEMA).field("raw", Schema.OPTIONAL_BYTES_SCHEMA)
                .field("amount", Decimal.builder(2).optional().build()).field("day", Date.builder().optional().build())
                .field("at", Time.builder().optional().build()).field("ts", Timestamp.builder().optional().build())
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
                .field("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_INT64_SCHEMA).optional().build())
                .build();
        Schema envelope = SchemaBuilder.struct().name("envelope")
                .field("before", row).field("after", row).field("op", Schema.STRING_SCHEMA).build();
        for (String format : List.of("BASE64", "NUMERIC")) {
            Map<String, String> config = Map.of("decimal.format", format);
            JsonConverter reference = jsonConverter(config, false);
            StreamingJsonConverter streaming = streaming(config, false);
            RandomConnectData random = new RandomConnectData(format.length());
            for (int i = 0; i < 200; i++) {
                assertSameRead(reference, streaming, reference.fromConnectData(TOPIC, envelope, random.value(envelope)));
            }
            assertThat(streaming.handedOver()).isZero();
        }
        assertThat(StructBuilder.direct()).as("structs filled without revalidation").isTrue();
    }

    @Test
    void readsAlternatingSchemasWithACacheOfOne() {
        Map<String, String> config = Map.of("schemas.cache.size", "1");
        JsonConverter reference = jsonConverter(config, false);
        StreamingJsonConverter streaming = streaming(config, false);
        RandomConnectData random = new RandomConnectData(7);
        Schema first = random.struct(2);
        Schema second = random.struct(2);
        for (int i = 0; i < 50; i++) {
            Schema schema = i % 3 == 0 ? second : first;
            SchemaAndValue read = streaming.toConnectData(TOPIC, reference.fromConnectData(TOPIC, schema, random.value(schema)));
            assertThat(read.schema()).isEqualTo(schema);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // payload before schema, extra top-level field, null schema
        "{\"payload\":{\"a\":1},\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int32\"}]}}",
        "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int32\"}]},\"payload\":{\"a\":1},\"x\":2}",
        "{\"schema\":null,\"payload\":{\"a\":1}}",
        // values in types JsonConverter reads leniently: string for int, int for string, float for int
        "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int32\",\"optional\":true}]},\"payload\":{\"a\":\"5\"}}",
        "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"string\",\"optional\":true}]},\"payload\":{\"a\":5}}",
        "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int64\"}]},\"payload\":{\"a\":5.7}}",
        "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int64\"}]},\"payload\":{\"a\":123456789012345678901234567890}}",
        "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"boolean\"}]},\"payload\":{\"a\":1}}",
        // missing fields: optional, default, required; extra payload field ignored
        "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int32\",\"optional\":true},{\"field\":\"b\",\"type\":\"string\",\"default\":\"d\"}]},\"payload\":{\"z\":[1,{\"y\":2}]}}",
        "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int32\"}]},\"payload\":{}}",
        "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int32\"}]},\"payload\":{\"a\":null}}",
        // duplicate field: last wins
        "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"a\",\"type\":\"int32\"}]},\"payload\":{\"a\":1,\"a\":2}}",
        // Date, Time, Timestamp, Decimal in odd forms
        "{\"schema\":{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Date\"},\"payload\":\"2020-01-01\"}",
        "{\"schema\":{\"type\":\"int64\",\"name\":\"org.apache.kafka.connect.data.Timestamp\"},\"payload\":12.5}",
        "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}},\"payload\":12.345}",
        "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}},\"payload\":\"AN4=\"}",
        "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}},\"payload\":true}",
        // primitives at the top level, structs and arrays in the wrong JSON type
        "{\"schema\":{\"type\":\"string\"},\"payload\":\"plain\"}",
        "{\"schema\":{\"type\":\"float\"},\"payload\":0.1}",
        "{\"schema\":{\"type\":\"double\"},\"payload\":1e400}",
        "{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":[]}",
        "{\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"int32\"}},\"payload\":{}}",
        "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"string\"}},\"payload\":[[1,\"one\"],[2,\"two\"]]}",
        // not JSON, not an object, trailing garbage, an unknown schema type
        "{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":{}",
        "null",
        "[1,2]",
        "{\"schema\":{\"type\":\"int32\"},\"payload\":1} x",
        "{\"schema\":{\"type\":\"int33\"},\"payload\":1}",
        // after the schema: more values, nothing, trailing blanks (read twice: the second read starts from the cached schema)
        "{\"schema\":{\"type\":\"int32\"},\"payload\":1,\"x\":2}",
        "{\"schema\":{\"type\":\"int32\"},\"payload\":1 2}",
        "{\"schema\":{\"type\":\"int32\"},\"payload\":}",
        "{\"schema\":{\"type\":\"int32\"},\"payload\":{}}",
        "{\"schema\":{\"type\":\"int32\"},\"payload\":7} ",
    })
    void readsOddInputLikeJsonConverter(String json) {
        StreamingJsonConverter streaming = streaming(Map.of(), false);
        JsonConverter reference = jsonConverter(Map.of(), false);
        assertSameRead(reference, streaming, json.getBytes(StandardCharsets.UTF_8));
        assertSameRead(reference, streaming, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsSchemalessRecordsAndNullsLikeJsonConverter() {
        Map<String, String> schemaless = Map.of("schemas.enable", "false");
        assertSameRead(jsonConverter(schemaless, true), streaming(schemaless, true), "{\"a\":[1,2.5,\"x\"]}".getBytes(StandardCharsets.UTF_8));
        assertThat(streaming(Map.of(), false).toConnectData(TOPIC, null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void writesWhatJsonConverterWrites() {
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
        Struct value = new Struct(schema).put("id", 42L).put("name", "x");
        assertThat(streaming(Map.of(), true).fromConnectData(TOPIC, schema, value))
                .isEqualTo(jsonConverter(Map.of(), true).fromConnectData(TOPIC, schema, value));
    }

    @Test
    void readsAKeyWithTheKeyConverterSettings() {
        StreamingJsonConverter key = streaming(Map.of("schemas.enable", "false"), true);
        assertThat(key.toConnectData(TOPIC, "{\"id\":1}".getBytes(StandardCharsets.UTF_8)).schema()).isNull();
    }

    private static void assertSameRead(JsonConverter reference, StreamingJsonConverter streaming, byte[] bytes) {
        SchemaAndValue expected;
        try {
            expected = reference.toConnectData(TOPIC, bytes);
        } catch (DataException e) {
            assertThatThrownBy(() -> streaming.toConnectData(TOPIC, bytes)).isInstanceOf(DataException.class).hasMessage(e.getMessage());
            return;
        }
        SchemaAndValue actual = streaming.toConnectData(TOPIC, bytes);
        assertThat(actual.schema()).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected.schema());
        assertThat(comparable(actual.value())).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(comparable(expected.value()));
    }

    /** The value with byte arrays (equal by identity only, also inside lists and maps) as buffers. */
    private static Object comparable(Object value) {
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StreamingJsonConverterTest::comparable).collect(Collectors.toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new HashMap<>();
            map.forEach((k, v) -> copy.put(comparable(k), comparable(v)));
            return copy;
        }
        if (value instanceof Struct struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("(schema)", struct.schema());
            struct.schema().fields().forEach(field -> fields.put(field.name(), comparable(struct.get(field))));
            return fields;
        }
        return value;
    }

    private static JsonConverter jsonConverter(Map<String, String> config, boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(config, isKey);
        return converter;
    }

    private static StreamingJsonConverter streaming(Map<String, String> config, boolean isKey) {
        StreamingJsonConverter converter = new StreamingJsonConverter();
        converter.configure(config, isKey);
        return converter;
    }
}
