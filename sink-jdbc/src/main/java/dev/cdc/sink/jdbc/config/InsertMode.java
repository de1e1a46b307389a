package dev.cdc.sink.jdbc.config;

/** How a change that carries a row is written ({@code insert.mode}). */
public enum InsertMode implements ConfigChoice {
    /** Insert or update the row of the key, guarded by the source position. */
    UPSERT,
    /** Plain INSERT; a key that exists is an error. */
    INSERT,
    /** UPDATE of an existing row, guarded by the source position; a missing row is left missing. */
    UPDATE;

    @Override
    public String configValue() {
        return ConfigValidators.lower(this);
    }
}
