package dev.cdc.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The logical type of a column, independent of any database. Source modules map their native
 * types onto it (and keep the native name for information); sinks derive it from Connect schemas
 * ({@code dev.cdc.schema.connect.ConnectSchemaReader}) and compare it with their targets.
 *
 * <p>Immutable. Which attributes a type has depends on its {@link Kind}:
 * <table>
 * <caption>attributes by kind</caption>
 * <tr><th>kind</th><th>attributes</th></tr>
 * <tr><td>INT8, INT16, INT32, INT64</td><td>{@link #isUnsigned()}: values use the full unsigned
 *     range of the width. A type whose unsigned range fits the signed range of the same width
 *     (MySQL {@code MEDIUMINT UNSIGNED}) is mapped to the signed type.</td></tr>
 * <tr><td>DECIMAL</td><td>{@link #precision()} (total digits, may be unknown) and {@link #scale()}
 *     (digits after the point); no scale means variable scale (PostgreSQL {@code NUMERIC} without
 *     a type modifier), and then no precision either.</td></tr>
 * <tr><td>CHAR (fixed length), STRING (variable)</td><td>{@link #length()} in characters (CHAR:
 *     required, STRING: maximum, absent for unbounded text), {@link #charset()} if known</td></tr>
 * <tr><td>BINARY (fixed), VARBINARY (variable)</td><td>{@link #length()} in bytes, as for strings</td></tr>
 * <tr><td>TIME, TIME_TZ, TIMESTAMP (local, no zone), TIMESTAMP_TZ (an instant)</td>
 *     <td>{@link #precision()}: fractional second digits, 0 to 9</td></tr>
 * <tr><td>BIT</td><td>{@link #length()}: number of bits, at least 1</td></tr>
 * <tr><td>ENUM, SET</td><td>{@link #values()}: the allowed values in declaration order</td></tr>
 * <tr><td>ARRAY</td><td>{@link #elementType()}</td></tr>
 * <tr><td>BOOLEAN, FLOAT32, FLOAT64, DATE, YEAR, JSON, UUID, GEOMETRY (WKB), INTERVAL</td><td>none</td></tr>
 * </table>
 *
 * <p>Every type may carry the source's native type name ({@code "MEDIUMTEXT"}, {@code "int4"})
 * for information. It takes part in {@link #equals(Object)} but not in
 * {@link #sameLogicalType(ColumnType)}, which is what schema comparison uses.
 *
 * <p>{@link #toString()} gives a text form ({@code INT32 UNSIGNED}, {@code DECIMAL(10,2)},
 * {@code STRING(255) CHARSET utf8mb4}, {@code ENUM('a','b')}, {@code ARRAY<INT32>}) that
 * {@link #parse(String)} reads back. The text form carries no native type names.
 */
public final class ColumnType {

    /** The logical kinds of column types. */
    public enum Kind {
        BOOLEAN, INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, DECIMAL,
        CHAR, STRING, BINARY, VARBINARY,
        DATE, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ, YEAR,
        BIT, ENUM, SET, JSON, UUID, GEOMETRY, INTERVAL, ARRAY;

        /** True for INT8 to INT64. */
        public boolean isInteger() {
            return this == INT8 || this == INT16 || this == INT32 || this == INT64;
        }

        /** True for the kinds whose {@link ColumnType#precision()} counts fractional seconds. */
        public boolean isTemporalWithPrecision() {
            return this == TIME || this == TIME_TZ || this == TIMESTAMP || this == TIMESTAMP_TZ;
        }

        /** True for CHAR and STRING. */
        public boolean isText() {
            return this == CHAR || this == STRING;
        }
    }

    /** Largest number of fractional second digits a temporal type may have. */
    public static final int MAX_TIME_PRECISION = 9;

    private static final Pattern CHARSET_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private final Kind kind;
    private final boolean unsigned;
    private final Integer length;
    private final Integer precision;
    private final Integer scale;
    private final String charset;
    private final List<String> values;
    private final ColumnType elementType;
    private final String nativeTypeName;

    private ColumnType(Kind kind, boolean unsigned, Integer length, Integer precision, Integer scale,
                       String charset, List<String> values, ColumnType elementType, String nativeTypeName) {
        this.kind = requireNonNull(kind, "kind is null");
        this.unsigned = unsigned;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.charset = charset;
        this.values = List.copyOf(requireNonNull(values, "values is null"));
        this.elementType = elementType;
        this.nativeTypeName = nativeTypeName;
    }

    private static ColumnType simple(Kind kind) {
        return new ColumnType(kind, false, null, null, null, null, List.of(), null, null);
    }

    // ---- factories ----

    public static ColumnType booleanType() {
        return simple(Kind.BOOLEAN);
    }

    public static ColumnType int8() {
        return simple(Kind.INT8);
    }

    public static ColumnType unsignedInt8() {
        return integer(Kind.INT8, true);
    }

    public static ColumnType int16() {
        return simple(Kind.INT16);
    }

    public static ColumnType unsignedInt16() {
        return integer(Kind.INT16, true);
    }

    public static ColumnType int32() {
        return simple(Kind.INT32);
    }

    public static ColumnType unsignedInt32() {
        return integer(Kind.INT32, true);
    }

    public static ColumnType int64() {
        return simple(Kind.INT64);
    }

    public static ColumnType unsignedInt64() {
        return integer(Kind.INT64, true);
    }

    /** An integer type of the given kind (INT8 to INT64). */
    public static ColumnType integer(Kind kind, boolean unsigned) {
        if (!kind.isInteger()) {
            throw new IllegalArgumentException(kind + " is not an integer kind");
        }
        return new ColumnType(kind, unsigned, null, null, null, null, List.of(), null, null);
    }

    public static ColumnType float32() {
        return simple(Kind.FLOAT32);
    }

    public static ColumnType float64() {
        return simple(Kind.FLOAT64);
    }

    /** A decimal with {@code precision} total digits (at least 1) and a fixed {@code scale} (may be negative). */
    public static ColumnType decimal(int precision, int scale) {
        if (precision < 1) {
            throw new IllegalArgumentException("decimal precision " + precision + " is less than 1");
        }
        return new ColumnType(Kind.DECIMAL, false, null, precision, scale, null, List.of(), null, null);
    }

    /** A decimal with a fixed scale whose precision is unknown (as read from a Connect Decimal without precision). */
    public static ColumnType decimalWithUnknownPrecision(int scale) {
        return new ColumnType(Kind.DECIMAL, false, null, null, scale, null, List.of(), null, null);
    }

    /** A decimal of any precision and scale, each value carrying its own scale. */
    public static ColumnType variableScaleDecimal() {
        return simple(Kind.DECIMAL);
    }

    /** Fixed-length text of {@code length} characters. */
    public static ColumnType fixedString(int length) {
        return sized(Kind.CHAR, length);
    }

    /** Unbounded text. */
    public static ColumnType string() {
        return simple(Kind.STRING);
    }

    /** Variable-length text of at most {@code maxLength} characters. */
    public static ColumnType string(int maxLength) {
        return sized(Kind.STRING, maxLength);
    }

    /** Fixed-length binary of {@code length} bytes. */
    public static ColumnType binary(int length) {
        return sized(Kind.BINARY, length);
    }

    /** Unbounded variable-length binary. */
    public static ColumnType varbinary() {
        return simple(Kind.VARBINARY);
    }

    /** Variable-length binary of at most {@code maxLength} bytes. */
    public static ColumnType varbinary(int maxLength) {
        return sized(Kind.VARBINARY, maxLength);
    }

    public static ColumnType date() {
        return simple(Kind.DATE);
    }

    /** Time of day without zone, with {@code precision} fractional second digits (0 to 9). */
    public static ColumnType time(int precision) {
        return temporal(Kind.TIME, precision);
    }

    /** Time of day with a zone offset (PostgreSQL {@code timetz}). */
    public static ColumnType timeWithTimeZone(int precision) {
        return temporal(Kind.TIME_TZ, precision);
    }

    /** Local date and time without zone (MySQL {@code DATETIME}, PostgreSQL {@code timestamp}). */
    public static ColumnType timestamp(int precision) {
        return temporal(Kind.TIMESTAMP, precision);
    }

    /** An instant (MySQL {@code TIMESTAMP}, PostgreSQL {@code timestamptz}). */
    public static ColumnType timestampWithTimeZone(int precision) {
        return temporal(Kind.TIMESTAMP_TZ, precision);
    }

    public static ColumnType year() {
        return simple(Kind.YEAR);
    }

    /** A bit string of {@code bits} bits (at least 1). */
    public static ColumnType bit(int bits) {
        if (bits < 1) {
            throw new IllegalArgumentException("bit length " + bits + " is less than 1");
        }
        return new ColumnType(Kind.BIT, false, bits, null, null, null, List.of(), null, null);
    }

    /** One value out of {@code values}. */
    public static ColumnType enumOf(List<String> values) {
        return new ColumnType(Kind.ENUM, false, null, null, null, null, checkValues(values), null, null);
    }

    /** Any subset of {@code values}. */
    public static ColumnType setOf(List<String> values) {
        return new ColumnType(Kind.SET, false, null, null, null, null, checkValues(values), null, null);
    }

    public static ColumnType json() {
        return simple(Kind.JSON);
    }

    public static ColumnType uuid() {
        return simple(Kind.UUID);
    }

    /** A geometry, carried as OGC well-known binary with an optional SRID per value. */
    public static ColumnType geometry() {
        return simple(Kind.GEOMETRY);
    }

    public static ColumnType interval() {
        return simple(Kind.INTERVAL);
    }

    public static ColumnType array(ColumnType elementType) {
        requireNonNull(elementType, "elementType is null");
        return new ColumnType(Kind.ARRAY, false, null, null, null, null, List.of(), elementType, null);
    }

    /**
     * Parses the text form of {@link #toString()}.
     *
     * @throws IllegalArgumentException naming the position and what was expected
     */
    public static ColumnType parse(String text) {
        return ColumnTypeParser.parse(text);
    }

    // ---- derived copies ----

    /** This type with the source's native type name, e.g. {@code "MEDIUMTEXT"}; null removes it. */
    public ColumnType withNativeTypeName(String name) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("native type name is blank");
        }
        return new ColumnType(kind, unsigned, length, precision, scale, charset, values, elementType, name);
    }

    /** This text type with a character set name; null removes it. */
    public ColumnType withCharset(String charsetName) {
        if (!kind.isText()) {
            throw new IllegalArgumentException("only CHAR and STRING have a charset, not " + this);
        }
        if (charsetName != null && !CHARSET_NAME.matcher(charsetName).matches()) {
            throw new IllegalArgumentException("charset name '" + charsetName + "' must match " + CHARSET_NAME);
        }
        return new ColumnType(kind, unsigned, length, precision, scale, charsetName, values, elementType, nativeTypeName);
    }

    // ---- accessors ----

    public Kind kind() {
        return kind;
    }

    /** True for an integer type whose values use the full unsigned range of its width. */
    public boolean isUnsigned() {
        return unsigned;
    }

    /** Characters (CHAR, STRING), bytes (BINARY, VARBINARY) or bits (BIT); empty when unbounded or not applicable. */
    public OptionalInt length() {
        return length == null ? OptionalInt.empty() : OptionalInt.of(length);
    }

    /** Total digits (DECIMAL) or fractional second digits (temporal kinds); empty when unknown or not applicable. */
    public OptionalInt precision() {
        return precision == null ? OptionalInt.empty() : OptionalInt.of(precision);
    }

    /** DECIMAL scale; empty for variable scale or other kinds. */
    public OptionalInt scale() {
        return scale == null ? OptionalInt.empty() : OptionalInt.of(scale);
    }

    /** True for a DECIMAL without a fixed scale. */
    public boolean hasVariableScale() {
        return kind == Kind.DECIMAL && scale == null;
    }

    public Optional<String> charset() {
        return Optional.ofNullable(charset);
    }

    /** ENUM and SET values in declaration order; empty for other kinds. */
    public List<String> values() {
        return values;
    }

    public Optional<ColumnType> elementType() {
        return Optional.ofNullable(elementType);
    }

    public Optional<String> nativeTypeName() {
        return Optional.ofNullable(nativeTypeName);
    }

    /**
     * True when both types describe the same values: equal in every attribute except the native
     * type name (ignored, also in array elements) and the charset (compared only when both sides
     * know it, since a type read from a Connect schema never knows it).
     */
    public boolean sameLogicalType(ColumnType other) {
        requireNonNull(other, "other is null");
        return kind == other.kind
                && unsigned == other.unsigned
                && Objects.equals(length, other.length)
                && Objects.equals(precision, other.precision)
                && Objects.equals(scale, other.scale)
                && (charset == null || other.charset == null || charset.equalsIgnoreCase(other.charset))
                && values.equals(other.values)
                && (elementType == null ? other.elementType == null
                        : other.elementType != null && elementType.sameLogicalType(other.elementType));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnType other
                && kind == other.kind
                && unsigned == other.unsigned
                && Objects.equals(length, other.length)
                && Objects.equals(precision, other.precision)
                && Objects.equals(scale, other.scale)
                && Objects.equals(charset, other.charset)
                && values.equals(other.values)
                && Objects.equals(elementType, other.elementType)
                && Objects.equals(nativeTypeName, other.nativeTypeName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, unsigned, length, precision, scale, charset, values, elementType, nativeTypeName);
    }

    /** The text form, see the class comment. */
    @Override
    public String toString() {
        return ColumnTypeFormat.format(this);
    }

    // ---- validation helpers ----

    private static ColumnType sized(Kind kind, int size) {
        if (size < 0) {
            throw new IllegalArgumentException(kind + " length " + size + " is negative");
        }
        return new ColumnType(kind, false, size, null, null, null, List.of(), null, null);
    }

    private static ColumnType temporal(Kind kind, int precision) {
        if (precision < 0 || precision > MAX_TIME_PRECISION) {
            throw new IllegalArgumentException(kind + " precision " + precision + " is outside 0.." + MAX_TIME_PRECISION);
        }
        return new ColumnType(kind, false, null, precision, null, null, List.of(), null, null);
    }

    private static List<String> checkValues(List<String> values) {
        requireNonNull(values, "values is null");
        for (int i = 0; i < values.size(); i++) {
            requireNonNull(values.get(i), "value " + i + " is null");
        }
        return values;
    }
}
