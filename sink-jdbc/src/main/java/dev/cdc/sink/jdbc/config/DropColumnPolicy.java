package dev.cdc.sink.jdbc.config;

/** What happens to a target column that the records no longer carry ({@code schema.evolution.drop.columns}). */
public enum DropColumnPolicy implements ConfigChoice {
    /** The column stays, with its values, and becomes nullable so that new rows can leave it out. */
    KEEP_NULLABLE,
    /** The column is dropped (only with schema.evolution=full). */
    DROP;

    @Override
    public String configValue() {
        return ConfigValidators.lower(this);
    }
}
