package dev.cdc.sink.jdbc.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import dev.cdc.schema.connect.ConnectSchemaNames;

/**
 * Turns Connect values into the Java values the dialects bind: Boolean, Byte, Short, Integer,
 * Long, Float, Double, BigDecimal, String, byte[], LocalDate, LocalTime, LocalDateTime,
 * OffsetDateTime, OffsetTime, BitSet and List (arrays). Temporal values without a zone
 * (Debezium's {@code Timestamp}, {@code MicroTimestamp}...; Connect's {@code Timestamp}) are read at
 * UTC, as Debezium encodes them. Stateless.
 */
public final class ValueConverter {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private ValueConverter() {
    }

    /**
     * The bindable value of a field, {@link UnavailableValue#INSTANCE} for Debezium's unavailable-value placeholder.
     *
     * @throws DataException for values of a type no column can hold (maps, structs that are no known logical type)
     */
    public static Object convert(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (UnavailableValue.isPlaceholder(value)) {
            return UnavailableValue.INSTANCE;
        }
        String name = schema.name();
        if (name != null) {
            Object logical = logical(name, schema, value);
            if (logical != null) {
                return logical;
            }
        }
        return switch (schema.type()) {
            case BYTES -> bytes(value);
            case ARRAY -> array(schema, (List<?>) value);
            case MAP, STRUCT -> throw new DataException("a Connect " + schema.type() + (name == null ? "" : " named " + name)
                    + " has no column type; flatten it with the Flatten SMT or drop it with ReplaceField");
            default -> value;
        };
    }

    private static Object logical(String name, Schema schema, Object value) {
        return switch (name) {
            case Decimal.LOGICAL_NAME -> value;
            case ConnectSchemaNames.VARIABLE_SCALE_DECIMAL -> variableScaleDecimal((Struct) value);
            case org.apache.kafka.connect.data.Date.LOGICAL_NAME ->
                    LocalDate.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC);
            case org.apache.kafka.connect.data.Time.LOGICAL_NAME ->
                    LocalTime.ofNanoOfDay(Math.floorMod(((java.util.Date) value).getTime(), 86_400_000L) * 1_000_000L);
            case org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME ->
                    LocalDateTime.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC);
            case ConnectSchemaNames.DATE -> LocalDate.ofEpochDay(((Number) value).longValue());
            case ConnectSchemaNames.TIME -> timeOfDay(((Number) value).longValue() * 1_000_000L);
            case ConnectSchemaNames.MICRO_TIME -> timeOfDay(((Number) value).longValue() * 1_000L);
            case ConnectSchemaNames.NANO_TIME -> timeOfDay(((Number) value).longValue());
            case ConnectSchemaNames.TIMESTAMP -> LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) value).longValue()), ZoneOffset.UTC);
            case ConnectSchemaNames.MICRO_TIMESTAMP -> LocalDateTime.ofInstant(Instant.EPOCH.plus(((Number) value).longValue(), ChronoUnit.MICROS),
                    ZoneOffset.UTC);
            case ConnectSchemaNames.NANO_TIMESTAMP -> LocalDateTime.ofInstant(Instant.EPOCH.plusNanos(((Number) value).longValue()),
                    ZoneOffset.UTC);
            case ConnectSchemaNames.ZONED_TIMESTAMP -> OffsetDateTime.parse((String) value);
            case ConnectSchemaNames.ZONED_TIME -> OffsetTime.parse((String) value);
            case ConnectSchemaNames.MICRO_DURATION -> Duration.of(((Number) value).longValue(), ChronoUnit.MICROS).toString();
            case ConnectSchemaNames.BITS -> BitSet.valueOf(bytes(value));
            case ConnectSchemaNames.GEOMETRY, ConnectSchemaNames.GEOGRAPHY, ConnectSchemaNames.POINT ->
                    bytes(((Struct) value).get(ConnectSchemaNames.GEOMETRY_WKB_FIELD));
            default -> null;
        };
    }

    private static LocalTime timeOfDay(long nanos) {
        if (nanos < 0 || nanos >= NANOS_PER_DAY) {
            throw new DataException("time value of " + nanos + " ns is outside one day (00:00 to 24:00); the target's TIME "
                    + "columns hold times of day only");
        }
        return LocalTime.ofNanoOfDay(nanos);
    }

    private static BigDecimal variableScaleDecimal(Struct struct) {
        int scale = struct.getInt32(ConnectSchemaNames.VARIABLE_SCALE_DECIMAL_SCALE_FIELD);
        byte[] unscaled = bytes(struct.get(ConnectSchemaNames.VARIABLE_SCALE_DECIMAL_VALUE_FIELD));
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        return (byte[]) value;
    }

    private static List<Object> array(Schema schema, List<?> values) {
        List<Object> converted = new ArrayList<>(values.size());
        for (Object element : values) {
            Object value = convert(schema.valueSchema(), element);
            if (value == UnavailableValue.INSTANCE) {
                throw new DataException("an array holds Debezium's unavailable-value placeholder as one of several elements");
            }
            converted.add(value);
        }
        return converted;
    }
}
