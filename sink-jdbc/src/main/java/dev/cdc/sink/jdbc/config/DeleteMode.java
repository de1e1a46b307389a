package dev.cdc.sink.jdbc.config;

/** How a delete is applied ({@code delete.mode}). */
public enum DeleteMode implements ConfigChoice {
    /** The row is deleted; the delete's position is kept in the tombstone table {@code <table>__cdc_deletes}. */
    HARD,
    /** The row stays, marked deleted in the soft-delete column, with the delete's position. */
    SOFT;

    @Override
    public String configValue() {
        return ConfigValidators.lower(this);
    }
}
