package dev.cdc.source.mysql.types;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.ColumnType;
import dev.cdc.source.mysql.config.BigintUnsignedMode;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Connect schemas of MySQL/MariaDB columns, Debezium's MySQL defaults
 * ({@code decimal.handling.mode=precise}, {@code time.precision.mode=adaptive_time_microseconds},
 * {@code binary.handling.mode=bytes}). The decisions are those of the schema module's Connect
 * mapping ({@code dev.cdc.schema.connect}), restricted to the kinds MySQL has; this class gives
 * way to that mapping once it is released.
 */
public final class ConnectTypes {
    public static final String DATE = "io.debezium.time.Date";
    public static final String MICRO_TIME = "io.debezium.time.MicroTime";
    public static final String TIMESTAMP = "io.debezium.time.Timestamp";
    public static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    public static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    public static final String YEAR = "io.debezium.time.Year";
    public static final String JSON = "io.debezium.data.Json";
    public static final String ENUM = "io.debezium.data.Enum";
    public static final String ENUM_SET = "io.debezium.data.EnumSet";
    public static final String BITS = "io.debezium.data.Bits";
    public static final String GEOMETRY = "io.debezium.data.geometry.Geometry";
    public static final String PRECISION_PARAMETER = "connect.decimal.precision";

    private ConnectTypes() {
    }

    /** The schema of a column of {@code type}; optional when the column is nullable. */
    public static Schema schema(ColumnType type, boolean optional, BigintUnsignedMode bigintUnsignedMode) {
        requireNonNull(type, "type is null");
        requireNonNull(bigintUnsignedMode, "bigintUnsignedMode is null");
        SchemaBuilder builder = builder(type, bigintUnsignedMode);
        return optional ? builder.optional().build() : builder.build();
    }

    private static SchemaBuilder builder(ColumnType type, BigintUnsignedMode bigintUnsignedMode) {
        return switch (type.kind()) {
            case BOOLEAN -> SchemaBuilder.bool();
            case INT8 -> SchemaBuilder.int16();
            case INT16 -> type.isUnsigned() ? SchemaBuilder.int32() : SchemaBuilder.int16();
            case INT32 -> type.isUnsigned() ? SchemaBuilder.int64() : SchemaBuilder.int32();
            case INT64 -> type.isUnsigned() && bigintUnsignedMode == BigintUnsignedMode.PRECISE ? decimal(20, 0) : SchemaBuilder.int64();
            case FLOAT32 -> SchemaBuilder.float32();
            case FLOAT64 -> SchemaBuilder.float64();
            case DECIMAL -> decimal(type.precision().orElse(10), type.scale().orElse(0));
            case CHAR, STRING -> SchemaBuilder.string();
            case BINARY, VARBINARY -> SchemaBuilder.bytes();
            case DATE -> named(SchemaBuilder.int32(), DATE);
            case TIME -> named(SchemaBuilder.int64(), MICRO_TIME);
            case TIMESTAMP -> type.precision().orElse(0) <= 3 ? named(SchemaBuilder.int64(), TIMESTAMP)
                    : named(SchemaBuilder.int64(), MICRO_TIMESTAMP);
            case TIMESTAMP_TZ -> named(SchemaBuilder.string(), ZONED_TIMESTAMP);
            case YEAR -> named(SchemaBuilder.int32(), YEAR);
            case BIT -> type.length().orElse(1) == 1 ? SchemaBuilder.bool()
                    : named(SchemaBuilder.bytes(), BITS).parameter("length", Integer.toString(type.length().getAsInt()));
            case ENUM -> named(SchemaBuilder.string(), ENUM).parameter("allowed", String.join(",", type.values()));
            case SET -> named(SchemaBuilder.string(), ENUM_SET).parameter("allowed", String.join(",", type.values()));
            case JSON -> named(SchemaBuilder.string(), JSON);
            case GEOMETRY -> named(SchemaBuilder.struct(), GEOMETRY).doc("Geometry")
                    .field("wkb", Schema.BYTES_SCHEMA)
                    .field("srid", Schema.OPTIONAL_INT32_SCHEMA);
            case TIME_TZ, UUID, INTERVAL, ARRAY -> throw new IllegalArgumentException(type + " is not a MySQL/MariaDB type");
        };
    }

    private static SchemaBuilder decimal(int precision, int scale) {
        return Decimal.builder(scale).parameter(PRECISION_PARAMETER, Integer.toString(precision));
    }

    private static SchemaBuilder named(SchemaBuilder builder, String name) {
        return builder.name(name).version(1);
    }
}
