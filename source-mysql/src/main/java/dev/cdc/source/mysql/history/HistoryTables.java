package dev.cdc.source.mysql.history;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableSchema;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlTable;
import dev.cdc.source.mysql.types.MySqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table of the schema history back in MySQL terms, to seed the DDL catalog with the definition
 * valid at the resume position rather than the one {@code information_schema} has now. Works from
 * the native type names {@code ColumnTypes} records; empty when a column's native type is unknown.
 */
public final class HistoryTables {
    private HistoryTables() {
    }

    public static Optional<MySqlTable> toMySqlTable(TableSchema schema) {
        List<MySqlColumn> columns = new ArrayList<>();
        for (Column column : schema.columns()) {
            Optional<MySqlType> type = type(column.type());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            columns.add(new MySqlColumn(column.name(), type.get(), column.isNullable(), column.defaultValueExpression().orElse(null),
                    column.isAutoIncrement(), column.isGenerated(), column.comment().orElse(null)));
        }
        return Optional.of(new MySqlTable(schema.id().catalog().orElse(""), schema.id().table(), columns, schema.primaryKey()));
    }

    static Optional<MySqlType> type(ColumnType type) {
        String nativeName = type.nativeTypeName().orElse("").toUpperCase(Locale.ROOT);
        boolean unsigned = nativeName.endsWith(" UNSIGNED");
        Optional<MySqlDataType> dataType = MySqlDataType.byName(unsigned ? nativeName.substring(0, nativeName.length() - 9) : nativeName);
        if (dataType.isEmpty()) {
            return Optional.empty();
        }
        MySqlType result = MySqlType.of(dataType.get()).withUnsigned(unsigned);
        result = switch (dataType.get()) {
            case DECIMAL -> result.withPrecisionAndScale(type.precision().orElse(10), type.scale().orElse(0));
            case TIME, DATETIME, TIMESTAMP -> result.withPrecision(type.precision().orElse(0));
            case CHAR, VARCHAR, BINARY, VARBINARY, BIT -> type.length().isPresent() ? result.withLength(type.length().getAsInt()) : result;
            case ENUM, SET -> result.withValues(type.values());
            default -> result;
        };
        return Optional.of(type.charset().map(result::withCharset).orElse(result));
    }
}
