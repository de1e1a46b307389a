package dev.cdc.source.mysql.history;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlTable;
import dev.cdc.source.mysql.types.MySqlType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads table definitions from {@code information_schema} as they are <em>now</em>. Used at start
 * (schemas of the captured tables, the snapshot's column lists) and, until a DDL parser is wired,
 * after a DDL event. Reading "now" is wrong for a connector that lags behind later DDL: the
 * schema-change event of an older DDL then shows the newest definition. Rows are not affected:
 * they are decoded with the binlog's table maps (see {@code TableMapCache}).
 *
 * <p>Types are described as the binlog table map describes them (no integer display widths, no
 * {@code FLOAT(M,D)} scale), so that snapshot rows and streamed rows get equal Connect schemas.
 */
public final class InformationSchemaReader {
    private static final String COLUMNS = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE,"
            + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, CHARACTER_SET_NAME, COLUMN_TYPE,"
            + " EXTRA, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
    private static final String PRIMARY_KEY = "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION";
    private static final String TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
            + " WHERE TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_SCHEMA, TABLE_NAME";

    private final Connection connection;

    public InformationSchemaReader(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** The captured tables that exist now, in name order. */
    public List<TableId> capturedTables(CaptureFilter filter) throws SQLException {
        List<TableId> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (filter.isTableCaptured(rows.getString(1), rows.getString(2))) {
                    tables.add(TableId.ofCatalogTable(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return tables;
    }

    /** The definitions of the captured tables, in name order. */
    public Map<TableId, MySqlTable> capturedTableDefinitions(CaptureFilter filter) throws SQLException {
        Map<TableId, MySqlTable> tables = new LinkedHashMap<>();
        for (TableId id : capturedTables(filter)) {
            table(id).ifPresent(table -> tables.put(id, table));
        }
        return tables;
    }

    /** A table's definition now; empty when it does not exist. */
    public Optional<MySqlTable> table(TableId id) throws SQLException {
        String database = id.catalog().orElseThrow(() -> new IllegalArgumentException("table " + id + " has no database"));
        List<MySqlColumn> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, database);
            statement.setString(2, id.table());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(column(rows));
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MySqlTable(database, id.table(), columns, primaryKey(database, id.table())));
    }

    private List<String> primaryKey(String database, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PRIMARY_KEY)) {
            statement.setString(1, database);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    key.add(rows.getString(1));
                }
            }
        }
        return key;
    }

    private static MySqlColumn column(ResultSet row) throws SQLException {
        String name = row.getString("COLUMN_NAME");
        String columnType = row.getString("COLUMN_TYPE");
        String extra = Optional.ofNullable(row.getString("EXTRA")).orElse("").toLowerCase(Locale.ROOT);
        MySqlType type = type(row, columnType);
        String comment = row.getString("COLUMN_COMMENT");
        return new MySqlColumn(name, type, "YES".equalsIgnoreCase(row.getString("IS_NULLABLE")), defaultExpression(row.getString("COLUMN_DEFAULT")),
                extra.contains("auto_increment"), extra.contains("generated") || extra.contains("virtual") || extra.contains("persistent")
                        || extra.contains("stored"), comment == null || comment.isEmpty() ? null : comment);
    }

    /** MariaDB writes defaults as SQL ({@code 'x'}, {@code NULL}, {@code current_timestamp()}); MySQL writes the bare value. */
    private static String defaultExpression(String value) {
        return value == null || value.equalsIgnoreCase("NULL") ? null : value;
    }

    static MySqlType type(ResultSet row, String columnType) throws SQLException {
        String dataType = row.getString("DATA_TYPE");
        MySqlDataType base = MySqlDataType.byName(dataType).orElseThrow(() -> new SQLException("column type '" + columnType
                + "' (" + dataType + ") is not a type this connector knows"));
        boolean unsigned = columnType.toLowerCase(Locale.ROOT).contains("unsigned");
        String charset = row.getString("CHARACTER_SET_NAME");
        MySqlType type = MySqlType.of(base);
        return switch (base) {
            case TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT, FLOAT, DOUBLE -> type.withUnsigned(unsigned);
            case DECIMAL -> type.withPrecisionAndScale(row.getInt("NUMERIC_PRECISION"), row.getInt("NUMERIC_SCALE")).withUnsigned(unsigned);
            case BIT -> type.withLength(row.getInt("NUMERIC_PRECISION"));
            case CHAR, VARCHAR -> type.withCharset(charset).withLength(row.getInt("CHARACTER_MAXIMUM_LENGTH"));
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> type.withCharset(charset);
            case BINARY, VARBINARY -> type.withLength(row.getInt("CHARACTER_MAXIMUM_LENGTH"));
            case TIME, DATETIME, TIMESTAMP -> type.withPrecision(row.getInt("DATETIME_PRECISION"));
            case ENUM, SET -> type.withValues(EnumValues.parse(columnType)).withCharset(charset);
            default -> type;
        };
    }
}
