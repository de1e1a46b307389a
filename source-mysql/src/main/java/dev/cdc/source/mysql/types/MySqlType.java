package dev.cdc.source.mysql.types;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The native type of one MySQL/MariaDB column, as far as decoding and mapping need it: base type,
 * length (characters for text, bytes for binary, bits for BIT, display width for integers),
 * precision and scale (DECIMAL; fractional second digits of TIME, DATETIME and TIMESTAMP in
 * {@code precision}), signedness, character set (MySQL name such as {@code utf8mb4}; {@code binary}
 * never appears, binary columns have binary types) and ENUM/SET values.
 */
public record MySqlType(MySqlDataType dataType, Integer length, Integer precision, Integer scale, boolean unsigned,
        String charset, List<String> values) {

    public MySqlType {
        requireNonNull(dataType, "dataType is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (charset != null) {
            charset = charset.toLowerCase(Locale.ROOT);
        }
    }

    public static MySqlType of(MySqlDataType dataType) {
        return new MySqlType(dataType, null, null, null, false, null, List.of());
    }

    public MySqlType withLength(Integer newLength) {
        return new MySqlType(dataType, newLength, precision, scale, unsigned, charset, values);
    }

    public MySqlType withPrecision(Integer newPrecision) {
        return new MySqlType(dataType, length, newPrecision, scale, unsigned, charset, values);
    }

    public MySqlType withPrecisionAndScale(Integer newPrecision, Integer newScale) {
        return new MySqlType(dataType, length, newPrecision, newScale, unsigned, charset, values);
    }

    public MySqlType withUnsigned(boolean newUnsigned) {
        return new MySqlType(dataType, length, precision, scale, newUnsigned, charset, values);
    }

    public MySqlType withCharset(String newCharset) {
        return new MySqlType(dataType, length, precision, scale, unsigned, newCharset, values);
    }

    public MySqlType withValues(List<String> newValues) {
        return new MySqlType(dataType, length, precision, scale, unsigned, charset, newValues);
    }

    public MySqlType withDataType(MySqlDataType newDataType) {
        return new MySqlType(newDataType, length, precision, scale, unsigned, charset, values);
    }

    public OptionalInt lengthValue() {
        return length == null ? OptionalInt.empty() : OptionalInt.of(length);
    }

    /** Fractional second digits of TIME, DATETIME, TIMESTAMP (0 when not given). */
    public int fractionalSeconds() {
        return precision == null ? 0 : precision;
    }

    public Optional<String> charsetName() {
        return Optional.ofNullable(charset);
    }

    /** SQL text, e.g. {@code decimal(10,2) unsigned}, {@code varchar(20)}, {@code enum('a','b')}. */
    public String toSql() {
        StringBuilder sql = new StringBuilder(dataType.sqlName());
        if (dataType == MySqlDataType.ENUM || dataType == MySqlDataType.SET) {
            sql.append(values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(",", "(", ")")));
        } else if (dataType == MySqlDataType.DECIMAL && precision != null) {
            sql.append('(').append(precision).append(',').append(scale == null ? 0 : scale).append(')');
        } else if (dataType == MySqlDataType.FLOAT && precision != null && scale != null) {
            sql.append('(').append(precision).append(',').append(scale).append(')');
        } else if ((dataType == MySqlDataType.TIME || dataType == MySqlDataType.DATETIME || dataType == MySqlDataType.TIMESTAMP)
                && precision != null && precision > 0) {
            sql.append('(').append(precision).append(')');
        } else if (length != null && (dataType == MySqlDataType.CHAR || dataType == MySqlDataType.VARCHAR || dataType == MySqlDataType.BINARY
                || dataType == MySqlDataType.VARBINARY || dataType == MySqlDataType.BIT || dataType.isInteger())) {
            sql.append('(').append(length).append(')');
        }
        if (unsigned) {
            sql.append(" unsigned");
        }
        return sql.toString();
    }

    @Override
    public String toString() {
        return toSql() + (charset == null ? "" : " charset " + charset);
    }
}
