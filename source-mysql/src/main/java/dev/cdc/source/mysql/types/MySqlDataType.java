package dev.cdc.source.mysql.types;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The base data types of MySQL and MariaDB columns, with the synonyms the servers accept in DDL
 * ({@code INTEGER}, {@code BOOL}, {@code NUMERIC}, {@code REAL}, {@code NCHAR} ...) resolved to
 * what the server stores.
 */
public enum MySqlDataType {
    TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT,
    DECIMAL, FLOAT, DOUBLE,
    BIT,
    CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT,
    BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB,
    DATE, TIME, DATETIME, TIMESTAMP, YEAR,
    ENUM, SET, JSON,
    GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION;

    private static final Map<String, MySqlDataType> SYNONYMS = Map.ofEntries(
            Map.entry("INTEGER", INT), Map.entry("INT1", TINYINT), Map.entry("INT2", SMALLINT), Map.entry("INT3", MEDIUMINT),
            Map.entry("INT4", INT), Map.entry("INT8", BIGINT), Map.entry("MIDDLEINT", MEDIUMINT),
            Map.entry("BOOL", TINYINT), Map.entry("BOOLEAN", TINYINT),
            Map.entry("DEC", DECIMAL), Map.entry("NUMERIC", DECIMAL), Map.entry("FIXED", DECIMAL),
            Map.entry("REAL", DOUBLE), Map.entry("DOUBLE PRECISION", DOUBLE), Map.entry("FLOAT4", FLOAT), Map.entry("FLOAT8", DOUBLE),
            Map.entry("CHARACTER", CHAR), Map.entry("NCHAR", CHAR), Map.entry("NATIONAL CHAR", CHAR),
            Map.entry("CHARACTER VARYING", VARCHAR), Map.entry("NVARCHAR", VARCHAR), Map.entry("NATIONAL VARCHAR", VARCHAR),
            Map.entry("VARCHARACTER", VARCHAR), Map.entry("CHAR VARYING", VARCHAR), Map.entry("LONG", MEDIUMTEXT),
            Map.entry("LONG VARCHAR", MEDIUMTEXT), Map.entry("LONG VARBINARY", MEDIUMBLOB), Map.entry("SERIAL", BIGINT),
            Map.entry("GEOMCOLLECTION", GEOMETRYCOLLECTION));

    /** The type for a name as written in DDL or {@code information_schema}, synonyms included. */
    public static Optional<MySqlDataType> byName(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        MySqlDataType synonym = SYNONYMS.get(upper);
        if (synonym != null) {
            return Optional.of(synonym);
        }
        try {
            return Optional.of(valueOf(upper));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isInteger() {
        return this == TINYINT || this == SMALLINT || this == MEDIUMINT || this == INT || this == BIGINT;
    }

    /** Text types: they have a character set. */
    public boolean isText() {
        return this == CHAR || this == VARCHAR || this == TINYTEXT || this == TEXT || this == MEDIUMTEXT || this == LONGTEXT;
    }

    public boolean isBinary() {
        return this == BINARY || this == VARBINARY || this == TINYBLOB || this == BLOB || this == MEDIUMBLOB || this == LONGBLOB;
    }

    public boolean isSpatial() {
        return ordinal() >= GEOMETRY.ordinal();
    }

    /** The binary type that stores the same bytes as this text type ({@code CHAR} ... {@code LONGTEXT}). */
    public MySqlDataType binaryCounterpart() {
        return switch (this) {
            case CHAR -> BINARY;
            case VARCHAR -> VARBINARY;
            case TINYTEXT -> TINYBLOB;
            case TEXT -> BLOB;
            case MEDIUMTEXT -> MEDIUMBLOB;
            case LONGTEXT -> LONGBLOB;
            default -> this;
        };
    }

    /** The text type that stores the same bytes as this binary type. */
    public MySqlDataType textCounterpart() {
        return switch (this) {
            case BINARY -> CHAR;
            case VARBINARY -> VARCHAR;
            case TINYBLOB -> TINYTEXT;
            case BLOB -> TEXT;
            case MEDIUMBLOB -> MEDIUMTEXT;
            case LONGBLOB -> LONGTEXT;
            default -> this;
        };
    }

    /** The name as the servers print it in {@code information_schema.COLUMNS.DATA_TYPE}, lower-case. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
