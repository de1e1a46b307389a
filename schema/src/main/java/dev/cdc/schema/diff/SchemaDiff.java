package dev.cdc.schema.diff;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.cdc.schema.Column;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.SchemaChange.AddColumn;
import dev.cdc.schema.diff.SchemaChange.ChangeColumnDefault;
import dev.cdc.schema.diff.SchemaChange.ChangeColumnType;
import dev.cdc.schema.diff.SchemaChange.ChangeNullability;
import dev.cdc.schema.diff.SchemaChange.ChangePrimaryKey;
import dev.cdc.schema.diff.SchemaChange.CreateTable;
import dev.cdc.schema.diff.SchemaChange.DropColumn;
import dev.cdc.schema.diff.SchemaChange.DropTable;
import dev.cdc.schema.diff.SchemaChange.RenameColumn;
import dev.cdc.schema.diff.SchemaChange.RenameTable;

/**
 * Compares two versions of a table's schema and lists the structured changes that turn the
 * older into the newer.
 *
 * <h2>Renames</h2>
 * A diff alone cannot tell a renamed column from a dropped one plus an added one. Without a hint
 * the diff reports {@link DropColumn} and {@link AddColumn}. A source that knows better (it parsed
 * {@code RENAME COLUMN} from the DDL, or a sink read a {@link RenameColumn} from a schema-change
 * event) passes {@link ColumnRename} hints: each names a column of the older schema and the
 * column of the newer schema it became. Hints may swap names ({@code a -> b, b -> a}) and a
 * renamed-away name may be re-added. A hint whose columns do not exist is a caller bug and throws.
 * A different table id means {@link RenameTable}; no hint is needed for that.
 *
 * <h2>What counts</h2>
 * Columns are matched by name (exactly). Column order and positions are not compared: a reorder
 * is not a change. Types are compared with {@link dev.cdc.schema.ColumnType#sameLogicalType}, so
 * native type names do not count. Versions and valid-from positions are not compared.
 *
 * <h2>Order of the result</h2>
 * {@link RenameTable}; {@link RenameColumn}s in hint order; {@link DropColumn}s in the older
 * schema's column order; {@link AddColumn}s in the newer schema's order; then per remaining column,
 * in the newer order, {@link ChangeColumnType}, {@link ChangeNullability},
 * {@link ChangeColumnDefault}; last {@link ChangePrimaryKey}. Column names after the renames are
 * the new names. Column-level changes name the newer table id. Stateless and thread-safe.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /** The changes from {@code before} to {@code after}, without rename hints. */
    public static List<SchemaChange> compare(TableSchema before, TableSchema after) {
        return compare(before, after, List.of());
    }

    /**
     * The changes from {@code before} to {@code after}.
     *
     * @param before the older schema, or null when the table did not exist ({@link CreateTable})
     * @param after  the newer schema, or null when the table was dropped ({@link DropTable})
     * @throws IllegalArgumentException when both are null or a hint does not match the schemas
     */
    public static List<SchemaChange> compare(TableSchema before, TableSchema after, List<ColumnRename> renames) {
        requireNonNull(renames, "renames is null");
        if (before == null && after == null) {
            throw new IllegalArgumentException("cannot compare two absent tables");
        }
        if (before == null) {
            return List.of(new CreateTable(after));
        }
        if (after == null) {
            return List.of(new DropTable(before.id()));
        }
        List<SchemaChange> changes = new ArrayList<>();
        if (!before.id().equals(after.id())) {
            changes.add(new RenameTable(before.id(), after.id()));
        }
        changes.addAll(compareColumns(after.id(), before.columns(), after.columns(), renames));
        List<String> renamedKey = before.primaryKey().stream().map(name -> renamedName(name, renames)).toList();
        if (!renamedKey.equals(after.primaryKey())) {
            changes.add(new ChangePrimaryKey(after.id(), renamedKey, after.primaryKey()));
        }
        return List.copyOf(changes);
    }

    /**
     * The column changes between two column lists of one table, e.g. the columns a sink derived
     * from two Connect schemas ({@code ConnectSchemaReader.columns}), or the target's columns and
     * the record's. Positions need not be consistent; names must be unique in each list.
     */
    public static List<SchemaChange> compareColumns(TableId table, List<Column> before, List<Column> after,
                                                    List<ColumnRename> renames) {
        requireNonNull(table, "table is null");
        Map<String, Column> older = byName(before, "older", table);
        Map<String, Column> newer = byName(after, "newer", table);
        Map<String, String> olderNameOf = matchColumns(table, older, newer, renames);

        List<SchemaChange> changes = new ArrayList<>();
        for (ColumnRename rename : renames) {
            changes.add(new RenameColumn(table, rename.from(), rename.to()));
        }
        Set<String> matchedOlder = new HashSet<>(olderNameOf.values());
        for (String name : older.keySet()) {
            if (!matchedOlder.contains(name)) {
                changes.add(new DropColumn(table, name));
            }
        }
        for (Column column : newer.values()) {
            if (!olderNameOf.containsKey(column.name())) {
                changes.add(new AddColumn(table, column));
            }
        }
        for (Column column : newer.values()) {
            String olderName = olderNameOf.get(column.name());
            if (olderName != null) {
                addColumnChanges(changes, table, older.get(olderName), column);
            }
        }
        return List.copyOf(changes);
    }

    /** Maps each newer column name to the older column it continues; unmatched newer columns are absent. */
    private static Map<String, String> matchColumns(TableId table, Map<String, Column> older, Map<String, Column> newer,
                                                    List<ColumnRename> renames) {
        Map<String, String> olderNameOf = new HashMap<>();
        Set<String> renamedFrom = new HashSet<>();
        for (ColumnRename rename : renames) {
            checkHint(table, rename, older, newer, renamedFrom, olderNameOf);
            renamedFrom.add(rename.from());
            olderNameOf.put(rename.to(), rename.from());
        }
        for (String name : newer.keySet()) {
            if (!olderNameOf.containsKey(name) && older.containsKey(name) && !renamedFrom.contains(name)) {
                olderNameOf.put(name, name);
            }
        }
        return olderNameOf;
    }

    private static void checkHint(TableId table, ColumnRename rename, Map<String, Column> older, Map<String, Column> newer,
                                  Set<String> renamedFrom, Map<String, String> olderNameOf) {
        String hint = "rename hint '" + rename.from() + "' -> '" + rename.to() + "' for table " + table;
        if (rename.from().equals(rename.to())) {
            throw new IllegalArgumentException(hint + " renames a column to itself");
        }
        if (!older.containsKey(rename.from())) {
            throw new IllegalArgumentException(hint + " does not match: the older schema has no column '" + rename.from()
                    + "'; its columns are " + older.keySet());
        }
        if (!newer.containsKey(rename.to())) {
            throw new IllegalArgumentException(hint + " does not match: the newer schema has no column '" + rename.to()
                    + "'; its columns are " + newer.keySet());
        }
        if (renamedFrom.contains(rename.from()) || olderNameOf.containsKey(rename.to())) {
            throw new IllegalArgumentException(hint + " conflicts with an earlier hint for the same column");
        }
    }

    private static void addColumnChanges(List<SchemaChange> changes, TableId table, Column older, Column newer) {
        if (!older.type().sameLogicalType(newer.type())) {
            changes.add(ChangeColumnType.of(table, newer.name(), older.type(), newer.type()));
        }
        if (older.isNullable() != newer.isNullable()) {
            changes.add(new ChangeNullability(table, newer.name(), older.isNullable(), newer.isNullable()));
        }
        String olderDefault = older.defaultValueExpression().orElse(null);
        String newerDefault = newer.defaultValueExpression().orElse(null);
        if (!Objects.equals(olderDefault, newerDefault)) {
            changes.add(new ChangeColumnDefault(table, newer.name(), olderDefault, newerDefault));
        }
    }

    private static String renamedName(String name, List<ColumnRename> renames) {
        for (ColumnRename rename : renames) {
            if (rename.from().equals(name)) {
                return rename.to();
            }
        }
        return name;
    }

    private static Map<String, Column> byName(List<Column> columns, String which, TableId table) {
        requireNonNull(columns, which + " columns are null");
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column column : columns) {
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("the " + which + " columns of table " + table + " have '" + column.name() + "' twice");
            }
        }
        return byName;
    }
}
