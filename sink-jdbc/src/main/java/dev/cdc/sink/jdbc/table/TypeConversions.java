package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

import dev.cdc.schema.ColumnType;
import dev.cdc.schema.ColumnType.Kind;

/**
 * Which type changes that are not widenings the sink converts in place ({@code schema.evolution=full}):
 * those where the database's cast either keeps a value or rejects it, so a conversion never loses
 * data silently. A rejected value fails the whole statement and the task stops with the SQL.
 * <ul>
 *   <li>to text ({@code CHAR}, {@code STRING}) from any scalar but bytes, bits and geometries
 *   (a value longer than the column fails the assignment);</li>
 *   <li>from text, enums, JSON and UUIDs to numbers, booleans, dates, times, timestamps, JSON,
 *   UUIDs, enums and sets (text that does not parse fails);</li>
 *   <li>integers to a narrower integer or a decimal (values out of range fail);</li>
 *   <li>dates to timestamps.</li>
 * </ul>
 * Not converted, because a cast would round or cut silently: decimals and floats to integers or to
 * fewer fraction digits, FLOAT64 to FLOAT32, timestamps to dates, less fractional-second precision.
 */
public final class TypeConversions {
    private static final Set<Kind> TEXT_LIKE = EnumSet.of(Kind.CHAR, Kind.STRING, Kind.ENUM, Kind.SET, Kind.JSON, Kind.UUID);
    private static final Set<Kind> NOT_AS_TEXT = EnumSet.of(Kind.BINARY, Kind.VARBINARY, Kind.GEOMETRY, Kind.BIT, Kind.ARRAY);
    private static final Set<Kind> PARSED_FROM_TEXT = EnumSet.of(Kind.BOOLEAN, Kind.INT8, Kind.INT16, Kind.INT32, Kind.INT64,
            Kind.FLOAT32, Kind.FLOAT64, Kind.DECIMAL, Kind.DATE, Kind.TIME, Kind.TIMESTAMP, Kind.TIMESTAMP_TZ, Kind.YEAR,
            Kind.JSON, Kind.UUID, Kind.ENUM, Kind.SET);

    private TypeConversions() {
    }

    /** True when a column of type {@code from} may be converted to {@code to} by a cast that keeps every value or fails. */
    public static boolean castable(ColumnType from, ColumnType to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        Kind source = from.kind();
        Kind target = to.kind();
        if (target.isText()) {
            return !NOT_AS_TEXT.contains(source);
        }
        if (TEXT_LIKE.contains(source)) {
            return PARSED_FROM_TEXT.contains(target);
        }
        if (source.isInteger()) {
            return target.isInteger() || target == Kind.DECIMAL;
        }
        return source == Kind.DATE && (target == Kind.TIMESTAMP || target == Kind.TIMESTAMP_TZ);
    }
}
