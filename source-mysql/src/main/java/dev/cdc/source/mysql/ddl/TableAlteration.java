package dev.cdc.source.mysql.ddl;

import dev.cdc.schema.diff.ColumnRename;
import dev.cdc.source.mysql.ddl.AlterAction.AddColumn;
import dev.cdc.source.mysql.ddl.AlterAction.AddPrimaryKey;
import dev.cdc.source.mysql.ddl.AlterAction.AlterColumnDefault;
import dev.cdc.source.mysql.ddl.AlterAction.ChangeColumn;
import dev.cdc.source.mysql.ddl.AlterAction.ConvertCharset;
import dev.cdc.source.mysql.ddl.AlterAction.DefaultCharset;
import dev.cdc.source.mysql.ddl.AlterAction.DropColumn;
import dev.cdc.source.mysql.ddl.AlterAction.DropPrimaryKey;
import dev.cdc.source.mysql.ddl.AlterAction.RenameColumn;
import dev.cdc.source.mysql.ddl.AlterAction.RenameTable;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alterations of one ALTER TABLE applied in order to a working copy of the table, keeping
 * track of which original column each column continues (for the rename hints of the diff).
 */
final class TableAlteration {
    private final List<MySqlColumn> columns;
    private final List<String> primaryKey;
    /** Current name of a column (lower-case) to its name before the statement, for renamed columns that survive. */
    private final Map<String, String> originalNames = new LinkedHashMap<>();
    private final MySqlTable before;
    private String database;
    private String name;
    private String tableCharset;

    TableAlteration(MySqlTable before, String tableCharset) {
        this.before = before;
        this.columns = new ArrayList<>(before.columns());
        this.primaryKey = new ArrayList<>(before.primaryKey());
        this.database = before.database();
        this.name = before.name();
        this.tableCharset = tableCharset;
        for (MySqlColumn column : columns) {
            originalNames.put(lower(column.name()), column.name());
        }
    }

    void apply(AlterAction action, String currentDatabase) {
        if (action instanceof AddColumn add) {
            addColumn(add);
        } else if (action instanceof DropColumn drop) {
            dropColumn(drop);
        } else if (action instanceof RenameColumn rename) {
            renameColumn(rename.from(), rename.to());
        } else if (action instanceof ChangeColumn change) {
            changeColumn(change);
        } else if (action instanceof AlterColumnDefault alter) {
            replace(alter.column(), column(alter.column()).withDefaultExpression(alter.expression()));
        } else if (action instanceof AddPrimaryKey add) {
            primaryKey.clear();
            for (String key : add.columns()) {
                MySqlColumn column = column(key);
                primaryKey.add(column.name());
                replace(key, column.withNullable(false));
            }
        } else if (action instanceof DropPrimaryKey) {
            primaryKey.clear();
        } else if (action instanceof RenameTable rename) {
            TableName to = rename.to().in(currentDatabase);
            database = to.database() == null ? database : to.database();
            name = to.name();
        } else if (action instanceof ConvertCharset convert) {
            tableCharset = SchemaCatalog.charsetOf(convert.charset(), convert.collation(), tableCharset);
            for (int i = 0; i < columns.size(); i++) {
                MySqlColumn column = columns.get(i);
                MySqlDataType dataType = column.type().dataType();
                if (dataType.isText() || dataType == MySqlDataType.ENUM || dataType == MySqlDataType.SET) {
                    columns.set(i, column.withType(column.type().withCharset(tableCharset)));
                }
            }
        } else if (action instanceof DefaultCharset defaults) {
            tableCharset = SchemaCatalog.charsetOf(defaults.charset(), defaults.collation(), tableCharset);
        }
    }

    private void addColumn(AddColumn add) {
        if (indexOf(add.column().name()) >= 0) {
            if (add.ifNotExists()) {
                return;
            }
            throw new IllegalStateException("column '" + add.column().name() + "' already exists in " + database + "." + name);
        }
        MySqlColumn column = SchemaCatalog.column(add.column(), tableCharset, add.column().primaryKey());
        insert(column, add.position(), columns.size());
        originalNames.remove(lower(column.name()));
        if (add.column().primaryKey()) {
            primaryKey.clear();
            primaryKey.add(column.name());
        }
    }

    private void dropColumn(DropColumn drop) {
        int index = indexOf(drop.column());
        if (index < 0) {
            if (drop.ifExists()) {
                return;
            }
            throw new IllegalStateException("column '" + drop.column() + "' does not exist in " + database + "." + name);
        }
        MySqlColumn removed = columns.remove(index);
        originalNames.remove(lower(removed.name()));
        primaryKey.removeIf(removed.name()::equalsIgnoreCase);
    }

    private void renameColumn(String from, String to) {
        MySqlColumn column = column(from);
        replace(from, column.withName(to));
        String original = originalNames.remove(lower(column.name()));
        if (original != null) {
            originalNames.put(lower(to), original);
        }
        primaryKey.replaceAll(key -> key.equalsIgnoreCase(from) ? to : key);
    }

    private void changeColumn(ChangeColumn change) {
        int index = indexOf(change.from());
        if (index < 0) {
            if (change.ifExists()) {
                return;
            }
            throw new IllegalStateException("column '" + change.from() + "' does not exist in " + database + "." + name);
        }
        boolean inKey = primaryKey.stream().anyMatch(change.from()::equalsIgnoreCase) || change.column().primaryKey();
        MySqlColumn changed = SchemaCatalog.column(change.column(), tableCharset, inKey);
        if (!changed.name().equals(columns.get(index).name())) {
            renameColumn(change.from(), changed.name());
        }
        columns.remove(index);
        insert(changed, change.position(), index);
        if (change.column().primaryKey()) {
            primaryKey.clear();
            primaryKey.add(changed.name());
        }
    }

    private void insert(MySqlColumn column, ColumnPosition position, int defaultIndex) {
        if (position.first()) {
            columns.add(0, column);
        } else if (position.after() != null) {
            int after = indexOf(position.after());
            if (after < 0) {
                throw new IllegalStateException("column '" + position.after() + "' to place '" + column.name() + "' after does not exist in "
                        + database + "." + name);
            }
            columns.add(after + 1, column);
        } else {
            columns.add(defaultIndex, column);
        }
    }

    private MySqlColumn column(String columnName) {
        int index = indexOf(columnName);
        if (index < 0) {
            throw new IllegalStateException("column '" + columnName + "' does not exist in " + database + "." + name);
        }
        return columns.get(index);
    }

    private void replace(String columnName, MySqlColumn replacement) {
        columns.set(indexOf(columnName), replacement);
    }

    private int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        return -1;
    }

    MySqlTable result() {
        return new MySqlTable(database, name, columns, primaryKey);
    }

    String tableCharset() {
        return tableCharset;
    }

    /** Columns that still exist under another name than before the statement. */
    List<ColumnRename> renames() {
        List<ColumnRename> renames = new ArrayList<>();
        for (MySqlColumn column : columns) {
            String original = originalNames.get(lower(column.name()));
            if (original != null && !original.equals(column.name()) && before.column(original).isPresent()) {
                renames.add(new ColumnRename(original, column.name()));
            }
        }
        return renames;
    }

    private static String lower(String columnName) {
        return columnName.toLowerCase(java.util.Locale.ROOT);
    }
}
