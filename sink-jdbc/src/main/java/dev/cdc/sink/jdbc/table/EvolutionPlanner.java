package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.ColumnRename;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.diff.SchemaDiff;
import dev.cdc.sink.jdbc.config.DropColumnPolicy;
import dev.cdc.sink.jdbc.config.SchemaEvolutionConfig;
import dev.cdc.sink.jdbc.config.SchemaEvolutionMode;
import dev.cdc.sink.jdbc.dialect.Dialect;

/**
 * Compares a target table with the columns the records need ({@link SchemaDiff#compareColumns},
 * the record side in the types the dialect stores) and plans the DDL the configured
 * {@code schema.evolution} allows:
 * <ul>
 *   <li>a missing column is added, nullable (rows written before have no value); a missing key
 *   column stops the task;</li>
 *   <li>a column the records leave out becomes nullable, or is dropped with
 *   {@code schema.evolution.drop.columns=drop} (full only);</li>
 *   <li>a rename hint whose old column exists and whose new one does not renames the column (full);</li>
 *   <li>a type the target cannot hold is widened in place when that keeps every value (full; basic
 *   only notes it); other type changes are converted in place when the cast keeps every value or
 *   fails ({@link TypeConversions}, full only), otherwise the task stops with the statement to run;
 *   records of a type the sink converted a column away from ({@link ConvertedColumns}) are written
 *   into it as they are;</li>
 *   <li>NOT NULL is dropped when records may hold NULL; it is never added (rows written before may
 *   hold NULL).</li>
 * </ul>
 * Columns in {@code internalColumns} (position, soft-delete flag) are the caller's business. Stateless.
 */
public final class EvolutionPlanner {
    private final Dialect dialect;
    private final SchemaEvolutionConfig config;

    public EvolutionPlanner(Dialect dialect, SchemaEvolutionConfig config) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.config = requireNonNull(config, "config is null");
    }

    /**
     * @throws SchemaMismatchException when the table cannot be made to fit, naming the column, both types and the fix
     */
    public EvolutionPlan plan(TableDefinition target, List<DesiredColumn> desired, Set<String> internalColumns) {
        return plan(target, desired, internalColumns, new ConvertedColumns());
    }

    /**
     * @param converted the columns the task converted before
     * @throws SchemaMismatchException when the table cannot be made to fit, naming the column, both types and the fix
     */
    public EvolutionPlan plan(TableDefinition target, List<DesiredColumn> desired, Set<String> internalColumns,
                              ConvertedColumns converted) {
        requireNonNull(target, "target is null");
        TableRef table = target.table();
        Map<String, DesiredColumn> desiredByName = new HashMap<>();
        desired.forEach(column -> desiredByName.put(column.name(), column));
        List<ColumnRename> renames = applicableRenames(target, desiredByName);

        List<Column> targetColumns = new ArrayList<>();
        for (TargetColumn column : target.columns()) {
            if (!internalColumns.contains(column.name())) {
                ColumnType type = column.type() != null ? column.type() : unknownType(column.name(), desiredByName, renames);
                targetColumns.add(Column.builder(column.name(), type).nullable(column.nullable()).build());
            }
        }
        List<Column> recordColumns = desired.stream()
                .map(column -> Column.builder(column.name(), dialect.storedType(column.valueType(), column.key()))
                        .nullable(column.nullable()).build())
                .toList();
        TableId id = TableId.of(null, table.schema(), table.name());
        List<SchemaChange> changes = SchemaDiff.compareColumns(id, targetColumns, recordColumns, renames);

        Map<String, TargetColumn> targetByNewName = new HashMap<>();
        target.columns().forEach(column -> targetByNewName.put(column.name(), column));
        renames.forEach(rename -> {
            TargetColumn old = target.column(rename.from()).orElseThrow();
            targetByNewName.put(rename.to(), new TargetColumn(rename.to(), old.nativeType(), old.type(), old.nullable()));
        });

        List<String> statements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<EvolutionPlan.Conversion> conversions = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.RenameColumn rename) {
                statements.add(dialect.renameColumn(table, rename.from(), rename.to()));
            } else if (change instanceof SchemaChange.AddColumn add) {
                statements.add(addColumn(table, desiredByName.get(add.column().name())));
            } else if (change instanceof SchemaChange.DropColumn drop) {
                dropColumn(target.column(drop.column()).orElseThrow(), table, statements, notes);
            } else if (change instanceof SchemaChange.ChangeColumnType retype) {
                TargetColumn column = targetByNewName.get(retype.column());
                if (converted.wasConvertedFrom(table, column.name(), retype.to())) {
                    notes.add("records still carry " + retype.to() + " for column '" + column.name() + "', which the sink converted to "
                            + column.nativeType() + "; writing them into it as they are");
                } else {
                    changeType(table, column, desiredByName.get(retype.column()), retype, statements, notes, conversions);
                }
            } else if (change instanceof SchemaChange.ChangeNullability nullability) {
                relax(table, targetByNewName.get(nullability.column()), desiredByName.get(nullability.column()), statements, notes);
            }
            // defaults and the rest: the sink writes every value explicitly
        }
        return new EvolutionPlan(statements, notes, conversions);
    }

    /** The hints that apply: the target has the old column and not the new one, the records the new one and not the old. */
    private List<ColumnRename> applicableRenames(TableDefinition target, Map<String, DesiredColumn> desired) {
        if (config.mode() != SchemaEvolutionMode.FULL) {
            return List.of();
        }
        return config.renames().forTable(target.table().name()).stream()
                .filter(rename -> target.hasColumn(rename.from()) && !target.hasColumn(rename.to())
                        && desired.containsKey(rename.to()) && !desired.containsKey(rename.from()))
                .toList();
    }

    private static ColumnType unknownType(String name, Map<String, DesiredColumn> desired, List<ColumnRename> renames) {
        String newName = renames.stream().filter(rename -> rename.from().equals(name)).map(ColumnRename::to).findFirst().orElse(name);
        DesiredColumn column = desired.get(newName);
        return column == null ? ColumnType.string() : column.valueType();
    }

    private String addColumn(TableRef table, DesiredColumn column) {
        String type = dialect.columnType(column.valueType(), column.key());
        if (config.mode() == SchemaEvolutionMode.NONE) {
            throw new SchemaMismatchException("Table " + table + " has no column '" + column.name() + "', which the records carry, "
                    + "and schema.evolution=none. Add it: " + dialect.addColumn(table, ColumnDefinition.of(column.name(), type, true))
                    + "; or set schema.evolution=basic");
        }
        if (column.key()) {
            throw new SchemaMismatchException("Table " + table + " has no column '" + column.name() + "', which is part of the "
                    + "records' primary key; the sink does not change primary keys. Recreate the table with the key columns, "
                    + "or route the records to a new table with table.name.format");
        }
        return dialect.addColumn(table, ColumnDefinition.of(column.name(), type, true));
    }

    private void dropColumn(TargetColumn column, TableRef table, List<String> statements, List<String> notes) {
        if (config.mode() == SchemaEvolutionMode.FULL && config.dropPolicy() == DropColumnPolicy.DROP) {
            statements.add(dialect.dropColumn(table, column.name()));
        } else if (!column.nullable()) {
            if (config.mode() == SchemaEvolutionMode.NONE) {
                notes.add("column '" + column.name() + "' of " + table + " is NOT NULL but the records do not carry it; inserts will "
                        + "fail unless it has a default (schema.evolution=none)");
            } else {
                statements.add(dialect.dropNotNull(table, column));
            }
        }
    }

    private void changeType(TableRef table, TargetColumn column, DesiredColumn desired, SchemaChange.ChangeColumnType change,
                            List<String> statements, List<String> notes, List<EvolutionPlan.Conversion> conversions) {
        TypeCompatibility.Decision decision = TypeCompatibility.decide(change.from(), change.to());
        String newType = dialect.columnType(desired.valueType(), desired.key());
        if (decision == TypeCompatibility.Decision.FITS) {
            return;
        }
        if (decision == TypeCompatibility.Decision.WIDEN && config.mode().altersTypes()) {
            statements.add(dialect.changeColumnType(table, column, newType));
            return;
        }
        if (decision == TypeCompatibility.Decision.WIDEN) {
            notes.add("column '" + column.name() + "' of " + table + " is " + column.nativeType() + " and the records carry "
                    + change.to() + "; values that do not fit will fail (schema.evolution=full widens it to " + newType + ")");
            return;
        }
        if (config.mode() == SchemaEvolutionMode.FULL && TypeConversions.castable(change.from(), change.to())) {
            String convert = dialect.convertColumnType(table, column, newType);
            statements.add(convert);
            conversions.add(new EvolutionPlan.Conversion(column, convert));
            return;
        }
        String reason = config.mode() == SchemaEvolutionMode.FULL
                ? "a cast could round or cut values silently, so the sink stops rather than lose data"
                : "not a widening, and the sink converts types only with schema.evolution=full";
        throw new SchemaMismatchException("Column '" + column.name() + "' of table " + table + " is " + column.nativeType()
                + " in the target, but the records now carry " + change.to() + " (" + newType + "): " + reason + ". Fix: "
                + manualFix(table, column, newType) + "; then restart the task. Or route the records to a new table with "
                + "table.name.format");
    }

    /** The statements a person runs to convert a column: in place, or add a column, backfill it and swap the names. */
    String manualFix(TableRef table, TargetColumn column, String newType) {
        String name = column.name();
        String temporary = name + "__new";
        return "convert the column yourself, e.g. " + dialect.convertColumnType(table, column, newType)
                + "; or add a new column, backfill it and swap the names: " + dialect.addColumn(table, ColumnDefinition.of(temporary,
                newType, true)) + "; UPDATE " + dialect.qualified(table) + " SET " + dialect.quote(temporary) + " = CAST("
                + dialect.quote(name) + " AS " + castTarget(newType) + "); " + dialect.dropColumn(table, name) + "; "
                + dialect.renameColumn(table, temporary, name);
    }

    /** MySQL's CAST knows few type names (CHAR, SIGNED, DECIMAL, DATETIME...); PostgreSQL casts to the column type. */
    private String castTarget(String newType) {
        if (!dialect.kind().isMySqlFamily()) {
            return newType;
        }
        String lower = newType.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("int")) {
            return "SIGNED";
        }
        if (lower.contains("char") || lower.contains("text")) {
            return "CHAR";
        }
        return newType;
    }

    private void relax(TableRef table, TargetColumn column, DesiredColumn desired, List<String> statements, List<String> notes) {
        if (column.nullable() || !desired.nullable() || desired.key()) {
            return;
        }
        if (config.mode() == SchemaEvolutionMode.NONE) {
            notes.add("column '" + column.name() + "' of " + table + " is NOT NULL but the records may hold NULL there "
                    + "(schema.evolution=none)");
            return;
        }
        statements.add(dialect.dropNotNull(table, column));
    }
}
