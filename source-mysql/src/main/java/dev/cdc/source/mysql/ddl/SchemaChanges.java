package dev.cdc.source.mysql.ddl;

import dev.cdc.schema.Column;
import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.SchemaChange;
import java.util.stream.Collectors;

/** One-line descriptions of structured schema changes, for logs and golden tests. */
public final class SchemaChanges {
    private SchemaChanges() {
    }

    public static String describe(SchemaChange change) {
        String table = name(change.table());
        String detail;
        if (change instanceof SchemaChange.CreateTable create) {
            detail = create.schema().columns().stream().map(Column::toString).collect(Collectors.joining(", "))
                    + (create.schema().primaryKey().isEmpty() ? "" : " | PRIMARY KEY " + create.schema().primaryKey());
        } else if (change instanceof SchemaChange.RenameTable rename) {
            detail = "from " + name(rename.from());
        } else if (change instanceof SchemaChange.AddColumn add) {
            detail = add.column().toString();
        } else if (change instanceof SchemaChange.DropColumn drop) {
            detail = drop.column();
        } else if (change instanceof SchemaChange.RenameColumn rename) {
            detail = rename.from() + " -> " + rename.to();
        } else if (change instanceof SchemaChange.ChangeColumnType type) {
            detail = type.column() + " " + type.from() + " -> " + type.to() + (type.widening() ? " (widening)" : "");
        } else if (change instanceof SchemaChange.ChangeNullability nullability) {
            detail = nullability.column() + " " + (nullability.fromNullable() ? "NULL" : "NOT NULL") + " -> "
                    + (nullability.toNullable() ? "NULL" : "NOT NULL");
        } else if (change instanceof SchemaChange.ChangeColumnDefault defaults) {
            detail = defaults.column() + " " + defaults.fromDefault().orElse("(none)") + " -> " + defaults.toDefault().orElse("(none)");
        } else if (change instanceof SchemaChange.ChangePrimaryKey key) {
            detail = key.from() + " -> " + key.to();
        } else {
            detail = "";
        }
        return (change.kind() + " " + table + " " + detail).trim();
    }

    private static String name(TableId id) {
        return id.displayName();
    }
}
