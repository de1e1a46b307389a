package dev.cdc.schema.diff;

/** The kinds of {@link SchemaChange}, with the stable names used in schema-change events. */
public enum SchemaChangeKind {
    CREATE_TABLE, DROP_TABLE, RENAME_TABLE, TRUNCATE_TABLE,
    ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, CHANGE_COLUMN_TYPE, CHANGE_NULLABILITY, CHANGE_COLUMN_DEFAULT,
    CHANGE_PRIMARY_KEY;

    /** True for the kinds that concern a whole table rather than columns of it. */
    public boolean isTableLevel() {
        return this == CREATE_TABLE || this == DROP_TABLE || this == RENAME_TABLE || this == TRUNCATE_TABLE;
    }
}
