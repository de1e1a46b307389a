package dev.cdc.schema.connect;

import static dev.cdc.schema.connect.ConnectSchemaNames.DEBEZIUM_LOGICAL_TYPE_VERSION;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

import dev.cdc.schema.ColumnType;
import dev.cdc.schema.connect.ConnectMappingOptions.BigIntUnsignedHandling;
import dev.cdc.schema.connect.ConnectMappingOptions.IntervalHandling;
import dev.cdc.schema.connect.ConnectMappingOptions.TimePrecision;

/** The type part of the Connect mapping: one fresh, required {@link SchemaBuilder} per column type. */
final class ColumnTypeToConnect {
    private final ConnectMappingOptions options;

    ColumnTypeToConnect(ConnectMappingOptions options) {
        this.options = options;
    }

    SchemaBuilder builder(ColumnType type) {
        return switch (type.kind()) {
            case BOOLEAN -> SchemaBuilder.bool();
            // Debezium widens every unsigned integer to the next Connect type, and TINYINT to int16.
            case INT8 -> SchemaBuilder.int16();
            case INT16 -> type.isUnsigned() ? SchemaBuilder.int32() : SchemaBuilder.int16();
            case INT32 -> type.isUnsigned() ? SchemaBuilder.int64() : SchemaBuilder.int32();
            case INT64 -> int64(type);
            case FLOAT32 -> SchemaBuilder.float32();
            case FLOAT64 -> SchemaBuilder.float64();
            case DECIMAL -> decimal(type);
            case CHAR, STRING -> SchemaBuilder.string();
            case BINARY, VARBINARY -> SchemaBuilder.bytes();
            case DATE -> options.timePrecision() == TimePrecision.CONNECT ? org.apache.kafka.connect.data.Date.builder()
                    : debezium(SchemaBuilder.int32(), ConnectSchemaNames.DATE);
            case TIME -> time(type.precision().getAsInt());
            case TIME_TZ -> debezium(SchemaBuilder.string(), ConnectSchemaNames.ZONED_TIME);
            case TIMESTAMP -> timestamp(type.precision().getAsInt());
            case TIMESTAMP_TZ -> debezium(SchemaBuilder.string(), ConnectSchemaNames.ZONED_TIMESTAMP);
            case YEAR -> debezium(SchemaBuilder.int32(), ConnectSchemaNames.YEAR);
            case BIT -> bits(type.length().getAsInt());
            case ENUM -> debezium(SchemaBuilder.string(), ConnectSchemaNames.ENUM)
                    .parameter(ConnectSchemaNames.ALLOWED_PARAMETER, String.join(",", type.values()));
            case SET -> debezium(SchemaBuilder.string(), ConnectSchemaNames.ENUM_SET)
                    .parameter(ConnectSchemaNames.ALLOWED_PARAMETER, String.join(",", type.values()));
            case JSON -> debezium(SchemaBuilder.string(), ConnectSchemaNames.JSON);
            case UUID -> debezium(SchemaBuilder.string(), ConnectSchemaNames.UUID);
            case GEOMETRY -> debezium(SchemaBuilder.struct(), ConnectSchemaNames.GEOMETRY).doc("Geometry")
                    .field(ConnectSchemaNames.GEOMETRY_WKB_FIELD, Schema.BYTES_SCHEMA)
                    .field(ConnectSchemaNames.GEOMETRY_SRID_FIELD, Schema.OPTIONAL_INT32_SCHEMA);
            case INTERVAL -> options.intervalHandling() == IntervalHandling.NUMERIC
                    ? debezium(SchemaBuilder.int64(), ConnectSchemaNames.MICRO_DURATION)
                    : debezium(SchemaBuilder.string(), ConnectSchemaNames.INTERVAL);
            case ARRAY -> SchemaBuilder.array(builder(type.elementType().orElseThrow()).optional().build());
        };
    }

    private SchemaBuilder int64(ColumnType type) {
        if (type.isUnsigned() && options.bigIntUnsignedHandling() == BigIntUnsignedHandling.PRECISE) {
            return preciseDecimal(20, 0);
        }
        return SchemaBuilder.int64();
    }

    private SchemaBuilder decimal(ColumnType type) {
        return switch (options.decimalHandling()) {
            case DOUBLE -> SchemaBuilder.float64();
            case STRING -> SchemaBuilder.string();
            case PRECISE -> {
                if (type.hasVariableScale()) {
                    yield debezium(SchemaBuilder.struct(), ConnectSchemaNames.VARIABLE_SCALE_DECIMAL).doc("Variable scaled decimal")
                            .field(ConnectSchemaNames.VARIABLE_SCALE_DECIMAL_SCALE_FIELD, Schema.INT32_SCHEMA)
                            .field(ConnectSchemaNames.VARIABLE_SCALE_DECIMAL_VALUE_FIELD, Schema.BYTES_SCHEMA);
                }
                yield type.precision().isPresent()
                        ? preciseDecimal(type.precision().getAsInt(), type.scale().getAsInt())
                        : Decimal.builder(type.scale().getAsInt());
            }
        };
    }

    private static SchemaBuilder preciseDecimal(int precision, int scale) {
        return Decimal.builder(scale).parameter(ConnectSchemaNames.DECIMAL_PRECISION_PARAMETER, Integer.toString(precision));
    }

    private SchemaBuilder time(int precision) {
        return switch (options.timePrecision()) {
            case CONNECT -> org.apache.kafka.connect.data.Time.builder();
            case ADAPTIVE_TIME_MICROSECONDS -> debezium(SchemaBuilder.int64(), ConnectSchemaNames.MICRO_TIME);
            case ADAPTIVE -> precision <= 3 ? debezium(SchemaBuilder.int32(), ConnectSchemaNames.TIME)
                    : precision <= 6 ? debezium(SchemaBuilder.int64(), ConnectSchemaNames.MICRO_TIME)
                    : debezium(SchemaBuilder.int64(), ConnectSchemaNames.NANO_TIME);
        };
    }

    private SchemaBuilder timestamp(int precision) {
        if (options.timePrecision() == TimePrecision.CONNECT) {
            return org.apache.kafka.connect.data.Timestamp.builder();
        }
        return precision <= 3 ? debezium(SchemaBuilder.int64(), ConnectSchemaNames.TIMESTAMP)
                : precision <= 6 ? debezium(SchemaBuilder.int64(), ConnectSchemaNames.MICRO_TIMESTAMP)
                : debezium(SchemaBuilder.int64(), ConnectSchemaNames.NANO_TIMESTAMP);
    }

    private static SchemaBuilder bits(int length) {
        if (length == 1) {
            return SchemaBuilder.bool();
        }
        return debezium(SchemaBuilder.bytes(), ConnectSchemaNames.BITS)
                .parameter(ConnectSchemaNames.BITS_LENGTH_PARAMETER, Integer.toString(length));
    }

    private static SchemaBuilder debezium(SchemaBuilder builder, String name) {
        return builder.name(name).version(DEBEZIUM_LOGICAL_TYPE_VERSION);
    }
}
