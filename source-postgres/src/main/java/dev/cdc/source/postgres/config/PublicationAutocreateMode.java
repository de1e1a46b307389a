package dev.cdc.source.postgres.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Debezium's {@code publication.autocreate.mode}: whether and how the connector creates its publication. */
public enum PublicationAutocreateMode {
    /** Create {@code FOR ALL TABLES} when missing (needs superuser); use it as it is when it exists. */
    ALL_TABLES,
    /** Never create or change it; it must exist. */
    DISABLED,
    /** Create it for the captured tables when missing, and set its table list to them at every start. */
    FILTERED;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and the modes allowed
     */
    public static PublicationAutocreateMode parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.name().equals(normalized)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a publication autocreate mode; allowed: "
                        + Arrays.stream(values()).map(PublicationAutocreateMode::configValue).collect(Collectors.joining(", "))));
    }
}
