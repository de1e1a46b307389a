package dev.cdc.source.postgres.config;

import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import dev.cdc.core.config.Validators;

/**
 * Validators of the PostgreSQL source's own keys (the shared ones are cdc-core's {@link Validators}).
 * Each parses the value the way the connector later uses it, so a value that passes validation
 * cannot fail at start; every message reads {@code Invalid value <value> for configuration <key>: <what is allowed>}.
 */
final class ConfigValidators {
    /** Replication slot names: lower-case letters, digits and underscores, at most 63 (NAMEDATALEN - 1). */
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");
    /** Longest PostgreSQL identifier. */
    static final int MAX_IDENTIFIER_LENGTH = 63;

    private ConfigValidators() {
    }

    /** A replication slot name as PostgreSQL accepts it. */
    static ConfigDef.Validator slotName() {
        return Validators.described("1 to 63 characters of a-z, 0-9 and _", (name, value) -> {
            String text = value == null ? "" : value.toString();
            if (!SLOT_NAME.matcher(text).matches()) {
                throw new ConfigException(name, value, "replication slot names may only contain lower-case letters, digits and"
                        + " underscores, 1 to 63 of them, e.g. 'debezium' or 'inventory_slot'");
            }
        });
    }

    /** A PostgreSQL identifier (publication name), used quoted, so any non-empty text up to 63 characters without NUL. */
    static ConfigDef.Validator identifier(String what) {
        return Validators.described("a " + what + " of 1 to 63 characters", (name, value) -> {
            String text = value == null ? "" : value.toString();
            if (text.isBlank() || text.length() > MAX_IDENTIFIER_LENGTH || text.indexOf('\0') >= 0) {
                throw new ConfigException(name, value, "must be a " + what + " of 1 to " + MAX_IDENTIFIER_LENGTH
                        + " characters (PostgreSQL truncates longer identifiers), e.g. 'dbz_publication'");
            }
        });
    }
}
