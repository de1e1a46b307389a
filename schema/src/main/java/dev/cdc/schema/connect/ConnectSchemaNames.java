package dev.cdc.schema.connect;

/**
 * Names and parameter keys of the Connect logical types that Debezium's connectors emit, and
 * that our sources emit and our sinks read. We do not depend on Debezium; these are only the
 * strings on the wire, so that consumers written for Debezium understand our events and our
 * sinks understand Debezium's.
 */
public final class ConnectSchemaNames {
    /** Debezium logical types carry schema version 1. */
    public static final int DEBEZIUM_LOGICAL_TYPE_VERSION = 1;

    /** int32, days since the epoch. */
    public static final String DATE = "io.debezium.time.Date";
    /** int32, milliseconds past midnight. */
    public static final String TIME = "io.debezium.time.Time";
    /** int64, microseconds past midnight. */
    public static final String MICRO_TIME = "io.debezium.time.MicroTime";
    /** int64, nanoseconds past midnight. */
    public static final String NANO_TIME = "io.debezium.time.NanoTime";
    /** int64, milliseconds since the epoch, no zone. */
    public static final String TIMESTAMP = "io.debezium.time.Timestamp";
    /** int64, microseconds since the epoch, no zone. */
    public static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    /** int64, nanoseconds since the epoch, no zone. */
    public static final String NANO_TIMESTAMP = "io.debezium.time.NanoTimestamp";
    /** string, ISO-8601 instant with offset. */
    public static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    /** string, ISO-8601 time with offset. */
    public static final String ZONED_TIME = "io.debezium.time.ZonedTime";
    /** int32, the year. */
    public static final String YEAR = "io.debezium.time.Year";
    /** int64 (float64 in old Debezium versions), approximate microseconds. */
    public static final String MICRO_DURATION = "io.debezium.time.MicroDuration";
    /** string, ISO-8601 duration. */
    public static final String INTERVAL = "io.debezium.time.Interval";

    /** string holding a JSON document. */
    public static final String JSON = "io.debezium.data.Json";
    /** string, one of the {@link #ALLOWED_PARAMETER} values. */
    public static final String ENUM = "io.debezium.data.Enum";
    /** string, comma-separated subset of the {@link #ALLOWED_PARAMETER} values. */
    public static final String ENUM_SET = "io.debezium.data.EnumSet";
    /** bytes, little-endian bits, with a {@link #BITS_LENGTH_PARAMETER}. */
    public static final String BITS = "io.debezium.data.Bits";
    public static final String UUID = "io.debezium.data.Uuid";
    public static final String XML = "io.debezium.data.Xml";
    /** struct {scale int32, value bytes}. */
    public static final String VARIABLE_SCALE_DECIMAL = "io.debezium.data.VariableScaleDecimal";
    /** struct {wkb bytes, srid optional int32}. */
    public static final String GEOMETRY = "io.debezium.data.geometry.Geometry";
    public static final String GEOGRAPHY = "io.debezium.data.geometry.Geography";
    public static final String POINT = "io.debezium.data.geometry.Point";

    public static final String ALLOWED_PARAMETER = "allowed";
    public static final String BITS_LENGTH_PARAMETER = "length";
    /** Precision of a Connect {@code Decimal}, as Debezium adds it. */
    public static final String DECIMAL_PRECISION_PARAMETER = "connect.decimal.precision";
    public static final String GEOMETRY_WKB_FIELD = "wkb";
    public static final String GEOMETRY_SRID_FIELD = "srid";
    public static final String VARIABLE_SCALE_DECIMAL_SCALE_FIELD = "scale";
    public static final String VARIABLE_SCALE_DECIMAL_VALUE_FIELD = "value";

    /** Debezium's {@code column.propagate.source.type} parameters. */
    public static final String SOURCE_COLUMN_TYPE_PARAMETER = "__debezium.source.column.type";
    public static final String SOURCE_COLUMN_LENGTH_PARAMETER = "__debezium.source.column.length";
    public static final String SOURCE_COLUMN_SCALE_PARAMETER = "__debezium.source.column.scale";
    /** Ours: the exact {@code ColumnType} text form, so that our sinks recover the type losslessly. */
    public static final String LOGICAL_TYPE_PARAMETER = "__cdc.column.logical.type";

    private ConnectSchemaNames() {
    }
}
