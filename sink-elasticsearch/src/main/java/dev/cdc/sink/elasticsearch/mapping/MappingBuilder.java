package dev.cdc.sink.elasticsearch.mapping;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.config.DecimalMapping;
import dev.cdc.sink.elasticsearch.config.JsonMapping;
import dev.cdc.sink.elasticsearch.config.StringMapping;
import dev.cdc.sink.elasticsearch.document.ColumnKind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/**
 * The explicit Elasticsearch mapping of a row's Connect schema. The table of types is in the
 * module README; the values the {@link dev.cdc.sink.elasticsearch.document.DocumentWriter} writes
 * match these formats.
 */
public final class MappingBuilder {
    /** Field of the tombstone documents that deletes leave behind; see the README. */
    public static final String DELETED_FIELD = "__cdc_deleted";
    static final String TIMESTAMP_FORMAT = "strict_date_optional_time||epoch_millis";
    static final int KEYWORD_IGNORE_ABOVE = 8191;

    private final DecimalMapping decimalMapping;
    private final StringMapping stringMapping;
    private final JsonMapping jsonMapping;

    public MappingBuilder(DecimalMapping decimalMapping, StringMapping stringMapping, JsonMapping jsonMapping) {
        this.decimalMapping = requireNonNull(decimalMapping, "decimalMapping is null");
        this.stringMapping = requireNonNull(stringMapping, "stringMapping is null");
        this.jsonMapping = requireNonNull(jsonMapping, "jsonMapping is null");
    }

    /** The {@code properties} of a row schema, in field order; empty for a null (schemaless) schema. */
    public Map<String, Object> properties(Schema rowSchema) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (rowSchema == null || rowSchema.type() != Schema.Type.STRUCT) {
            return properties;
        }
        for (Field field : rowSchema.fields()) {
            properties.put(field.name(), field(field.schema()));
        }
        return properties;
    }

    /** The properties every index of the sink has, whatever its rows: the tombstone flag. */
    public static Map<String, Object> systemProperties() {
        return Map.of(DELETED_FIELD, Map.of("type", "boolean"));
    }

    /** The mapping of one field. */
    public Map<String, Object> field(Schema schema) {
        return switch (ColumnKind.of(schema)) {
            case BOOLEAN -> type("boolean");
            case BYTE -> type("byte");
            case SHORT -> type("short");
            case INTEGER, YEAR -> type("integer");
            case LONG -> type("long");
            case FLOAT -> type("float");
            case DOUBLE -> type("double");
            case STRING -> string();
            case BYTES -> type("binary");
            case DECIMAL -> decimal(scale(schema));
            case VARIABLE_DECIMAL -> decimalMapping == DecimalMapping.KEYWORD ? type("keyword") : type("double");
            case DATE -> Map.of("type", "date", "format", "strict_date");
            case TIMESTAMP, LOCAL_TIMESTAMP, ZONED_TIMESTAMP -> Map.of("type", "date", "format", TIMESTAMP_FORMAT);
            case TIME, ZONED_TIME -> type("keyword");
            case JSON -> jsonMapping == JsonMapping.STRING
                    ? Map.of("type", "keyword", "index", false, "doc_values", false)
                    : Map.of("type", "object", "dynamic", true);
            case STRUCT -> Map.of("properties", properties(schema));
            case ARRAY -> field(schema.valueSchema());
            case MAP -> Map.of("type", "object", "enabled", false);
        };
    }

    private Map<String, Object> string() {
        return switch (stringMapping) {
            case TEXT_KEYWORD -> Map.of("type", "text", "fields", Map.of("keyword", Map.of("type", "keyword", "ignore_above", 256)));
            case TEXT -> type("text");
            case KEYWORD -> Map.of("type", "keyword", "ignore_above", KEYWORD_IGNORE_ABOVE);
        };
    }

    private Map<String, Object> decimal(int scale) {
        return switch (decimalMapping) {
            case KEYWORD -> type("keyword");
            case DOUBLE -> type("double");
            case SCALED_FLOAT -> Map.of("type", "scaled_float", "scaling_factor", BigDecimal.TEN.pow(Math.max(scale, 0)).doubleValue());
        };
    }

    private static int scale(Schema schema) {
        String scale = schema.parameters() == null ? null : schema.parameters().get(Decimal.SCALE_FIELD);
        return scale == null ? 0 : Integer.parseInt(scale);
    }

    private static Map<String, Object> type(String type) {
        return Map.of("type", type);
    }
}
