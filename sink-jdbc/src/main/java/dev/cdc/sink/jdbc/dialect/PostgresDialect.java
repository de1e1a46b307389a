package dev.cdc.sink.jdbc.dialect;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
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
 * PostgreSQL 12+. Type texts are written as {@code format_type()} prints them, so that a created
 * column reads back as the type it was created from. Every bound parameter is cast to the target
 * column's type, which lets text travel into {@code jsonb}, {@code uuid}, {@code interval} and
 * array columns and keeps the types of multi-row {@code VALUES} lists fixed.
 *
 * <p>Upsert (with a tombstone table):
 * <pre>
 * INSERT INTO t AS "__target" (k, a, pos)
 * SELECT "__v".k, "__v".a, "__v".pos FROM (VALUES (CAST(? AS integer), CAST(? AS text), CAST(? AS bigint)), ...) AS "__v" (k, a, pos)
 * WHERE NOT EXISTS (SELECT 1 FROM t__cdc_deletes "__d" WHERE "__d".k = "__v".k AND "__d".pos > "__v".pos)
 * ON CONFLICT (k) DO UPDATE SET a = EXCLUDED.a, pos = EXCLUDED.pos
 * WHERE "__target".pos IS NULL OR "__target".pos &lt;= EXCLUDED.pos
 * </pre>
 */
public final class PostgresDialect implements Dialect {
    /** pgjdbc allows 65,535 parameters; stay well below. */
    static final int MAX_PARAMETERS = 32_000;
    static final int MAX_VARCHAR = 10_485_760;

    @Override
    public DialectKind kind() {
        return DialectKind.POSTGRESQL;
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
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = new org.postgresql.Driver().connect(config.url(), properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept the URL " + config.url(), "08001");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
        }
        connection.setAutoCommit(false);
        connection.commit();
        return connection;
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public String columnType(ColumnType type, boolean key) {
        return switch (type.kind()) {
            case BOOLEAN -> "boolean";
            case INT8 -> "smallint";
            case INT16 -> type.isUnsigned() ? "integer" : "smallint";
            case INT32 -> type.isUnsigned() ? "bigint" : "integer";
            case INT64 -> type.isUnsigned() ? "numeric(20,0)" : "bigint";
            case YEAR -> "integer";
            case FLOAT32 -> "real";
            case FLOAT64 -> "double precision";
            case DECIMAL -> decimal(type);
            case CHAR -> type.length().isPresent() && type.length().getAsInt() <= MAX_VARCHAR
                    ? "character(" + type.length().getAsInt() + ")" : "text";
            case STRING -> type.length().isPresent() && type.length().getAsInt() <= MAX_VARCHAR
                    ? "character varying(" + type.length().getAsInt() + ")" : "text";
            case BINARY, VARBINARY, GEOMETRY -> "bytea";
            case DATE -> "date";
            case TIME -> "time(" + fraction(type) + ") without time zone";
            case TIME_TZ -> "time(" + fraction(type) + ") with time zone";
            case TIMESTAMP -> "timestamp(" + fraction(type) + ") without time zone";
            case TIMESTAMP_TZ -> "timestamp(" + fraction(type) + ") with time zone";
            case BIT -> "bit varying(" + type.length().orElse(1) + ")";
            case ENUM, SET -> "text";
            case JSON -> "jsonb";
            case UUID -> "uuid";
            case INTERVAL -> "interval";
            case ARRAY -> columnType(type.elementType().orElseThrow(), false) + "[]";
        };
    }

    private static String decimal(ColumnType type) {
        if (type.precision().isPresent() && type.scale().isPresent()) {
            int precision = type.precision().getAsInt();
            int scale = type.scale().getAsInt();
            if (precision <= 1000 && scale >= 0 && scale <= precision) {
                return "numeric(" + precision + "," + scale + ")";
            }
        }
        return "numeric";
    }

    private static int fraction(ColumnType type) {
        return Math.min(type.precision().orElse(6), 6);
    }

    @Override
    public Optional<ColumnType> parseType(String nativeType) {
        String text = nativeType.trim();
        if (text.endsWith("[]")) {
            return parseType(text.substring(0, text.length() - 2)).map(ColumnType::array);
        }
        TypeText type = TypeText.parse(text);
        boolean withZone = type.suffix().contains("with time zone") || type.base().contains("with time zone");
        String base = type.base().replace(" without time zone", "").replace(" with time zone", "");
        return Optional.ofNullable(switch (base) {
            case "boolean" -> ColumnType.booleanType();
            case "smallint" -> ColumnType.int16();
            case "integer" -> ColumnType.int32();
            case "bigint" -> ColumnType.int64();
            case "real" -> ColumnType.float32();
            case "double precision" -> ColumnType.float64();
            case "numeric" -> type.arguments().isEmpty() ? ColumnType.variableScaleDecimal()
                    : ColumnType.decimal(type.intArgument(0, 1), type.intArgument(1, 0));
            case "character" -> ColumnType.fixedString(type.intArgument(0, 1));
            case "character varying" -> type.arguments().isEmpty() ? ColumnType.string() : ColumnType.string(type.intArgument(0, 1));
            case "text" -> ColumnType.string();
            case "bytea" -> ColumnType.varbinary();
            case "date" -> ColumnType.date();
            case "time" -> withZone ? ColumnType.timeWithTimeZone(type.intArgument(0, 6)) : ColumnType.time(type.intArgument(0, 6));
            case "timestamp" -> withZone ? ColumnType.timestampWithTimeZone(type.intArgument(0, 6))
                    : ColumnType.timestamp(type.intArgument(0, 6));
            case "bit varying", "bit" -> ColumnType.bit(type.intArgument(0, 1));
            case "jsonb", "json" -> ColumnType.json();
            case "uuid" -> ColumnType.uuid();
            default -> base.startsWith("interval") ? ColumnType.interval() : null;
        });
    }

    @Override
    public Optional<TableDefinition> readTable(Connection connection, TableRef table) throws SQLException {
        String sql = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, "
                + "(SELECT array_position(i.indkey::int2[], a.attnum) FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
                + "WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
                + "ORDER BY a.attnum";
        List<TargetColumn> columns = new ArrayList<>();
        List<KeyPart> key = new ArrayList<>();
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
                        key.add(new KeyPart(name, keyPosition));
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TableDefinition(table, columns, KeyPart.ordered(key)));
    }

    // ---- DDL ----

    @Override
    public String createTable(TableRef table, List<ColumnDefinition> columns, List<String> primaryKey) {
        String key = primaryKey.isEmpty() ? "" : ", PRIMARY KEY (" + SqlText.join(primaryKey, this::quote) + ")";
        return "CREATE TABLE IF NOT EXISTS " + qualified(table) + " (" + SqlText.join(columns, this::definition) + key + ")";
    }

    private String definition(ColumnDefinition column) {
        return quote(column.name()) + " " + column.sqlType() + (column.nullable() ? "" : " NOT NULL")
                + (column.defaultValue() == null ? "" : " DEFAULT " + column.defaultValue());
    }

    @Override
    public String addColumn(TableRef table, ColumnDefinition column) {
        return "ALTER TABLE " + qualified(table) + " ADD COLUMN IF NOT EXISTS " + definition(column);
    }

    @Override
    public String renameColumn(TableRef table, String from, String to) {
        return "ALTER TABLE " + qualified(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to);
    }

    @Override
    public String changeColumnType(TableRef table, TargetColumn column, String newType) {
        return "ALTER TABLE " + qualified(table) + " ALTER COLUMN " + quote(column.name()) + " TYPE " + newType;
    }

    /** The cast drops character lengths ({@link #castType}), so a too-long value fails on assignment instead of being cut. */
    @Override
    public String convertColumnType(TableRef table, TargetColumn column, String newType) {
        return changeColumnType(table, column, newType) + " USING CAST(" + quote(column.name()) + " AS " + castType(newType) + ")";
    }

    @Override
    public List<String> renameTable(TableRef from, TableRef to) {
        List<String> statements = new ArrayList<>();
        TableRef renamed = from;
        if (!from.name().equals(to.name())) {
            statements.add("ALTER TABLE " + qualified(from) + " RENAME TO " + quote(to.name()));
            renamed = from.sibling(to.name());
        }
        if (to.schema() != null && !to.schema().equals(from.schema())) {
            statements.add("ALTER TABLE " + qualified(renamed) + " SET SCHEMA " + quote(to.schema()));
        }
        return statements;
    }

    @Override
    public String literal(String text) {
        return SqlText.literal(text);
    }

    @Override
    public String dropNotNull(TableRef table, TargetColumn column) {
        return "ALTER TABLE " + qualified(table) + " ALTER COLUMN " + quote(column.name()) + " DROP NOT NULL";
    }

    @Override
    public String dropColumn(TableRef table, String column) {
        return "ALTER TABLE " + qualified(table) + " DROP COLUMN IF EXISTS " + quote(column);
    }

    @Override
    public String truncate(TableRef table) {
        return "TRUNCATE TABLE " + qualified(table);
    }

    // ---- rows ----

    @Override
    public int maxParameters() {
        return MAX_PARAMETERS;
    }

    private String valuesRow(List<WriteColumn> columns) {
        return "(" + SqlText.join(columns, column -> "CAST(? AS " + castType(column.sqlType()) + ")") + ")";
    }

    /**
     * The type a parameter is cast to: the column's type without the length of character and bit
     * types, since an explicit cast to {@code varchar(5)} truncates silently where assigning a
     * longer value to the column fails, as it must.
     */
    static String castType(String sqlType) {
        String lower = sqlType.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("character") || lower.startsWith("bit")) {
            return sqlType.replaceAll("\\(\\d+\\)", "");
        }
        return sqlType;
    }

    private String columnList(List<WriteColumn> columns) {
        return SqlText.join(columns, column -> quote(column.name()));
    }

    @Override
    public String insert(RowShape shape, int rows) {
        return "INSERT INTO " + qualified(shape.table()) + " (" + columnList(shape.columns()) + ") VALUES "
                + SqlText.repeat(valuesRow(shape.columns()), rows);
    }

    @Override
    public String upsert(RowShape shape, int rows) {
        String position = quote(shape.positionColumn());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(qualified(shape.table())).append(" AS \"__target\" (")
                .append(columnList(shape.columns())).append(") ");
        String values = "VALUES " + SqlText.repeat(valuesRow(shape.columns()), rows);
        List<String> guards = new ArrayList<>();
        if (shape.tombstones() != null) {
            guards.add("NOT EXISTS (SELECT 1 FROM " + qualified(shape.tombstones()) + " \"__d\" WHERE "
                    + SqlText.join(shape.keyColumns(), " AND ", key -> "\"__d\"." + quote(key) + " = \"__v\"." + quote(key))
                    + " AND \"__d\"." + position + " > \"__v\"." + position + ")");
        }
        if (shape.tableStates() != null) {
            guards.add(TableStateGuard.notTruncatedAfter(this, shape, "\"__s\"", "\"__v\"." + position));
        }
        if (guards.isEmpty()) {
            sql.append(values);
        } else {
            sql.append("SELECT ").append(SqlText.join(shape.columns(), column -> "\"__v\"." + quote(column.name())))
                    .append(" FROM (").append(values).append(") AS \"__v\" (").append(columnList(shape.columns())).append(")")
                    .append(" WHERE ").append(String.join(" AND ", guards));
        }
        sql.append(" ON CONFLICT (").append(SqlText.join(shape.keyColumns(), this::quote)).append(") DO UPDATE SET ")
                .append(SqlText.join(shape.updatedColumns(), column -> quote(column.name()) + " = EXCLUDED." + quote(column.name())))
                .append(" WHERE \"__target\".").append(position).append(" IS NULL OR \"__target\".").append(position)
                .append(" <= EXCLUDED.").append(position);
        return sql.toString();
    }

    @Override
    public String update(RowShape shape) {
        String position = quote(shape.positionColumn());
        return "UPDATE " + qualified(shape.table()) + " AS \"__target\" SET "
                + SqlText.join(shape.nonKeyColumns(), column -> quote(column.name()) + " = CAST(? AS " + castType(column.sqlType()) + ")")
                + " WHERE " + SqlText.join(shape.keyWriteColumns(), " AND ",
                        column -> quote(column.name()) + " = CAST(? AS " + castType(column.sqlType()) + ")")
                + " AND (\"__target\"." + position + " IS NULL OR \"__target\"." + position + " <= CAST(? AS bigint))";
    }

    @Override
    public List<Integer> updateParameterOrder(RowShape shape) {
        return MySqlDialect.updateOrder(shape);
    }

    @Override
    public String absentKeys(TableRef table, List<WriteColumn> keyColumns, int rows) {
        String keys = SqlText.join(keyColumns, column -> "CAST(? AS " + castType(column.sqlType()) + ")");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            values.append(i == 0 ? "(" : ", (").append(i).append(", ").append(keys).append(')');
        }
        return "SELECT \"__v\".\"__i\" FROM (VALUES " + values + ") AS \"__v\" (\"__i\", " + columnList(keyColumns)
                + ") WHERE NOT EXISTS (SELECT 1 FROM " + qualified(table) + " \"__t\" WHERE " + SqlText.join(keyColumns, " AND ",
                        column -> "\"__t\"." + quote(column.name()) + " = \"__v\"." + quote(column.name())) + ") ORDER BY 1";
    }

    @Override
    public String delete(RowShape shape, int rows) {
        String position = quote(shape.positionColumn());
        return "DELETE FROM " + qualified(shape.table()) + " AS \"__target\" USING (VALUES "
                + SqlText.repeat(valuesRow(shape.columns()), rows) + ") AS \"__v\" (" + columnList(shape.columns()) + ") WHERE "
                + SqlText.join(shape.keyColumns(), " AND ", key -> "\"__target\"." + quote(key) + " = \"__v\"." + quote(key))
                + " AND (\"__target\"." + position + " IS NULL OR \"__target\"." + position + " <= \"__v\"." + position + ")";
    }

    @Override
    public String recordTombstones(RowShape shape, int rows) {
        String position = quote(shape.positionColumn());
        return "INSERT INTO " + qualified(shape.table()) + " AS \"__d\" (" + columnList(shape.columns()) + ") VALUES "
                + SqlText.repeat(valuesRow(shape.columns()), rows) + " ON CONFLICT ("
                + SqlText.join(shape.keyColumns(), this::quote) + ") DO UPDATE SET " + position + " = GREATEST(\"__d\"." + position
                + ", EXCLUDED." + position + ")";
    }

    @Override
    public void bind(PreparedStatement statement, int index, WriteColumn column, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof java.util.BitSet bits) {
            statement.setString(index, BitStrings.of(bits, column.valueType().length().orElse(bits.length())));
        } else if (value instanceof List<?> list) {
            statement.setString(index, PostgresArrays.literal(list));
        } else if (value instanceof BigDecimal || value instanceof String || value instanceof byte[] || value instanceof Number
                || value instanceof Boolean || value instanceof java.time.temporal.Temporal) {
            statement.setObject(index, value);
        } else {
            statement.setString(index, value.toString());
        }
    }

    /** A primary key column and its 1-based position in the key. */
    record KeyPart(String name, int position) {
        static List<String> ordered(List<KeyPart> parts) {
            return parts.stream().sorted(java.util.Comparator.comparingInt(KeyPart::position)).map(KeyPart::name).toList();
        }
    }
}
