package dev.cdc.sink.elasticsearch.document;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.BadRecordException;
import dev.cdc.sink.elasticsearch.config.DecimalMapping;
import dev.cdc.sink.elasticsearch.config.JsonMapping;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Writes a row (a Connect {@link Struct}, or a schemaless map) as the JSON source of an
 * Elasticsearch document, each value in the form its mapping expects ({@link dev.cdc.sink.elasticsearch.mapping.MappingBuilder}
 * tells which): decimals as exact plain strings (or plain JSON numbers for {@code scaled_float}
 * and {@code double}), never base64 or a binary double; temporal values as in
 * {@link TemporalValues}; bytes as base64 ({@code binary}); non-finite floats as null, since
 * JSON cannot carry them. Null fields are written as null.
 */
public final class DocumentWriter {
    private final DecimalMapping decimalMapping;
    private final JsonMapping jsonMapping;

    public DocumentWriter(DecimalMapping decimalMapping, JsonMapping jsonMapping) {
        this.decimalMapping = requireNonNull(decimalMapping, "decimalMapping is null");
        this.jsonMapping = requireNonNull(jsonMapping, "jsonMapping is null");
    }

    /** The JSON document of a row with a schema, or of a schemaless map when {@code schema} is null. */
    public String write(Schema schema, Object row) {
        StringBuilder out = new StringBuilder(256);
        if (schema == null) {
            appendSchemaless(out, row);
        } else {
            appendStruct(out, (Struct) row);
        }
        return out.toString();
    }

    private void appendStruct(StringBuilder out, Struct struct) {
        out.append('{');
        boolean first = true;
        for (Field field : struct.schema().fields()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            Json.appendString(out, field.name());
            out.append(':');
            try {
                appendValue(out, field.schema(), struct.get(field));
            } catch (BadRecordException e) {
                throw new BadRecordException("field " + field.name() + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new BadRecordException("field " + field.name() + " (" + describe(field.schema()) + ") cannot be written: " + e, e);
            }
        }
        out.append('}');
    }

    void appendValue(StringBuilder out, Schema schema, Object value) {
        if (value == null) {
            out.append("null");
            return;
        }
        switch (ColumnKind.of(schema)) {
            case BOOLEAN, BYTE, SHORT, INTEGER, LONG, YEAR -> out.append(value);
            case FLOAT, DOUBLE -> appendFloat(out, ((Number) value).doubleValue(), value);
            case STRING, ZONED_TIMESTAMP, ZONED_TIME -> Json.appendString(out, value.toString());
            case BYTES -> Json.appendString(out, Base64.getEncoder().encodeToString(bytes(value)));
            case DECIMAL -> appendDecimal(out, (BigDecimal) value);
            case VARIABLE_DECIMAL -> appendDecimal(out, variableScaleDecimal((Struct) value));
            case DATE -> Json.appendString(out, TemporalValues.date(value));
            case TIME -> Json.appendString(out, TemporalValues.time(schema, value));
            case TIMESTAMP -> Json.appendString(out, TemporalValues.instant((java.util.Date) value));
            case LOCAL_TIMESTAMP -> Json.appendString(out, TemporalValues.localTimestamp(schema, value));
            case JSON -> appendJson(out, value.toString());
            case STRUCT -> appendStruct(out, (Struct) value);
            case ARRAY -> appendArray(out, schema.valueSchema(), (Collection<?>) value);
            case MAP -> appendMap(out, schema.valueSchema(), (Map<?, ?>) value);
        }
    }

    private static void appendFloat(StringBuilder out, double d, Object value) {
        if (Double.isFinite(d)) {
            out.append(value);
        } else {
            out.append("null");
        }
    }

    private void appendDecimal(StringBuilder out, BigDecimal decimal) {
        if (decimalMapping == DecimalMapping.KEYWORD) {
            Json.appendString(out, decimal.toPlainString());
        } else {
            out.append(decimal.toPlainString());
        }
    }

    private static BigDecimal variableScaleDecimal(Struct value) {
        int scale = value.getInt32("scale");
        return new BigDecimal(new BigInteger(bytes(value.get("value"))), scale);
    }

    private void appendJson(StringBuilder out, String json) {
        if (jsonMapping == JsonMapping.STRING) {
            Json.appendString(out, json);
            return;
        }
        String trimmed = json.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new BadRecordException("json.mapping=object needs a JSON object, but the value starts with '"
                    + (trimmed.length() > 20 ? trimmed.substring(0, 20) + "..." : trimmed) + "'");
        }
        out.append(trimmed);
    }

    private void appendArray(StringBuilder out, Schema elementSchema, Collection<?> values) {
        out.append('[');
        boolean first = true;
        for (Object element : values) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendValue(out, elementSchema, element);
        }
        out.append(']');
    }

    private void appendMap(StringBuilder out, Schema valueSchema, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            Json.appendString(out, String.valueOf(entry.getKey()));
            out.append(':');
            appendValue(out, valueSchema, entry.getValue());
        }
        out.append('}');
    }

    private static void appendSchemaless(StringBuilder out, Object row) {
        if (!(row instanceof Map<?, ?>)) {
            throw new BadRecordException("a record without a schema must be a JSON object (a map), not "
                    + (row == null ? "null" : row.getClass().getSimpleName()));
        }
        Json.appendValue(out, row);
    }

    static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] array = new byte[buffer.remaining()];
        buffer.get(array);
        return array;
    }

    private static String describe(Schema schema) {
        return schema.name() == null ? schema.type().toString() : schema.type() + " " + schema.name();
    }
}
