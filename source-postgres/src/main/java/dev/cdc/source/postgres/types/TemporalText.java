package dev.cdc.source.postgres.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Parses PostgreSQL's ISO text output of dates and times ({@code DateStyle=ISO}): {@code 2024-01-31},
 * {@code 0044-03-15 BC}, {@code 13:45:10.123456}, {@code 24:00:00}, {@code 2024-01-31 13:45:10.5+05:30},
 * and the special values {@code infinity} and {@code -infinity}.
 */
final class TemporalText {
    /** Epoch microseconds of +infinity / -infinity timestamps (Debezium uses the same extremes). */
    static final long POSITIVE_INFINITY = Long.MAX_VALUE;
    static final long NEGATIVE_INFINITY = Long.MIN_VALUE;

    private static final DateTimeFormatter ZONED_TIME = DateTimeFormatter.ISO_OFFSET_TIME;
    private static final DateTimeFormatter ZONED_TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private TemporalText() {
    }

    static LocalDate date(String text) {
        boolean bc = text.endsWith(" BC");
        String body = bc ? text.substring(0, text.length() - 3) : text;
        LocalDate date = LocalDate.parse(body);
        // 1 BC is year 0 in ISO proleptic years, 2 BC is -1
        return bc ? date.withYear(1 - date.getYear()) : date;
    }

    /** Microseconds since midnight; {@code 24:00:00} is 86,400,000,000. */
    static long timeMicros(String text) {
        if (text.startsWith("24:00:00")) {
            return 86_400_000_000L;
        }
        return LocalTime.parse(text).toNanoOfDay() / 1_000;
    }

    /** A {@code timetz} as ISO-8601 in UTC, e.g. {@code 11:45:10.123Z} (Debezium's ZonedTime). */
    static String zonedTime(String text) {
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        LocalTime time = LocalTime.parse(text.substring(0, sign));
        OffsetTime value = OffsetTime.of(time, offset(text.substring(sign)));
        return value.withOffsetSameInstant(ZoneOffset.UTC).format(ZONED_TIME);
    }

    /** Microseconds since the epoch of a {@code timestamp} (no zone, read as UTC); infinities map to the long extremes. */
    static long timestampMicros(String text) {
        if (text.equals("infinity")) {
            return POSITIVE_INFINITY;
        }
        if (text.equals("-infinity")) {
            return NEGATIVE_INFINITY;
        }
        LocalDateTime value = localDateTime(text);
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), value);
    }

    /** A {@code timestamptz} as ISO-8601 in UTC, e.g. {@code 2024-01-31T12:45:10.123456Z} (Debezium's ZonedTimestamp). */
    static String zonedTimestamp(String text) {
        if (text.equals("infinity") || text.equals("-infinity")) {
            return text;
        }
        boolean bc = text.endsWith(" BC");
        String body = bc ? text.substring(0, text.length() - 3) : text;
        int sign = Math.max(body.lastIndexOf('+'), body.lastIndexOf('-'));
        if (sign < body.indexOf(' ')) {
            throw new IllegalArgumentException("timestamptz '" + text + "' has no zone offset");
        }
        LocalDateTime local = localDateTime(body.substring(0, sign) + (bc ? " BC" : ""));
        OffsetDateTime value = OffsetDateTime.of(local, offset(body.substring(sign)));
        return value.withOffsetSameInstant(ZoneOffset.UTC).format(ZONED_TIMESTAMP);
    }

    private static LocalDateTime localDateTime(String text) {
        boolean bc = text.endsWith(" BC");
        String body = bc ? text.substring(0, text.length() - 3) : text;
        int space = body.indexOf(' ');
        LocalDate date = date(body.substring(0, space) + (bc ? " BC" : ""));
        return LocalDateTime.of(date, LocalTime.parse(body.substring(space + 1)));
    }

    /** {@code +01}, {@code -05:30}, {@code +05:30:10}. */
    private static ZoneOffset offset(String text) {
        String[] parts = text.substring(1).split(":");
        int hours = Integer.parseInt(parts[0]);
        int minutes = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        int seconds = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        int sign = text.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }
}
