package dev.cdc.source.mysql.types;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.ColumnType;
import java.util.Locale;

/**
 * Native MySQL/MariaDB types to the logical {@link ColumnType} of the schema module, chosen so
 * that the schema module's Connect mapping yields Debezium's MySQL defaults (see the README's
 * mapping table). The native type (e.g. {@code MEDIUMINT UNSIGNED}, {@code POINT}) travels as the
 * native type name.
 */
public final class ColumnTypes {
    private ColumnTypes() {
    }

    public static ColumnType toColumnType(MySqlType type) {
        requireNonNull(type, "type is null");
        return logical(type).withNativeTypeName(nativeName(type));
    }

    private static ColumnType logical(MySqlType type) {
        return switch (type.dataType()) {
            case TINYINT -> type.unsigned() ? ColumnType.unsignedInt8() : ColumnType.int8();
            case SMALLINT -> type.unsigned() ? ColumnType.unsignedInt16() : ColumnType.int16();
            // The unsigned range of MEDIUMINT fits a signed 32-bit integer.
            case MEDIUMINT -> ColumnType.int32();
            case INT -> type.unsigned() ? ColumnType.unsignedInt32() : ColumnType.int32();
            case BIGINT -> type.unsigned() ? ColumnType.unsignedInt64() : ColumnType.int64();
            case DECIMAL -> ColumnType.decimal(type.precision() == null ? 10 : type.precision(), type.scale() == null ? 0 : type.scale());
            // FLOAT(M,D) is FLOAT64 in Debezium; plain FLOAT is 4 bytes.
            case FLOAT -> type.scale() != null ? ColumnType.float64() : ColumnType.float32();
            case DOUBLE -> ColumnType.float64();
            case BIT -> ColumnType.bit(type.length() == null ? 1 : type.length());
            case CHAR -> withCharset(ColumnType.fixedString(type.length() == null ? 1 : type.length()), type);
            case VARCHAR -> withCharset(type.length() == null ? ColumnType.string() : ColumnType.string(type.length()), type);
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> withCharset(ColumnType.string(), type);
            case BINARY -> ColumnType.binary(type.length() == null ? 1 : type.length());
            case VARBINARY -> type.length() == null ? ColumnType.varbinary() : ColumnType.varbinary(type.length());
            case TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> ColumnType.varbinary();
            case DATE -> ColumnType.date();
            case TIME -> ColumnType.time(type.fractionalSeconds());
            case DATETIME -> ColumnType.timestamp(type.fractionalSeconds());
            case TIMESTAMP -> ColumnType.timestampWithTimeZone(type.fractionalSeconds());
            case YEAR -> ColumnType.year();
            case ENUM -> ColumnType.enumOf(type.values());
            case SET -> ColumnType.setOf(type.values());
            case JSON -> ColumnType.json();
            case GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION -> ColumnType.geometry();
        };
    }

    private static ColumnType withCharset(ColumnType type, MySqlType mysql) {
        return mysql.charset() == null ? type : type.withCharset(mysql.charset());
    }

    private static String nativeName(MySqlType type) {
        String name = type.dataType().name();
        if (type.unsigned() && (type.dataType().isInteger() || type.dataType() == MySqlDataType.DECIMAL
                || type.dataType() == MySqlDataType.FLOAT || type.dataType() == MySqlDataType.DOUBLE)) {
            name += " UNSIGNED";
        }
        return name.toUpperCase(Locale.ROOT);
    }
}
