package dev.cdc.schema.diff;

import static java.util.Objects.requireNonNull;

/**
 * A hint for {@link SchemaDiff} that column {@code from} of the older schema is column
 * {@code to} of the newer one, e.g. from a parsed {@code ALTER TABLE ... RENAME COLUMN} or from a
 * schema-change event's {@code RenameColumn}. A diff alone cannot tell a rename from a drop and
 * an add.
 */
public record ColumnRename(String from, String to) {
    public ColumnRename {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }
}
