package dev.cdc.source.postgres.server;

import static java.util.Objects.requireNonNull;

/**
 * One column of a table, from a pgoutput Relation message or the catalog.
 *
 * @param name              the column name
 * @param typeOid           its type
 * @param typeModifier      {@code atttypmod}, -1 when none
 * @param notNull           whether it is NOT NULL (only the catalog knows; Relation columns say false)
 * @param defaultExpression the default as SQL text, null when none or unknown
 */
public record ColumnInfo(String name, int typeOid, int typeModifier, boolean notNull, String defaultExpression) {
    public ColumnInfo {
        requireNonNull(name, "name is null");
    }
}
