package dev.cdc.sink.jdbc.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import dev.cdc.schema.ColumnType;
import dev.cdc.sink.jdbc.config.ConnectionConfig;
import dev.cdc.sink.jdbc.config.DialectKind;
import dev.cdc.sink.jdbc.table.ColumnDefinition;
import dev.cdc.sink.jdbc.table.TableDefinition;
import dev.cdc.sink.jdbc.table.TableRef;
import dev.cdc.sink.jdbc.table.TargetColumn;

/**
 * MySQL 8 and MariaDB 10.5+, through MariaDB Connector/J. The session runs in UTC; instants
 * ({@code TIMESTAMP_TZ}) are stored as UTC {@code DATETIME}, which has no 2038 limit.
 *
 * <p>Upsert (with a tombstone table). MySQL evaluates the assignments of
 * {@code ON DUPLICATE KEY UPDATE} left to right, each seeing the columns already assigned, so every
 * column compares the stored position and the position column is assigned last:
 * <pre>
 * INSERT INTO t (k, a, pos)
 * SELECT `__v`.k, `__v`.a, `__v`.pos FROM (SELECT ? AS k, ? AS a, ? AS pos UNION ALL SELECT ?, ?, ? ...) AS `__v`
 * WHERE NOT EXISTS (SELECT 1 FROM t__cdc_deletes `__d` WHERE `__d`.k = `__v`.k AND `__d`.pos > `__v`.pos)
 * ON DUPLICATE KEY UPDATE a = IF(t.pos IS NULL OR VALUES(pos) >= t.pos, VALUES(a), t.a),
 *                         pos = IF(t.pos IS NULL OR VALUES(pos) >= t.pos, VALUES(pos), t.pos)
 * </pre>
 */
public final class MySqlDialect implements Dialect {
    static final int MAX_PARAMETERS = 30_000;
    static final int MAX_VARCHAR = 1_024;
    static final int TEXT_CHARACTERS = 16_383;
    static final int MEDIUMTEXT_CHARACTERS = 4_194_303;
    static final int KEY_STRING_LENGTH = 255;

    private final DialectKind kind;

    public MySqlDialect(DialectKind kind) {
        if (!kind.isMySqlFamily()) {
            throw new IllegalArgumentException(kind + " is not MySQL or MariaDB");
        }
        this.kind = kind;
    }

    @Override
    public DialectKind kind() {
        return kind;
    }

    @Override
    public Connection connect(ConnectionConfig config, String applicationName) throws SQLException {
        Properties properties = new Properties();
        if (config.username() != null) {
            properties.setProperty("user", config.username());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password().value());
        }
        properties.setProperty("connectTimeout", "30000");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectionAttributes", "program_name:" + applicationName);
        Connection connection = new org.mariadb.jdbc.Driver().connect(config.url(), properties);
        if (connection == null) {
            throw new SQLException("the MariaDB driver does not accept the URL " + config.url(), "08001");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
        }
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT DATABASE()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    @Override
    public String columnType(ColumnType type, boolean key) {
        String unsigned = type.isUnsigned() ? " unsigned" : "";
        return switch (type.kind()) {
            case BOOLEAN -> "tinyint(1)";
            case INT8 -> "tinyint" + unsigned;
            case INT16 -> "smallint" + unsigned;
            case INT32 -> "int" + unsigned;
            case INT64 -> "bigint" + unsigned;
            case YEAR -> "year";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case DECIMAL -> decimal(type);
            case CHAR -> type.length().isPresent() && type.length().getAsInt() <= 255
                    ? "char(" + type.length().getAsInt() + ")" : text(type, key);
            case STRING -> text(type, key);
            case BINARY -> type.length().isPresent() && type.length().getAsInt() <= 255
                    ? "binary(" + type.length().getAsInt() + ")" : binary(type, key);
            case VARBINARY -> binary(type, key);
            case GEOMETRY -> "longblob";
            case DATE -> "date";
            case TIME, TIME_TZ -> fraction("time", type);
            case TIMESTAMP, TIMESTAMP_TZ -> fraction("datetime", type);
            case BIT -> type.length().orElse(1) <= 64 ? "bit(" + type.length().orElse(1) + ")" : "varchar(" + type.length().getAsInt() + ")";
            case ENUM -> type.values().isEmpty() ? "varchar(255)" : "enum(" + SqlText.join(type.values(), ",", SqlText::literal) + ")";
            case SET -> type.values().isEmpty() ? "varchar(255)" : "set(" + SqlText.join(type.values(), ",", SqlText::literal) + ")";
            case JSON -> "json";
            case UUID -> "char(36)";
            case INTERVAL -> "varchar(64)";
            case ARRAY -> "longtext";
        };
    }

    private static String decimal(ColumnType type) {
        int scale = Math.max(0, Math.min(type.scale().orElse(30), 30));
        int precision = type.precision().orElse(65);
        if (precision > 65 || precision < scale || type.hasVariableScale()) {
            return "decimal(65," + scale + ")";
        }
        return "decimal(" + precision + "," + scale + ")";
    }

    private static String text(ColumnType type, boolean key) {
        if (type.length().isEmpty()) {
            return key ? "varchar(" + KEY_STRING_LENGTH + ")" : "longtext";
        }
        int length = type.length().getAsInt();
        if (length <= MAX_VARCHAR || key) {
            return "varchar(" + Math.min(length, 768) + ")";
        }
        return length <= TEXT_CHARACTERS ? "text" : length <= MEDIUMTEXT_CHARACTERS ? "mediumtext" : "longtext";
    }

    private static String binary(ColumnType type, boolean key) {
        if (type.length().isEmpty()) {
            return key ? "varbinary(" + KEY_STRING_LENGTH + ")" : "longblob";
        }
        int length = type.length().getAsInt();
        if (length <= MAX_VARCHAR || key) {
            return "varbinary(" + Math.min(length, 3072) + ")";
        }
        return length <= 65_535 ? "blob" : length <= 16_777_215 ? "mediumblob" : "longblob";
    }

    private static String fraction(String base, ColumnType type) {
        int digits = Math.min(type.precision().orElse(6), 6);
        return digits == 0 ? base : base + "(" + digits + ")";
    }

    @Override
    public Optional<ColumnType> parseType(String nativeType) {
        TypeText type = TypeText.parse(nativeType);
        boolean unsigned = type.suffix().contains("unsigned") || type.base().endsWith(" unsigned");
        String base = type.base().replace(" unsigned", "").replace(" zerofill", "");
        return Optional.ofNullable(switch (base) {
            case "tinyint" -> type.intArgument(0, 4) == 1 && !unsigned ? ColumnType.booleanType() : ColumnType.integer(ColumnType.Kind.INT8, unsigned);
            case "bool", "boolean" -> ColumnType.booleanType();
            case "smallint" -> ColumnType.integer(ColumnType.Kind.INT16, unsigned);
            case "mediumint" -> ColumnType.int32();
            case "int", "integer" -> ColumnType.integer(ColumnType.Kind.INT32, unsigned);
            case "bigint" -> ColumnType.integer(ColumnType.Kind.INT64, unsigned);
            case "float" -> ColumnType.float32();
            case "double", "double precision", "real" -> ColumnType.float64();
            case "decimal", "numeric" -> ColumnType.decimal(type.intArgument(0, 10), type.intArgument(1, 0));
            case "char" -> ColumnType.fixedString(type.intArgument(0, 1));
            case "varchar" -> ColumnType.string(type.intArgument(0, 1));
            case "tinytext" -> ColumnType.string(63);
            case "text" -> ColumnType.string(TEXT_CHARACTERS);
            case "mediumtext" -> ColumnType.string(MEDIUMTEXT_CHARACTERS);
            case "longtext" -> ColumnType.string();
            case "binary" -> ColumnType.binary(type.intArgument(0, 1));
            case "varbinary" -> ColumnType.varbinary(type.intArgument(0, 1));
            case "tinyblob" -> ColumnType.varbinary(255);
            case "blob" -> ColumnType.varbinary(65_535);
            case "mediumblob" -> ColumnType.varbinary(16_777_215);
            case "longblob" -> ColumnType.varbinary();
            case "date" -> ColumnType.date();
            case "time" -> ColumnType.time(type.intArgument(0, 0));
            case "datetime" -> ColumnType.timestamp(type.intArgument(0, 0));
            case "timestamp" -> ColumnType.timestampWithTimeZone(type.intArgument(0, 0));
            case "year" -> ColumnType.year();
            case "bit" -> ColumnType.bit(type.intArgument(0, 1));
            case "enum" -> ColumnType.enumOf(type.quotedValues());
            case "set" -> ColumnType.setOf(type.quotedValues());
            case "json" -> ColumnType.json();
            default -> null;
        });
    }

    @Override
    public Optional<TableDefinition> readTable(Connection connection, TableRef table) throws SQLException {
        String sql = "SELECT c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE = 'YES', k.ORDINAL_POSITION "
                + "FROM information_schema.COLUMNS c LEFT JOIN information_schema.KEY_COLUMN_USAGE k "
                + "ON k.TABLE_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.COLUMN_NAME = c.COLUMN_NAME "
                + "AND k.CONSTRAINT_NAME = 'PRIMARY' "
                + "WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ? ORDER BY c.ORDINAL_POSITION";
        List<TargetColumn> columns = new ArrayList<>();
        List<PostgresDialect.KeyPart> key = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.schema());
            statement.setString(2, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    String type = rows.getString(2);
                    columns.add(new TargetColumn(name, type, parseType(type).orElse(null), rows.getBoolean(3)));
                    int keyPosition = rows.getInt(4);
                    if (!rows.wasNull()) {
                        key.add(new PostgresDialect.KeyPart(name, keyPosition));
                    }
                }
            }
        }
        connection.commit();
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TableDefinition(table, columns, PostgresDialect.KeyPart.ordered(key)));
    }

    // ---- DDL ----

    @Override
    public String createTable(TableRef table, List<ColumnDefinition> columns, List<String> primaryKey) {
        String key = primaryKey.isEmpty() ? "" : ", PRIMARY KEY (" + SqlText.join(primaryKey, this::quote) + ")";
        return "CREATE TABLE IF NOT EXISTS " + qualified(table) + " (" + SqlText.join(columns, this::definition) + key
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    private String definition(ColumnDefinition column) {
        return quote(column.name()) + " " + column.sqlType() + (column.nullable() ? " NULL" : " NOT NULL")
                + (column.defaultValue() == null ? "" : " DEFAULT " + column.defaultValue());
    }

    @Override
    public String addColumn(TableRef table, ColumnDefinition column) {
        return "ALTER TABLE " + qualified(table) + " ADD COLUMN " + definition(column);
    }

    @Override
    public String renameColumn(TableRef table, String from, String to) {
        return "ALTER TABLE " + qualified(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to);
    }

    @Override
    public String changeColumnType(TableRef table, TargetColumn column, String newType) {
        return "ALTER TABLE " + qualified(table) + " MODIFY COLUMN " + quote(column.name()) + " " + newType
                + (column.nullable() ? " NULL" : " NOT NULL");
    }

    /** MODIFY COLUMN converts in one statement; the session's strict mode makes a value that does not convert fail it. */
    @Override
    public String convertColumnType(TableRef table, TargetColumn column, String newType) {
        return changeColumnType(table, column, newType);
    }

    @Override
    public List<String> renameTable(TableRef from, TableRef to) {
        return List.of("RENAME TABLE " + qualified(from) + " TO " + qualified(to));
    }

    /** Backslashes are doubled too: they escape unless NO_BACKSLASH_ESCAPES is set. */
    @Override
    public String literal(String text) {
        return SqlText.literal(text.replace("\\", "\\\\"));
    }

    @Override
    public String dropNotNull(TableRef table, TargetColumn column) {
        return "ALTER TABLE " + qualified(table) + " MODIFY COLUMN " + quote(column.name()) + " " + column.nativeType() + " NULL";
    }

    @Override
    public String dropColumn(TableRef table, String column) {
        return "ALTER TABLE " + qualified(table) + " DROP COLUMN " + quote(column);
    }

    /** DELETE rather than TRUNCATE, which commits implicitly in MySQL. */
    @Override
    public String truncate(TableRef table) {
        return "DELETE FROM " + qualified(table);
    }

    // ---- rows ----

    @Override
    public int maxParameters() {
        return MAX_PARAMETERS;
    }

    private String columnList(List<WriteColumn> columns) {
        return SqlText.join(columns, column -> quote(column.name()));
    }

    private static String placeholders(int count) {
        return "(" + SqlText.repeat("?", count) + ")";
    }

    /** {@code SELECT ? AS a, ? AS b UNION ALL SELECT ?, ? ...}: a derived table of bound rows. */
    private String derivedRows(List<WriteColumn> columns, int rows) {
        StringBuilder sql = new StringBuilder("SELECT ").append(SqlText.join(columns, column -> "? AS " + quote(column.name())));
        String next = " UNION ALL SELECT " + SqlText.repeat("?", columns.size());
        for (int i = 1; i < rows; i++) {
            sql.append(next);
        }
        return sql.toString();
    }

    @Override
    public String insert(RowShape shape, int rows) {
        return "INSERT INTO " + qualified(shape.table()) + " (" + columnList(shape.columns()) + ") VALUES "
                + SqlText.repeat(placeholders(shape.columns().size()), rows);
    }

    @Override
    public String upsert(RowShape shape, int rows) {
        String table = qualified(shape.table());
        String position = quote(shape.positionColumn());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columnList(shape.columns())).append(") ");
        List<String> guards = new ArrayList<>();
        if (shape.tombstones() != null) {
            guards.add("NOT EXISTS (SELECT 1 FROM " + qualified(shape.tombstones()) + " `__d` WHERE "
                    + SqlText.join(shape.keyColumns(), " AND ", key -> "`__d`." + quote(key) + " = `__v`." + quote(key))
                    + " AND `__d`." + position + " > `__v`." + position + ")");
        }
        if (shape.tableStates() != null) {
            guards.add(TableStateGuard.notTruncatedAfter(this, shape, "`__s`", "`__v`." + position));
        }
        if (guards.isEmpty()) {
            sql.append("VALUES ").append(SqlText.repeat(placeholders(shape.columns().size()), rows));
        } else {
            sql.append("SELECT ").append(SqlText.join(shape.columns(), column -> "`__v`." + quote(column.name())))
                    .append(" FROM (").append(derivedRows(shape.columns(), rows)).append(") AS `__v`")
                    .append(" WHERE ").append(String.join(" AND ", guards));
        }
        String guard = "IF(" + table + "." + position + " IS NULL OR VALUES(" + position + ") >= " + table + "." + position + ", ";
        // the position column is last in updatedColumns(): assigned after every column that compares with it
        sql.append(" ON DUPLICATE KEY UPDATE ").append(SqlText.join(shape.updatedColumns(), column -> quote(column.name()) + " = "
                + guard + "VALUES(" + quote(column.name()) + "), " + table + "." + quote(column.name()) + ")"));
        return sql.toString();
    }

    @Override
    public String update(RowShape shape) {
        String table = qualified(shape.table());
        String position = quote(shape.positionColumn());
        return "UPDATE " + table + " SET " + SqlText.join(shape.nonKeyColumns(), column -> quote(column.name()) + " = ?")
                + " WHERE " + SqlText.join(shape.keyColumns(), " AND ", key -> quote(key) + " = ?")
                + " AND (" + position + " IS NULL OR " + position + " <= ?)";
    }

    @Override
    public List<Integer> updateParameterOrder(RowShape shape) {
        return updateOrder(shape);
    }

    static List<Integer> updateOrder(RowShape shape) {
        List<Integer> order = new ArrayList<>();
        List<WriteColumn> columns = shape.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (!shape.keyColumns().contains(columns.get(i).name())) {
                order.add(i);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (shape.keyColumns().contains(columns.get(i).name())) {
                order.add(i);
            }
        }
        order.add(columns.size() - 1);
        return List.copyOf(order);
    }

    @Override
    public String absentKeys(TableRef table, List<WriteColumn> keyColumns, int rows) {
        StringBuilder keys = new StringBuilder("SELECT 0 AS `__i`, ").append(SqlText.join(keyColumns, column -> "? AS " + quote(column.name())));
        for (int i = 1; i < rows; i++) {
            keys.append(" UNION ALL SELECT ").append(i).append(", ").append(SqlText.repeat("?", keyColumns.size()));
        }
        return "SELECT `__v`.`__i` FROM (" + keys + ") AS `__v` WHERE NOT EXISTS (SELECT 1 FROM " + qualified(table) + " `__t` WHERE "
                + SqlText.join(keyColumns, " AND ", column -> "`__t`." + quote(column.name()) + " = `__v`." + quote(column.name()))
                + ") ORDER BY 1";
    }

    @Override
    public String delete(RowShape shape, int rows) {
        String position = quote(shape.positionColumn());
        return "DELETE `__target` FROM " + qualified(shape.table()) + " AS `__target` JOIN (" + derivedRows(shape.columns(), rows)
                + ") AS `__v` ON " + SqlText.join(shape.keyColumns(), " AND ", key -> "`__target`." + quote(key) + " = `__v`." + quote(key))
                + " WHERE `__target`." + position + " IS NULL OR `__target`." + position + " <= `__v`." + position;
    }

    @Override
    public String recordTombstones(RowShape shape, int rows) {
        String position = quote(shape.positionColumn());
        return "INSERT INTO " + qualified(shape.table()) + " (" + columnList(shape.columns()) + ") VALUES "
                + SqlText.repeat(placeholders(shape.columns().size()), rows) + " ON DUPLICATE KEY UPDATE " + position
                + " = GREATEST(" + position + ", VALUES(" + position + "))";
    }

    @Override
    public void bind(PreparedStatement statement, int index, WriteColumn column, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof OffsetDateTime instant) {
            statement.setObject(index, instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else if (value instanceof OffsetTime time) {
            statement.setObject(index, time.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime());
        } else if (value instanceof LocalDateTime || value instanceof LocalTime || value instanceof java.time.LocalDate) {
            statement.setObject(index, value);
        } else if (value instanceof BitSet bits) {
            if (column.sqlType().startsWith("bit")) {
                statement.setLong(index, BitStrings.toLong(bits));
            } else {
                statement.setString(index, BitStrings.of(bits, column.valueType().length().orElse(bits.length())));
            }
        } else if (value instanceof List<?> list) {
            statement.setString(index, JsonArrays.of(list));
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setObject(index, value);
        }
    }
}
