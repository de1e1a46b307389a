package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.schema.ColumnType;
import dev.cdc.sink.jdbc.config.DeleteMode;
import dev.cdc.sink.jdbc.config.DropTablePolicy;
import dev.cdc.sink.jdbc.config.InsertMode;
import dev.cdc.sink.jdbc.config.JdbcSinkConfig;
import dev.cdc.sink.jdbc.config.PrimaryKeyMode;
import dev.cdc.sink.jdbc.config.SchemaEvolutionMode;
import dev.cdc.sink.jdbc.dialect.Dialect;
import dev.cdc.sink.jdbc.dialect.WriteColumn;
import dev.cdc.sink.jdbc.record.FieldColumn;
import dev.cdc.sink.jdbc.record.RecordShape;
import dev.cdc.sink.jdbc.write.SqlErrorKind;
import dev.cdc.sink.jdbc.write.SqlErrors;

/**
 * Makes target tables fit the records and tells the writer how to write them. For each table and
 * record shape it reads the table (cached until the sink changes it), creates it or plans and runs
 * the DDL ({@link EvolutionPlanner}) plus the sink's own columns (position, soft-delete flag) and
 * the tombstone table, and returns a cached {@link TableBinding}.
 *
 * <p>DDL runs outside the data transactions: before any DDL the caller's {@code beforeDdl} writes
 * the changes it holds (they were bound to the table as it was), then each statement runs and is
 * committed on its own. When a statement fails (another task may have run the same one), the table
 * is read again and planned again once. Used by the task thread only.
 */
public final class TableManager {
    private static final Logger LOG = LoggerFactory.getLogger(TableManager.class);

    private final Dialect dialect;
    private final JdbcSinkConfig config;
    private final EvolutionPlanner planner;
    private final Set<String> internalColumns;
    private final Map<TableRef, TableDefinition> definitions = new HashMap<>();
    private final Map<BindingKey, TableBinding> bindings = new HashMap<>();
    private final TableStates states;
    private final ConvertedColumns converted = new ConvertedColumns();
    private final RenamedColumns renamed = new RenamedColumns();
    private String defaultSchema;
    private boolean defaultSchemaKnown;
    private int ddlSteps;

    public TableManager(Dialect dialect, JdbcSinkConfig config) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.config = requireNonNull(config, "config is null");
        this.planner = new EvolutionPlanner(dialect, config.evolution());
        this.internalColumns = internalColumns(config);
        this.states = new TableStates(dialect);
    }

    /** The table-state tables ({@code __cdc_tables}). */
    public TableStates states() {
        return states;
    }

    /**
     * Whether upserts respect the truncate positions of {@code __cdc_tables}: upserts with a key, when
     * truncates are applied or dropped tables are dropped.
     */
    public boolean keepsTableStates() {
        return config.write().insertMode() == InsertMode.UPSERT && config.key().mode() != PrimaryKeyMode.NONE
                && (config.delete().truncateEnabled() || config.evolution().dropTablePolicy() == DropTablePolicy.DROP);
    }

    /** The columns the sink adds itself, which records do not provide. */
    public static Set<String> internalColumns(JdbcSinkConfig config) {
        Set<String> names = new HashSet<>();
        names.add(config.write().positionColumn());
        if (config.delete().mode() == DeleteMode.SOFT) {
            names.add(config.delete().softDeleteColumn());
        }
        return Set.copyOf(names);
    }

    /** The table with the connection's current schema when it names none. */
    public TableRef resolve(Connection connection, TableRef table) throws SQLException {
        if (table.schema() != null) {
            return table;
        }
        if (!defaultSchemaKnown) {
            defaultSchema = dialect.currentSchema(connection);
            connection.commit();
            defaultSchemaKnown = true;
        }
        if (defaultSchema == null) {
            throw new SchemaMismatchException("Table " + table + " names no database, and the connection has none selected; put the "
                    + "database in connection.url (jdbc:mariadb://host:3306/database) or in table.name.format (database.${source.table})");
        }
        return table.inSchema(defaultSchema);
    }

    /** Forgets what it read, e.g. after a failure that may come from a table changed behind the sink's back. */
    public void forget() {
        definitions.clear();
        bindings.clear();
        states.forget();
    }

    /** Forgets what it read of one table (renamed, dropped or altered by a schema-change event). */
    public void forget(TableRef table) {
        definitions.remove(table);
        definitions.remove(TombstoneTables.of(table, dialect.maxIdentifierLength()));
        bindings.keySet().removeIf(key -> key.table().equals(table));
        converted.forget(table);
    }

    /** Forgets a table that no longer exists under its name (renamed, dropped), renames included. */
    public void forgetTable(TableRef table) {
        forget(table);
        renamed.forget(table);
    }

    /** The column renames applied from schema-change events, which records of the older schema follow. */
    public RenamedColumns renamedColumns() {
        return renamed;
    }

    /** The table as it exists, or empty (cached). */
    public Optional<TableDefinition> read(Connection connection, TableRef table) throws SQLException {
        return definition(connection, resolve(connection, table));
    }

    /**
     * The binding of a record shape, after making the table fit it.
     *
     * @param beforeDdl runs before the first DDL statement, to write what was bound to the table as it was
     * @throws SchemaMismatchException when the table cannot be made to fit
     */
    public TableBinding binding(Connection connection, RecordShape shape, Runnable beforeDdl) throws SQLException {
        requireNonNull(shape, "shape is null");
        TableRef table = resolve(connection, shape.table());
        BindingKey key = new BindingKey(table, shape);
        TableBinding binding = bindings.get(key);
        if (binding != null) {
            return binding;
        }
        TableDefinition definition = fit(connection, table, shape, beforeDdl);
        TableRef tombstones = needsTombstones(shape) ? fitTombstones(connection, definition, shape, beforeDdl) : null;
        TableRef tableStates = keepsTableStates() ? states.ensure(connection, table, beforeDdl) : null;
        binding = bind(definition, shape, tombstones, tombstones == null ? null : definition(connection, tombstones).orElseThrow(),
                tableStates);
        bindings.put(key, binding);
        return binding;
    }

    private TableDefinition fit(Connection connection, TableRef table, RecordShape shape, Runnable beforeDdl) throws SQLException {
        List<DesiredColumn> desired = desiredColumns(table, shape);
        Optional<TableDefinition> existing = definition(connection, table);
        if (existing.isEmpty()) {
            String create = createTable(table, desired);
            if (!config.evolution().mode().createsTables()) {
                throw new SchemaMismatchException("Table " + table + " does not exist and schema.evolution=none. Create it: " + create
                        + "; or set schema.evolution=basic");
            }
            beforeDdl.run();
            runDdl(connection, table, List.of(create));
            return reread(connection, table);
        }
        EvolutionPlan plan = plan(existing.get(), desired, shape);
        if (plan.isEmpty()) {
            return existing.get();
        }
        beforeDdl.run();
        try {
            runDdl(connection, table, plan.statements());
        } catch (SQLException e) {
            if (!plan.conversions().isEmpty() && SqlErrors.classify(e) == SqlErrorKind.BAD_ROW) {
                throw conversionFailed(table, plan, e);
            }
            LOG.warn("DDL on {} failed ({}); reading the table again in case another task changed it", table, e.getMessage());
            EvolutionPlan again = plan(reread(connection, table), desired, shape);
            if (!again.isEmpty()) {
                throw e;
            }
        }
        plan.conversions().forEach(conversion -> converted.converted(table, conversion.column().name(), conversion.column().type()));
        return reread(connection, table);
    }

    private SchemaMismatchException conversionFailed(TableRef table, EvolutionPlan plan, SQLException e) {
        EvolutionPlan.Conversion conversion = plan.conversions().get(0);
        return new SchemaMismatchException("Converting column '" + conversion.column().name() + "' of table " + table + " from "
                + conversion.column().nativeType() + " failed: a stored value cannot be converted (" + SqlErrors.describe(e)
                + "); the column is unchanged. The sink ran: " + plan.conversions().stream().map(EvolutionPlan.Conversion::statement)
                .toList() + ". Fix or delete the values that do not convert and restart the task, or route the records to a new "
                + "table with table.name.format", e);
    }

    private EvolutionPlan plan(TableDefinition definition, List<DesiredColumn> desired, RecordShape shape) {
        EvolutionPlan plan = planner.plan(definition, desired, internalColumns, converted);
        plan.notes().forEach(note -> LOG.warn("Table {}: {}", definition.table(), note));
        List<String> statements = new ArrayList<>(plan.statements());
        statements.addAll(internalColumnStatements(definition));
        checkPrimaryKey(definition, shape);
        return new EvolutionPlan(statements, plan.notes(), plan.conversions());
    }

    private List<String> internalColumnStatements(TableDefinition definition) {
        List<String> statements = new ArrayList<>();
        List<ColumnDefinition> missing = new ArrayList<>();
        if (!definition.hasColumn(config.write().positionColumn())) {
            missing.add(ColumnDefinition.of(config.write().positionColumn(), positionType(), true));
        }
        if (config.delete().mode() == DeleteMode.SOFT && !definition.hasColumn(config.delete().softDeleteColumn())) {
            missing.add(softDeleteColumn());
        }
        for (ColumnDefinition column : missing) {
            String add = dialect.addColumn(definition.table(), column);
            if (config.evolution().mode() == SchemaEvolutionMode.NONE) {
                throw new SchemaMismatchException("Table " + definition.table() + " has no column '" + column.name() + "', which the "
                        + "sink keeps itself, and schema.evolution=none. Add it: " + add);
            }
            statements.add(add);
        }
        return statements;
    }

    private void checkPrimaryKey(TableDefinition definition, RecordShape shape) {
        if (config.write().insertMode() != InsertMode.UPSERT || shape.keyColumns().isEmpty()) {
            return;
        }
        if (!Set.copyOf(definition.primaryKey()).equals(Set.copyOf(shape.keyColumnNames()))) {
            throw new SchemaMismatchException("Table " + definition.table() + " has primary key " + definition.primaryKey()
                    + " but the records' key is " + shape.keyColumnNames() + "; an upsert needs them to be the same. Change the "
                    + "table's primary key, set primary.key.fields, or route the records to a new table with table.name.format");
        }
    }

    private List<DesiredColumn> desiredColumns(TableRef table, RecordShape shape) {
        boolean soft = config.delete().mode() == DeleteMode.SOFT;
        List<DesiredColumn> desired = new ArrayList<>();
        shape.keyColumns().forEach(column -> desired.add(new DesiredColumn(column.name(), column.type(), false, true)));
        shape.valueColumns().forEach(column -> desired.add(new DesiredColumn(targetName(table, shape, column), column.type(),
                soft || column.optional(), false)));
        return desired;
    }

    private String targetName(TableRef table, RecordShape shape, FieldColumn column) {
        Set<String> fields = new HashSet<>(shape.keyColumnNames());
        shape.valueColumns().forEach(value -> fields.add(value.name()));
        return renamed.targetName(table, column.name(), fields);
    }

    private String createTable(TableRef table, List<DesiredColumn> desired) {
        List<ColumnDefinition> columns = new ArrayList<>();
        for (DesiredColumn column : desired) {
            columns.add(ColumnDefinition.of(column.name(), dialect.columnType(column.valueType(), column.key()), column.nullable()));
        }
        boolean hasKey = config.key().mode() != PrimaryKeyMode.NONE;
        columns.add(ColumnDefinition.of(config.write().positionColumn(), positionType(), !hasKey));
        if (config.delete().mode() == DeleteMode.SOFT) {
            columns.add(softDeleteColumn());
        }
        List<String> key = desired.stream().filter(DesiredColumn::key).map(DesiredColumn::name).toList();
        return dialect.createTable(table, columns, key);
    }

    private String positionType() {
        return dialect.columnType(ColumnType.int64(), false);
    }

    private ColumnDefinition softDeleteColumn() {
        return new ColumnDefinition(config.delete().softDeleteColumn(), dialect.columnType(ColumnType.booleanType(), false), false, "FALSE");
    }

    private boolean needsTombstones(RecordShape shape) {
        return config.delete().deleteEnabled() && config.delete().mode() == DeleteMode.HARD && !shape.keyColumns().isEmpty();
    }

    /** Creates the tombstone table, or makes its key columns follow the table's (renamed, widened). */
    private TableRef fitTombstones(Connection connection, TableDefinition table, RecordShape shape, Runnable beforeDdl) throws SQLException {
        TableRef tombstones = TombstoneTables.of(table.table(), dialect.maxIdentifierLength());
        List<ColumnDefinition> keyColumns = new ArrayList<>();
        for (String name : shape.keyColumnNames()) {
            keyColumns.add(ColumnDefinition.of(name, table.column(name).orElseThrow().nativeType(), false));
        }
        Optional<TableDefinition> existing = definition(connection, tombstones);
        List<String> statements = new ArrayList<>();
        if (existing.isEmpty()) {
            List<ColumnDefinition> columns = new ArrayList<>(keyColumns);
            columns.add(ColumnDefinition.of(config.write().positionColumn(), positionType(), false));
            statements.add(dialect.createTable(tombstones, columns, shape.keyColumnNames()));
        } else {
            statements.addAll(followKeyColumns(existing.get(), keyColumns));
        }
        if (!statements.isEmpty()) {
            beforeDdl.run();
            runDdl(connection, tombstones, statements);
            reread(connection, tombstones);
        }
        return tombstones;
    }

    private List<String> followKeyColumns(TableDefinition tombstones, List<ColumnDefinition> keyColumns) {
        List<String> statements = new ArrayList<>();
        List<String> keyNames = keyColumns.stream().map(ColumnDefinition::name).toList();
        List<TargetColumn> extra = tombstones.columns().stream()
                .filter(column -> !keyNames.contains(column.name()) && !column.name().equals(config.write().positionColumn()))
                .toList();
        for (ColumnDefinition key : keyColumns) {
            Optional<TargetColumn> current = tombstones.column(key.name());
            if (current.isEmpty()) {
                if (extra.size() != 1) {
                    throw new SchemaMismatchException("Tombstone table " + tombstones.table() + " has no key column '" + key.name()
                            + "'; drop it (it is recreated) or rename its key column to match the table's key " + keyNames);
                }
                statements.add(dialect.renameColumn(tombstones.table(), extra.get(0).name(), key.name()));
                current = Optional.of(new TargetColumn(key.name(), extra.get(0).nativeType(), extra.get(0).type(), false));
            }
            if (!current.get().nativeType().equalsIgnoreCase(key.sqlType())) {
                statements.add(dialect.changeColumnType(tombstones.table(), current.get(), key.sqlType()));
            }
        }
        return statements;
    }

    private TableBinding bind(TableDefinition table, RecordShape shape, TableRef tombstones, TableDefinition tombstoneTable,
                              TableRef tableStates) {
        List<WriteColumn> keys = shape.keyColumns().stream().map(column -> writeColumn(table, column)).toList();
        List<WriteColumn> values = shape.valueColumns().stream()
                .map(column -> writeColumn(table, column, targetName(table.table(), shape, column))).toList();
        WriteColumn position = new WriteColumn(config.write().positionColumn(), ColumnType.int64(),
                table.column(config.write().positionColumn()).orElseThrow().nativeType());
        WriteColumn softDelete = config.delete().mode() != DeleteMode.SOFT ? null : new WriteColumn(config.delete().softDeleteColumn(),
                ColumnType.booleanType(), table.column(config.delete().softDeleteColumn()).orElseThrow().nativeType());
        List<WriteColumn> tombstoneKeys = tombstoneTable == null ? List.of() : shape.keyColumns().stream()
                .map(column -> writeColumn(tombstoneTable, column)).toList();
        return new TableBinding(table.table(), shape, keys, values, position, softDelete, tombstones, tombstoneKeys, tableStates);
    }

    private static WriteColumn writeColumn(TableDefinition table, FieldColumn column) {
        return writeColumn(table, column, column.name());
    }

    private static WriteColumn writeColumn(TableDefinition table, FieldColumn column, String name) {
        TargetColumn target = table.column(name).orElseThrow(() -> new SchemaMismatchException("Table " + table.table()
                + " has no column '" + name + "' after schema evolution; its columns are "
                + table.columns().stream().map(TargetColumn::name).toList()));
        return new WriteColumn(name, column.type(), target.nativeType());
    }

    private Optional<TableDefinition> definition(Connection connection, TableRef table) throws SQLException {
        TableDefinition cached = definitions.get(table);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TableDefinition> read = dialect.readTable(connection, table);
        connection.commit();
        read.ifPresent(definition -> definitions.put(table, definition));
        return read;
    }

    private TableDefinition reread(Connection connection, TableRef table) throws SQLException {
        definitions.remove(table);
        bindings.keySet().removeIf(key -> key.table().equals(table));
        return definition(connection, table).orElseThrow(() -> new SchemaMismatchException("Table " + table
                + " does not exist right after the sink created or altered it; does the user see it (search_path, privileges)?"));
    }

    /** Runs DDL statements, each committed on its own, and forgets the bindings. */
    void runDdl(Connection connection, TableRef table, List<String> statements) throws SQLException {
        bindings.clear();
        for (String sql : statements) {
            ddlSteps++;
            LOG.info("Schema evolution step {} on {}: {}", ddlSteps, table, sql);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                definitions.remove(table);
                throw new SQLException("DDL failed on " + table + ": " + sql + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
            }
        }
    }

    /** A table and a record shape, the shape compared by identity. */
    private record BindingKey(TableRef table, RecordShape shape) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BindingKey other && table.equals(other.table) && shape == other.shape;
        }

        @Override
        public int hashCode() {
            return table.hashCode() * 31 + System.identityHashCode(shape);
        }
    }
}
