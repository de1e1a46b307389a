package dev.cdc.source.postgres.config;

import dev.cdc.core.config.ConfigEnums;

/** Debezium's {@code publication.autocreate.mode}: whether and how the connector creates its publication. */
public enum PublicationAutocreateMode {
    /** Create {@code FOR ALL TABLES} when missing (needs superuser); use it as it is when it exists. */
    ALL_TABLES,
    /** Never create or change it; it must exist. */
    DISABLED,
    /** Create it for the captured tables when missing, and set its table list to them at every start. */
    FILTERED;

    public String configValue() {
        return ConfigEnums.configValue(this);
    }

    /**
     * Parses a value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and the modes allowed
     */
    public static PublicationAutocreateMode parse(String value) {
        return ConfigEnums.parse(PublicationAutocreateMode.class, value, "publication autocreate mode");
    }
}
