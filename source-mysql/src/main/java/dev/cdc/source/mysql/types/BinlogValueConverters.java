package dev.cdc.source.mysql.types;

import static java.util.Objects.requireNonNull;

import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import dev.cdc.source.mysql.config.BigintUnsignedMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.StringJoiner;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Converters from the Java values of the binlog deserializer (configured by
 * {@code dev.cdc.source.mysql.binlog.BinlogDeserializers}) to Connect values of the schemas of
 * {@link ConnectTypes}. What arrives, per type:
 * <table>
 * <caption>binlog values</caption>
 * <tr><td>TINYINT, SMALLINT, MEDIUMINT, INT</td><td>Integer, sign-extended even when UNSIGNED</td></tr>
 * <tr><td>BIGINT</td><td>Long, two's complement even when UNSIGNED</td></tr>
 * <tr><td>DECIMAL / FLOAT / DOUBLE</td><td>BigDecimal / Float / Double</td></tr>
 * <tr><td>BIT(n)</td><td>BitSet</td></tr>
 * <tr><td>CHAR, VARCHAR, TEXT; BINARY, VARBINARY, BLOB</td><td>byte[] (CHAR without trailing
 *     spaces, BINARY without trailing zero bytes)</td></tr>
 * <tr><td>DATE, DATETIME</td><td>Long microseconds since the epoch, reading the local date-time as
 *     UTC; {@link ZeroDates#MARKER} for zero dates</td></tr>
 * <tr><td>TIME</td><td>Long signed microseconds (-838:59:59 to 838:59:59)</td></tr>
 * <tr><td>TIMESTAMP</td><td>Long microseconds since the epoch (UTC); 0 for the zero timestamp</td></tr>
 * <tr><td>YEAR</td><td>Integer, 1900 standing for 0000</td></tr>
 * <tr><td>ENUM / SET</td><td>Integer 1-based index (0 for the invalid '') / Long bitmask</td></tr>
 * <tr><td>JSON</td><td>byte[]: MySQL's binary JSON; on MariaDB the text (JSON is LONGTEXT there)</td></tr>
 * <tr><td>GEOMETRY</td><td>byte[]: 4-byte little-endian SRID then WKB</td></tr>
 * </table>
 */
public final class BinlogValueConverters {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final BigintUnsignedMode bigintUnsignedMode;
    private final boolean binaryJson;

    /**
     * @param binaryJson true for MySQL, whose JSON columns carry binary JSON; false for MariaDB,
     *                   whose JSON columns are text
     */
    public BinlogValueConverters(BigintUnsignedMode bigintUnsignedMode, boolean binaryJson) {
        this.bigintUnsignedMode = requireNonNull(bigintUnsignedMode, "bigintUnsignedMode is null");
        this.binaryJson = binaryJson;
    }

    /** The converter of a column whose Connect schema is {@code schema}. */
    public ValueConverter converter(MySqlColumn column, Schema schema) {
        requireNonNull(column, "column is null");
        requireNonNull(schema, "schema is null");
        MySqlType type = column.type();
        boolean optional = schema.isOptional();
        return switch (type.dataType()) {
            case TINYINT -> raw -> (short) (type.unsigned() ? intValue(raw) & 0xFF : intValue(raw));
            case SMALLINT -> type.unsigned() ? raw -> intValue(raw) & 0xFFFF : raw -> (short) intValue(raw);
            case MEDIUMINT -> type.unsigned() ? raw -> intValue(raw) & 0xFFFFFF : BinlogValueConverters::intValue;
            case INT -> type.unsigned() ? raw -> intValue(raw) & 0xFFFF_FFFFL : BinlogValueConverters::intValue;
            case BIGINT -> bigint(type);
            case DECIMAL -> raw -> ((BigDecimal) raw).setScale(type.scale() == null ? 0 : type.scale(), RoundingMode.UNNECESSARY);
            case FLOAT -> type.scale() != null ? raw -> Double.parseDouble(raw.toString()) : raw -> ((Number) raw).floatValue();
            case DOUBLE -> raw -> ((Number) raw).doubleValue();
            case BIT -> bits(type.length() == null ? 1 : type.length());
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> text(type);
            case BINARY -> fixedBinary(type.length() == null ? 1 : type.length());
            case VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> raw -> raw;
            case DATE -> raw -> ZeroDates.isZero(raw) ? zeroOrNull(optional, 0) : (int) Math.floorDiv((long) raw, MICROS_PER_DAY);
            case TIME -> raw -> (long) raw;
            case DATETIME -> datetime(type.fractionalSeconds(), optional);
            case TIMESTAMP -> timestamp(type.fractionalSeconds(), optional);
            case YEAR -> raw -> intValue(raw) == 1900 ? 0 : intValue(raw);
            case ENUM -> enumValue(column);
            case SET -> setValue(column);
            case JSON -> json(optional);
            case GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION -> geometry(schema);
        };
    }

    private static int intValue(Object raw) {
        return ((Number) raw).intValue();
    }

    private ValueConverter bigint(MySqlType type) {
        if (!type.unsigned() || bigintUnsignedMode == BigintUnsignedMode.LONG) {
            return raw -> ((Number) raw).longValue();
        }
        return raw -> new BigDecimal(new BigInteger(Long.toUnsignedString(((Number) raw).longValue())));
    }

    private static ValueConverter bits(int length) {
        if (length == 1) {
            return raw -> ((BitSet) raw).get(0);
        }
        int byteCount = (length + 7) / 8;
        return raw -> Arrays.copyOf(((BitSet) raw).toByteArray(), byteCount);
    }

    private static ValueConverter text(MySqlType type) {
        Charset charset = MySqlCharsets.javaCharset(type.charset() == null ? "utf8mb4" : type.charset());
        return raw -> raw instanceof byte[] bytes ? new String(bytes, charset) : raw.toString();
    }

    private static ValueConverter fixedBinary(int length) {
        return raw -> {
            byte[] bytes = (byte[]) raw;
            return bytes.length >= length ? bytes : Arrays.copyOf(bytes, length);
        };
    }

    private static Object zeroOrNull(boolean optional, Object epochValue) {
        return optional ? null : epochValue;
    }

    private static ValueConverter datetime(int fractionalSeconds, boolean optional) {
        if (fractionalSeconds <= 3) {
            return raw -> ZeroDates.isZero(raw) ? zeroOrNull(optional, 0L) : Math.floorDiv((long) raw, 1000L);
        }
        return raw -> ZeroDates.isZero(raw) ? zeroOrNull(optional, 0L) : (long) raw;
    }

    private static ValueConverter timestamp(int fractionalSeconds, boolean optional) {
        DateTimeFormatter formatter = isoInstant(fractionalSeconds);
        String epoch = formatter.format(Instant.EPOCH);
        return raw -> {
            long micros = (long) raw;
            if (micros == 0 || micros == ZeroDates.MARKER) {
                return zeroOrNull(optional, epoch);
            }
            return formatter.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L));
        };
    }

    /** ISO-8601 in UTC with exactly {@code fractionalSeconds} digits: {@code 2024-01-02T03:04:05.120Z}. */
    static DateTimeFormatter isoInstant(int fractionalSeconds) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss");
        if (fractionalSeconds > 0) {
            builder.appendFraction(ChronoField.NANO_OF_SECOND, fractionalSeconds, fractionalSeconds, true);
        }
        return builder.appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);
    }

    private static ValueConverter enumValue(MySqlColumn column) {
        List<String> values = column.type().values();
        return raw -> {
            int index = intValue(raw);
            if (index == 0) {
                return "";
            }
            if (index < 0 || index > values.size()) {
                throw new IllegalArgumentException("ENUM index " + index + " is outside 1.." + values.size() + " of column '"
                        + column.name() + "' " + column.type().toSql());
            }
            return values.get(index - 1);
        };
    }

    private static ValueConverter setValue(MySqlColumn column) {
        List<String> values = column.type().values();
        return raw -> {
            long mask = ((Number) raw).longValue();
            if (values.size() < 64 && (mask >>> values.size()) != 0) {
                throw new IllegalArgumentException("SET bits " + Long.toBinaryString(mask) + " name members beyond the "
                        + values.size() + " of column '" + column.name() + "' " + column.type().toSql());
            }
            StringJoiner joined = new StringJoiner(",");
            for (int bit = 0; bit < values.size(); bit++) {
                if ((mask & (1L << bit)) != 0) {
                    joined.add(values.get(bit));
                }
            }
            return joined.toString();
        };
    }

    private ValueConverter json(boolean optional) {
        if (!binaryJson) {
            return raw -> raw instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : raw.toString();
        }
        return raw -> {
            byte[] bytes = (byte[]) raw;
            if (bytes.length == 0) {
                return optional ? null : "{}";
            }
            try {
                return JsonBinary.parseAsString(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("binary JSON value of " + bytes.length + " bytes cannot be read", e);
            }
        };
    }

    private static ValueConverter geometry(Schema schema) {
        Schema struct = schema;
        return raw -> {
            byte[] bytes = (byte[]) raw;
            if (bytes.length < 5) {
                throw new IllegalArgumentException("geometry value of " + bytes.length + " bytes is shorter than SRID and WKB");
            }
            int srid = ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            return new Struct(struct).put("wkb", Arrays.copyOfRange(bytes, 4, bytes.length)).put("srid", srid == 0 ? null : srid);
        };
    }
}
