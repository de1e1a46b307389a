package dev.cdc.sink.jdbc.config;

/** What a DropTable schema-change event does to the target table ({@code schema.evolution.drop.tables}). */
public enum DropTablePolicy implements ConfigChoice {
    /** The table stays, with its rows. */
    KEEP,
    /** The table and its tombstone table are dropped; the drop's position is kept (only with schema.evolution=full). */
    DROP;

    @Override
    public String configValue() {
        return ConfigValidators.lower(this);
    }
}
