package dev.cdc.schema.connect;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;

/**
 * The inverse of {@link ConnectSchemaMapper}: reads column types back from Connect schemas as a
 * sink sees them, from our events or from Debezium's, so that a sink can compare the record's
 * columns with its target's ({@code SchemaDiff.compareColumns}).
 *
 * <p>Exact when the schema carries our {@link ConnectSchemaNames#LOGICAL_TYPE_PARAMETER}
 * (sources with {@code propagateSourceTypes}). Otherwise it gives the canonical type for the
 * Connect schema, which loses what Connect does not carry: string and binary lengths,
 * CHAR vs VARCHAR, unsigned flags, the integer width below int16, timestamp precision beyond
 * milli/micro/nano (README, "Reading Connect schemas back"). Debezium's
 * {@code __debezium.source.column.*} parameters restore the native type name and string/binary
 * lengths. Stateless and thread-safe.
 */
public final class ConnectSchemaReader {
    private ConnectSchemaReader() {
    }

    /**
     * The column type of a Connect schema.
     *
     * @throws IllegalArgumentException for a MAP or a struct that is not one of the known logical types
     */
    public static ColumnType columnType(Schema schema) {
        requireNonNull(schema, "schema is null");
        Map<String, String> parameters = parameters(schema);
        String logical = parameters.get(ConnectSchemaNames.LOGICAL_TYPE_PARAMETER);
        ColumnType type = logical != null ? ColumnType.parse(logical) : canonicalType(schema, parameters);
        String nativeName = parameters.get(ConnectSchemaNames.SOURCE_COLUMN_TYPE_PARAMETER);
        return nativeName == null || nativeName.isBlank() ? type : type.withNativeTypeName(nativeName);
    }

    /** A column named {@code name} at {@code position} of the given schema: type, nullability and a simple default. */
    public static Column column(String name, int position, Schema schema) {
        return Column.builder(name, columnType(schema))
                .position(position)
                .nullable(schema.isOptional())
                .defaultValueExpression(defaultExpression(schema))
                .build();
    }

    /**
     * The columns of a struct schema, one per field, in field order (positions from 1).
     *
     * @throws IllegalArgumentException when the schema is not a struct
     */
    public static List<Column> columns(Schema structSchema) {
        requireStruct(structSchema, "row");
        List<Column> columns = new ArrayList<>();
        for (Field field : structSchema.fields()) {
            columns.add(column(field.name(), field.index() + 1, field.schema()));
        }
        return List.copyOf(columns);
    }

    /**
     * A table schema from a row schema and an optional key schema, whose fields become the
     * primary key.
     *
     * @param keySchema a struct schema or null for a table without key
     * @throws IllegalArgumentException when a key field is not a row field
     */
    public static TableSchema tableSchema(TableId id, Schema rowSchema, Schema keySchema, long version, long validFromPosition) {
        List<String> primaryKey = new ArrayList<>();
        if (keySchema != null) {
            requireStruct(keySchema, "key");
            keySchema.fields().forEach(field -> primaryKey.add(field.name()));
        }
        return TableSchema.builder(id).columns(columns(rowSchema)).primaryKey(primaryKey)
                .version(version).validFromPosition(validFromPosition).build();
    }

    private static ColumnType canonicalType(Schema schema, Map<String, String> parameters) {
        ColumnType named = schema.name() == null ? null : namedType(schema, parameters);
        if (named != null) {
            return named;
        }
        return switch (schema.type()) {
            case BOOLEAN -> ColumnType.booleanType();
            case INT8 -> ColumnType.int8();
            case INT16 -> ColumnType.int16();
            case INT32 -> ColumnType.int32();
            case INT64 -> ColumnType.int64();
            case FLOAT32 -> ColumnType.float32();
            case FLOAT64 -> ColumnType.float64();
            case STRING -> sourceLength(parameters) == null ? ColumnType.string() : ColumnType.string(sourceLength(parameters));
            case BYTES -> sourceLength(parameters) == null ? ColumnType.varbinary() : ColumnType.varbinary(sourceLength(parameters));
            case ARRAY -> ColumnType.array(columnType(schema.valueSchema()));
            case MAP, STRUCT -> throw new IllegalArgumentException("a Connect " + schema.type() + " schema"
                    + (schema.name() == null ? "" : " named " + schema.name()) + " has no column type; only Debezium's "
                    + "Geometry, Point, Geography and VariableScaleDecimal structs are known");
        };
    }

    /** The type for a named (logical) schema, or null when the name is not a known logical type. */
    private static ColumnType namedType(Schema schema, Map<String, String> parameters) {
        return switch (schema.name()) {
            case Decimal.LOGICAL_NAME -> decimal(parameters);
            case ConnectSchemaNames.VARIABLE_SCALE_DECIMAL -> ColumnType.variableScaleDecimal();
            case ConnectSchemaNames.DATE, org.apache.kafka.connect.data.Date.LOGICAL_NAME -> ColumnType.date();
            case ConnectSchemaNames.TIME, org.apache.kafka.connect.data.Time.LOGICAL_NAME -> ColumnType.time(3);
            case ConnectSchemaNames.MICRO_TIME -> ColumnType.time(6);
            case ConnectSchemaNames.NANO_TIME -> ColumnType.time(9);
            case ConnectSchemaNames.TIMESTAMP, org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME -> ColumnType.timestamp(3);
            case ConnectSchemaNames.MICRO_TIMESTAMP -> ColumnType.timestamp(6);
            case ConnectSchemaNames.NANO_TIMESTAMP -> ColumnType.timestamp(9);
            case ConnectSchemaNames.ZONED_TIMESTAMP -> ColumnType.timestampWithTimeZone(6);
            case ConnectSchemaNames.ZONED_TIME -> ColumnType.timeWithTimeZone(6);
            case ConnectSchemaNames.YEAR -> ColumnType.year();
            case ConnectSchemaNames.JSON -> ColumnType.json();
            case ConnectSchemaNames.UUID -> ColumnType.uuid();
            case ConnectSchemaNames.ENUM -> ColumnType.enumOf(allowed(schema, parameters));
            case ConnectSchemaNames.ENUM_SET -> ColumnType.setOf(allowed(schema, parameters));
            case ConnectSchemaNames.BITS -> ColumnType.bit(intParameter(schema, parameters, ConnectSchemaNames.BITS_LENGTH_PARAMETER));
            case ConnectSchemaNames.GEOMETRY, ConnectSchemaNames.GEOGRAPHY, ConnectSchemaNames.POINT -> ColumnType.geometry();
            case ConnectSchemaNames.MICRO_DURATION, ConnectSchemaNames.INTERVAL -> ColumnType.interval();
            default -> null;
        };
    }

    private static ColumnType decimal(Map<String, String> parameters) {
        int scale = Integer.parseInt(requireNonNull(parameters.get(Decimal.SCALE_FIELD), "Decimal schema has no scale parameter"));
        String precision = parameters.get(ConnectSchemaNames.DECIMAL_PRECISION_PARAMETER);
        return precision == null ? ColumnType.decimalWithUnknownPrecision(scale) : ColumnType.decimal(Integer.parseInt(precision), scale);
    }

    private static List<String> allowed(Schema schema, Map<String, String> parameters) {
        String allowed = parameters.get(ConnectSchemaNames.ALLOWED_PARAMETER);
        if (allowed == null) {
            throw new IllegalArgumentException("schema " + schema.name() + " has no '" + ConnectSchemaNames.ALLOWED_PARAMETER + "' parameter");
        }
        return allowed.isEmpty() ? List.of() : Arrays.asList(allowed.split(",", -1));
    }

    private static int intParameter(Schema schema, Map<String, String> parameters, String key) {
        String value = parameters.get(key);
        try {
            return Integer.parseInt(requireNonNull(value, "missing"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("schema " + schema.name() + " has no integer '" + key + "' parameter (found " + value + ")", e);
        }
    }

    private static Integer sourceLength(Map<String, String> parameters) {
        String value = parameters.get(ConnectSchemaNames.SOURCE_COLUMN_LENGTH_PARAMETER);
        if (value == null) {
            return null;
        }
        try {
            int length = Integer.parseInt(value);
            return length >= 0 ? length : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The schema default as SQL-like text for plain types and Decimal, null otherwise. */
    private static String defaultExpression(Schema schema) {
        Object value = schema.defaultValue();
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (schema.name() != null && !ConnectSchemaNames.JSON.equals(schema.name()) && !ConnectSchemaNames.ENUM.equals(schema.name())) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        return null;
    }

    private static Map<String, String> parameters(Schema schema) {
        return schema.parameters() == null ? Map.of() : schema.parameters();
    }

    private static void requireStruct(Schema schema, String what) {
        requireNonNull(schema, what + " schema is null");
        if (schema.type() != Schema.Type.STRUCT) {
            throw new IllegalArgumentException("the " + what + " schema " + (schema.name() == null ? "" : schema.name() + " ")
                    + "is a " + schema.type() + ", expected a STRUCT");
        }
    }
}
