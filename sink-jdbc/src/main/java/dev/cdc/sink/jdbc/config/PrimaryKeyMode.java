package dev.cdc.sink.jdbc.config;

/** Where the target's primary key comes from ({@code primary.key.mode}). */
public enum PrimaryKeyMode implements ConfigChoice {
    /** The record key: the fields of a struct key, or one column named by primary.key.fields for a primitive key. */
    RECORD_KEY,
    /** Fields of the row, named by primary.key.fields. */
    RECORD_VALUE,
    /** No primary key: insert only, no position guard, no deletes. */
    NONE;

    @Override
    public String configValue() {
        return ConfigValidators.lower(this);
    }
}
