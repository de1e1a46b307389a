package dev.cdc.sink.elasticsearch.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Schema;

/**
 * Renders Connect and Debezium temporal values as the strings the mapping's formats parse:
 * <ul>
 *   <li>dates: {@code 2024-01-31} (ES format {@code strict_date});</li>
 *   <li>instants (Connect Timestamp): {@code 2024-01-31T10:11:12.123Z};</li>
 *   <li>local date-times (Debezium Timestamp family): {@code 2024-01-31T10:11:12.123}, with 6 or 9
 *       fraction digits for micro- and nanosecond types (ES {@code strict_date_optional_time}; ES
 *       {@code date} keeps milliseconds, {@code _source} keeps the full string);</li>
 *   <li>times of day: {@code 10:11:12.123} (ms types) or {@code 10:11:12.123456} (µs) or 9 digits
 *       (ns), as {@code keyword}, since MySQL TIME may be negative or beyond 24 hours
 *       ({@code -838:59:59.000000}); within a day the fixed width sorts correctly.</li>
 * </ul>
 */
public final class TemporalValues {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS", Locale.ROOT);

    private TemporalValues() {
    }

    /** A date column's value: java.util.Date (Connect Date) or int days since 1970-01-01 (Debezium Date). */
    public static String date(Object value) {
        LocalDate date = value instanceof java.util.Date d
                ? LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC)
                : LocalDate.ofEpochDay(((Number) value).longValue());
        return DATE.format(date);
    }

    /** A time column's value, by the schema's logical name. */
    public static String time(Schema schema, Object value) {
        String name = schema.name();
        if (ColumnKind.DEBEZIUM_MICRO_TIME.equals(name)) {
            return timeOfDay(((Number) value).longValue(), TimeUnit.MICROSECONDS, 6);
        }
        if (ColumnKind.DEBEZIUM_NANO_TIME.equals(name)) {
            return timeOfDay(((Number) value).longValue(), TimeUnit.NANOSECONDS, 9);
        }
        long millis = value instanceof java.util.Date d ? d.getTime() : ((Number) value).longValue();
        return timeOfDay(millis, TimeUnit.MILLISECONDS, 3);
    }

    /** An instant (Connect Timestamp). */
    public static String instant(java.util.Date value) {
        return MILLIS.format(LocalDateTime.ofInstant(value.toInstant(), ZoneOffset.UTC)) + "Z";
    }

    /** A local date-time (Debezium Timestamp, MicroTimestamp, NanoTimestamp), by the schema's logical name. */
    public static String localTimestamp(Schema schema, Object value) {
        long amount = ((Number) value).longValue();
        String name = schema.name();
        if (ColumnKind.DEBEZIUM_MICRO_TIMESTAMP.equals(name)) {
            return MICROS.format(at(Math.floorDiv(amount, 1_000_000L), Math.floorMod(amount, 1_000_000L) * 1_000L));
        }
        if (ColumnKind.DEBEZIUM_NANO_TIMESTAMP.equals(name)) {
            return NANOS.format(at(Math.floorDiv(amount, 1_000_000_000L), Math.floorMod(amount, 1_000_000_000L)));
        }
        return MILLIS.format(at(Math.floorDiv(amount, 1_000L), Math.floorMod(amount, 1_000L) * 1_000_000L));
    }

    private static LocalDateTime at(long epochSecond, long nanos) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nanos), ZoneOffset.UTC);
    }

    static String timeOfDay(long amount, TimeUnit unit, int fractionDigits) {
        long perSecond = unit.convert(1, TimeUnit.SECONDS);
        long magnitude = Math.abs(amount);
        long seconds = magnitude / perSecond;
        long fraction = magnitude % perSecond;
        String text = String.format(Locale.ROOT, "%02d:%02d:%02d.%0" + fractionDigits + "d",
                seconds / 3600, seconds / 60 % 60, seconds % 60, fraction);
        return amount < 0 ? "-" + text : text;
    }
}
