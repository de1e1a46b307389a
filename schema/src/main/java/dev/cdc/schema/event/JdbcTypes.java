package dev.cdc.schema.event;

import java.sql.Types;

import dev.cdc.schema.ColumnType;

/** The {@link java.sql.Types} code closest to a column type, for Debezium's {@code jdbcType} field. */
final class JdbcTypes {
    private JdbcTypes() {
    }

    static int of(ColumnType type) {
        return switch (type.kind()) {
            case BOOLEAN -> Types.BOOLEAN;
            case INT8 -> Types.TINYINT;
            case INT16 -> Types.SMALLINT;
            case INT32 -> Types.INTEGER;
            case INT64 -> Types.BIGINT;
            case FLOAT32 -> Types.REAL;
            case FLOAT64 -> Types.DOUBLE;
            case DECIMAL -> Types.DECIMAL;
            case CHAR, ENUM, SET -> Types.CHAR;
            case STRING -> Types.VARCHAR;
            case BINARY -> Types.BINARY;
            case VARBINARY -> Types.VARBINARY;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIME_TZ -> Types.TIME_WITH_TIMEZONE;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case YEAR -> Types.INTEGER;
            case BIT -> Types.BIT;
            case ARRAY -> Types.ARRAY;
            case JSON, UUID, GEOMETRY, INTERVAL -> Types.OTHER;
        };
    }
}
