package dev.cdc.source.mysql.snapshot;

import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlTable;
import dev.cdc.source.mysql.types.ZeroDates;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads the cells of a snapshot {@code SELECT} in the very form the binlog deserializer gives
 * them (see {@code BinlogValueConverters}), so that snapshot rows go through the same converters
 * as streamed rows and get the same values and schemas.
 *
 * <p>Temporal columns are selected as {@code CAST(c AS CHAR)} and parsed here: the driver's
 * {@code getString} on {@code DATETIME(3)} renders {@code .001} as {@code .1000}, and its temporal
 * objects cannot hold zero dates or negative and large {@code TIME}s. The session runs in UTC, so
 * {@code TIMESTAMP} text is UTC. ENUM and SET are selected as {@code c+0} (index, bit mask), BIT as
 * {@code c+0} (the number), YEAR as {@code c+0}.
 */
final class SnapshotCells {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private SnapshotCells() {
    }

    /** The select list of the table's columns, in table order. */
    static List<String> selectList(MySqlTable table) {
        List<String> expressions = new ArrayList<>();
        for (MySqlColumn column : table.columns()) {
            expressions.add(expression(column));
        }
        return expressions;
    }

    static String expression(MySqlColumn column) {
        String name = quote(column.name());
        return switch (column.type().dataType()) {
            case DATE, DATETIME, TIMESTAMP, TIME -> "CAST(" + name + " AS CHAR)";
            case ENUM, SET, BIT, YEAR -> "(" + name + "+0)";
            default -> name;
        };
    }

    /** The cells of the current row, columns {@code first..first+n-1} of the result set. */
    static Serializable[] read(ResultSet row, int first, MySqlTable table) throws SQLException {
        List<MySqlColumn> columns = table.columns();
        Serializable[] cells = new Serializable[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(row, first + i, columns.get(i));
        }
        return cells;
    }

    private static Serializable cell(ResultSet row, int index, MySqlColumn column) throws SQLException {
        MySqlDataType type = column.type().dataType();
        Serializable value = switch (type) {
            case TINYINT, SMALLINT, MEDIUMINT, INT -> row.getLong(index);
            case BIGINT -> {
                BigDecimal number = row.getBigDecimal(index);
                yield number == null ? null : number.longValue();
            }
            case DECIMAL -> row.getBigDecimal(index);
            case FLOAT -> row.getFloat(index);
            case DOUBLE -> row.getDouble(index);
            case BIT -> {
                BigDecimal number = row.getBigDecimal(index);
                yield number == null ? null : BitSet.valueOf(new long[] {number.longValue()});
            }
            case YEAR -> row.getInt(index);
            case ENUM -> row.getInt(index);
            case SET -> row.getLong(index);
            case DATE -> date(row.getString(index));
            case DATETIME -> dateTime(row.getString(index));
            case TIMESTAMP -> timestamp(row.getString(index));
            case TIME -> time(row.getString(index));
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB, GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING,
                    MULTIPOLYGON, GEOMETRYCOLLECTION -> row.getBytes(index);
            default -> row.getString(index);
        };
        return row.wasNull() ? null : value;
    }

    static Long date(String text) {
        if (text == null) {
            return null;
        }
        if (isZeroDate(text)) {
            return ZeroDates.MARKER;
        }
        try {
            return LocalDate.parse(text.substring(0, 10)).toEpochDay() * MICROS_PER_DAY;
        } catch (DateTimeException e) {
            return ZeroDates.MARKER;
        }
    }

    static Long dateTime(String text) {
        if (text == null) {
            return null;
        }
        if (isZeroDate(text)) {
            return ZeroDates.MARKER;
        }
        try {
            LocalDateTime value = LocalDateTime.parse(text.replace(' ', 'T'));
            return value.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + value.getNano() / 1000;
        } catch (DateTimeException e) {
            return ZeroDates.MARKER;
        }
    }

    static Long timestamp(String text) {
        if (text == null) {
            return null;
        }
        Long micros = dateTime(text);
        return micros == ZeroDates.MARKER ? 0L : micros;
    }

    /** {@code [-]H..H:MM:SS[.ffffff]} as signed microseconds. */
    static Long time(String text) {
        if (text == null) {
            return null;
        }
        boolean negative = text.startsWith("-");
        String[] parts = (negative ? text.substring(1) : text).split(":");
        long hours = Long.parseLong(parts[0]);
        long minutes = Long.parseLong(parts[1]);
        String[] seconds = parts[2].split("\\.");
        long micros = 0;
        if (seconds.length > 1) {
            String fraction = (seconds[1] + "000000").substring(0, 6);
            micros = Long.parseLong(fraction);
        }
        long total = ((hours * 60 + minutes) * 60 + Long.parseLong(seconds[0])) * 1_000_000L + micros;
        return negative ? -total : total;
    }

    private static boolean isZeroDate(String text) {
        return text.startsWith("0000-00-00") || text.length() >= 10 && (text.startsWith("00", 5) || text.startsWith("00", 8));
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

}
