package dev.cdc.sink.elasticsearch.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.sink.elasticsearch.config.DecimalMapping;
import dev.cdc.sink.elasticsearch.config.JsonMapping;
import dev.cdc.sink.elasticsearch.config.StringMapping;
import dev.cdc.sink.elasticsearch.document.ColumnKind;
import dev.cdc.sink.elasticsearch.document.Json;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class MappingBuilderTest {
    private static final MappingBuilder DEFAULTS = new MappingBuilder(DecimalMapping.KEYWORD, StringMapping.TEXT_KEYWORD, JsonMapping.STRING);

    private static String mapped(MappingBuilder builder, Schema schema) {
        return Json.write(builder.field(schema));
    }

    private static Schema named(Schema.Type type, String name) {
        return new SchemaBuilder(type).name(name).build();
    }

    @Test
    void primitives() {
        assertThat(mapped(DEFAULTS, Schema.BOOLEAN_SCHEMA)).isEqualTo("{\"type\":\"boolean\"}");
        assertThat(mapped(DEFAULTS, Schema.INT8_SCHEMA)).isEqualTo("{\"type\":\"byte\"}");
        assertThat(mapped(DEFAULTS, Schema.INT16_SCHEMA)).isEqualTo("{\"type\":\"short\"}");
        assertThat(mapped(DEFAULTS, Schema.INT32_SCHEMA)).isEqualTo("{\"type\":\"integer\"}");
        assertThat(mapped(DEFAULTS, Schema.INT64_SCHEMA)).isEqualTo("{\"type\":\"long\"}");
        assertThat(mapped(DEFAULTS, Schema.FLOAT32_SCHEMA)).isEqualTo("{\"type\":\"float\"}");
        assertThat(mapped(DEFAULTS, Schema.FLOAT64_SCHEMA)).isEqualTo("{\"type\":\"double\"}");
        assertThat(mapped(DEFAULTS, Schema.BYTES_SCHEMA)).isEqualTo("{\"type\":\"binary\"}");
    }

    @Test
    void stringsByChoice() {
        assertThat(DEFAULTS.field(Schema.STRING_SCHEMA))
                .isEqualTo(Map.of("type", "text", "fields", Map.of("keyword", Map.of("type", "keyword", "ignore_above", 256))));
        assertThat(new MappingBuilder(DecimalMapping.KEYWORD, StringMapping.TEXT, JsonMapping.STRING).field(Schema.STRING_SCHEMA))
                .isEqualTo(Map.of("type", "text"));
        assertThat(new MappingBuilder(DecimalMapping.KEYWORD, StringMapping.KEYWORD, JsonMapping.STRING).field(Schema.STRING_SCHEMA))
                .isEqualTo(Map.of("type", "keyword", "ignore_above", 8191));
    }

    @Test
    void decimalsByChoice() {
        assertThat(DEFAULTS.field(Decimal.schema(2))).isEqualTo(Map.of("type", "keyword"));
        assertThat(new MappingBuilder(DecimalMapping.SCALED_FLOAT, StringMapping.TEXT, JsonMapping.STRING).field(Decimal.schema(3)))
                .isEqualTo(Map.of("type", "scaled_float", "scaling_factor", 1000.0));
        assertThat(new MappingBuilder(DecimalMapping.DOUBLE, StringMapping.TEXT, JsonMapping.STRING).field(Decimal.schema(3)))
                .isEqualTo(Map.of("type", "double"));
    }

    @Test
    void temporalTypes() {
        Map<String, Object> date = Map.of("type", "date", "format", "strict_date");
        Map<String, Object> timestamp = Map.of("type", "date", "format", "strict_date_optional_time||epoch_millis");
        assertThat(DEFAULTS.field(Date.SCHEMA)).isEqualTo(date);
        assertThat(DEFAULTS.field(named(Schema.Type.INT32, ColumnKind.DEBEZIUM_DATE))).isEqualTo(date);
        assertThat(DEFAULTS.field(Timestamp.SCHEMA)).isEqualTo(timestamp);
        assertThat(DEFAULTS.field(named(Schema.Type.INT64, ColumnKind.DEBEZIUM_MICRO_TIMESTAMP))).isEqualTo(timestamp);
        assertThat(DEFAULTS.field(named(Schema.Type.STRING, ColumnKind.DEBEZIUM_ZONED_TIMESTAMP))).isEqualTo(timestamp);
        assertThat(DEFAULTS.field(Time.SCHEMA)).isEqualTo(Map.of("type", "keyword"));
        assertThat(DEFAULTS.field(named(Schema.Type.INT64, ColumnKind.DEBEZIUM_MICRO_TIME))).isEqualTo(Map.of("type", "keyword"));
    }

    @Test
    void jsonByChoice() {
        Schema json = named(Schema.Type.STRING, ColumnKind.DEBEZIUM_JSON);
        assertThat(DEFAULTS.field(json)).isEqualTo(Map.of("type", "keyword", "index", false, "doc_values", false));
        assertThat(new MappingBuilder(DecimalMapping.KEYWORD, StringMapping.TEXT, JsonMapping.OBJECT).field(json))
                .isEqualTo(Map.of("type", "object", "dynamic", true));
    }

    @Test
    void rowWithNestedStructArrayAndMap() {
        Schema inner = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
        Schema row = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).field("in", inner)
                .field("tags", SchemaBuilder.array(Schema.INT16_SCHEMA).build())
                .field("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build()).build();
        assertThat(Json.write(DEFAULTS.properties(row))).isEqualTo("{\"id\":{\"type\":\"long\"},"
                + "\"in\":{\"properties\":{\"x\":{\"type\":\"integer\"}}},\"tags\":{\"type\":\"short\"},"
                + "\"attrs\":{\"enabled\":false,\"type\":\"object\"}}".replace("{\"enabled\":false,\"type\":\"object\"}",
                        Json.write(Map.of("type", "object", "enabled", false))));
    }

    @Test
    void comparisonFindsNewFieldsAndTypeConflicts() {
        Map<String, Object> existing = Map.of("id", Map.of("type", "long"), "name", Map.of("type", "text"),
                "in", Map.of("properties", Map.of()));
        Map<String, Object> wanted = Map.of("id", Map.of("type", "keyword"), "name", Map.of("type", "text"),
                "in", Map.of("properties", Map.of("x", Map.of("type", "long"))), "added", Map.of("type", "boolean"));
        MappingComparison comparison = MappingComparison.of(existing, wanted);
        assertThat(comparison.missing()).isEqualTo(Map.of("added", Map.of("type", "boolean")));
        assertThat(comparison.conflicts()).containsExactly("id");
    }

    @Test
    void aDateFormatOrAScalingFactorChangeIsAConflictButSubFieldsAreNot() {
        Map<String, Object> existing = Map.of("day", Map.of("type", "date", "format", "strict_date"),
                "price", Map.of("type", "scaled_float", "scaling_factor", 100.0),
                "name", Map.of("type", "text"));
        Map<String, Object> wanted = Map.of("day", Map.of("type", "date", "format", "strict_date_optional_time||epoch_millis"),
                "price", Map.of("type", "scaled_float", "scaling_factor", 1000L),
                "name", Map.of("type", "text", "fields", Map.of("keyword", Map.of("type", "keyword"))));
        assertThat(MappingComparison.of(existing, wanted).conflicts()).containsExactlyInAnyOrder("day", "price");
        assertThat(MappingComparison.sameSignature(Map.of("type", "date"),
                Map.of("type", "date", "format", "strict_date_optional_time||epoch_millis")))
                .as("Elasticsearch returns a date mapping with the default format without it").isTrue();
        assertThat(MappingComparison.sameSignature(Map.of("type", "scaled_float", "scaling_factor", 100L),
                Map.of("type", "scaled_float", "scaling_factor", 100.0))).isTrue();
    }
}
