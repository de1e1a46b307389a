package dev.cdc.sink.elasticsearch.document;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * What a Connect schema holds, as far as Elasticsearch cares: the Connect type refined by the
 * logical type names of Kafka Connect and Debezium ({@code io.debezium.time.*},
 * {@code io.debezium.data.*}). The mapping and the document writer both decide by it.
 * (To be replaced by the {@code dev.cdc.schema} column-type model once it exists.)
 */
public enum ColumnKind {
    BOOLEAN, BYTE, SHORT, INTEGER, LONG, FLOAT, DOUBLE, STRING, BYTES,
    /** Connect {@code Decimal}: BigDecimal with the schema's fixed scale. */
    DECIMAL,
    /** Debezium {@code VariableScaleDecimal}: struct {scale, value}. */
    VARIABLE_DECIMAL,
    /** Calendar date: Connect {@code Date} (java.util.Date) or Debezium {@code Date} (int days since epoch). */
    DATE,
    /** Time of day, possibly negative or beyond 24h (MySQL TIME): Connect {@code Time}, Debezium {@code Time}/{@code MicroTime}/{@code NanoTime}. */
    TIME,
    /** An instant: Connect {@code Timestamp} (java.util.Date). */
    TIMESTAMP,
    /** A local date-time: Debezium {@code Timestamp} (ms), {@code MicroTimestamp} (µs), {@code NanoTimestamp} (ns). */
    LOCAL_TIMESTAMP,
    /** Debezium {@code ZonedTimestamp}: ISO-8601 string with offset. */
    ZONED_TIMESTAMP,
    /** Debezium {@code ZonedTime}: string such as {@code 10:15:30Z}. */
    ZONED_TIME,
    /** Debezium {@code Year}: int. */
    YEAR,
    /** Debezium {@code Json}: JSON text. */
    JSON,
    STRUCT, ARRAY, MAP;

    public static final String DEBEZIUM_DATE = "io.debezium.time.Date";
    public static final String DEBEZIUM_TIME = "io.debezium.time.Time";
    public static final String DEBEZIUM_MICRO_TIME = "io.debezium.time.MicroTime";
    public static final String DEBEZIUM_NANO_TIME = "io.debezium.time.NanoTime";
    public static final String DEBEZIUM_TIMESTAMP = "io.debezium.time.Timestamp";
    public static final String DEBEZIUM_MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    public static final String DEBEZIUM_NANO_TIMESTAMP = "io.debezium.time.NanoTimestamp";
    public static final String DEBEZIUM_ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    public static final String DEBEZIUM_ZONED_TIME = "io.debezium.time.ZonedTime";
    public static final String DEBEZIUM_YEAR = "io.debezium.time.Year";
    public static final String DEBEZIUM_JSON = "io.debezium.data.Json";
    public static final String DEBEZIUM_VARIABLE_DECIMAL = "io.debezium.data.VariableScaleDecimal";

    /** The kind of a schema; never null. */
    public static ColumnKind of(Schema schema) {
        String name = schema.name();
        if (name != null) {
            ColumnKind logical = logical(name);
            if (logical != null) {
                return logical;
            }
        }
        return switch (schema.type()) {
            case BOOLEAN -> BOOLEAN;
            case INT8 -> BYTE;
            case INT16 -> SHORT;
            case INT32 -> INTEGER;
            case INT64 -> LONG;
            case FLOAT32 -> FLOAT;
            case FLOAT64 -> DOUBLE;
            case STRING -> STRING;
            case BYTES -> BYTES;
            case STRUCT -> STRUCT;
            case ARRAY -> ARRAY;
            case MAP -> MAP;
        };
    }

    private static ColumnKind logical(String name) {
        return switch (name) {
            case Decimal.LOGICAL_NAME -> DECIMAL;
            case Date.LOGICAL_NAME, DEBEZIUM_DATE -> DATE;
            case Time.LOGICAL_NAME, DEBEZIUM_TIME, DEBEZIUM_MICRO_TIME, DEBEZIUM_NANO_TIME -> TIME;
            case Timestamp.LOGICAL_NAME -> TIMESTAMP;
            case DEBEZIUM_TIMESTAMP, DEBEZIUM_MICRO_TIMESTAMP, DEBEZIUM_NANO_TIMESTAMP -> LOCAL_TIMESTAMP;
            case DEBEZIUM_ZONED_TIMESTAMP -> ZONED_TIMESTAMP;
            case DEBEZIUM_ZONED_TIME -> ZONED_TIME;
            case DEBEZIUM_YEAR -> YEAR;
            case DEBEZIUM_JSON -> JSON;
            case DEBEZIUM_VARIABLE_DECIMAL -> VARIABLE_DECIMAL;
            default -> null;
        };
    }
}
