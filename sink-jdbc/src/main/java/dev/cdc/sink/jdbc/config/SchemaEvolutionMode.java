package dev.cdc.sink.jdbc.config;

/** Which DDL the sink runs on its own ({@code schema.evolution}). */
public enum SchemaEvolutionMode implements ConfigChoice {
    /** No DDL: tables must exist with every column the records carry. */
    NONE,
    /** Create missing tables, add missing columns, make columns the records leave out nullable (as Debezium's basic). */
    BASIC,
    /** BASIC, plus column renames (from hints), type widenings and drops by schema.evolution.drop.columns. */
    FULL;

    @Override
    public String configValue() {
        return ConfigValidators.lower(this);
    }

    public boolean createsTables() {
        return this != NONE;
    }

    public boolean altersTypes() {
        return this == FULL;
    }
}
