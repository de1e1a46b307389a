package dev.cdc.source.postgres.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators of the PostgreSQL source's keys. Each parses the value the way the connector later
 * uses it, so a value that passes validation cannot fail at start; every message reads
 * {@code Invalid value <value> for configuration <key>: <what is allowed>}.
 */
final class ConfigValidators {
    /** Replication slot names: lower-case letters, digits and underscores, at most 63 (NAMEDATALEN - 1). */
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");
    /** Longest PostgreSQL identifier. */
    static final int MAX_IDENTIFIER_LENGTH = 63;

    private ConfigValidators() {
    }

    /** A required string that must not be blank. */
    static ConfigDef.Validator nonBlank(String what) {
        return new Described("a non-blank " + what, (name, value) -> {
            if (value == null || value.toString().isBlank()) {
                throw new ConfigException(name, value, "is required: give the " + what);
            }
        });
    }

    /** One of the constants of an enum, by its lower-case name, parsed with {@code parser}. */
    static <E extends Enum<E>> ConfigDef.Validator oneOf(Class<E> type, Function<String, E> parser) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return new Described("one of " + allowed, (name, value) -> {
            try {
                parser.apply(value == null ? null : value.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        });
    }

    /** A whole number from {@code min} to {@code max}. */
    static ConfigDef.Validator between(long min, long max) {
        return new Described("[" + min + ", " + max + "]", (name, value) -> {
            if (value == null) {
                throw new ConfigException(name, null, "is required: give a number from " + min + " to " + max);
            }
            long number = ((Number) value).longValue();
            if (number < min || number > max) {
                throw new ConfigException(name, value, "must be from " + min + " to " + max);
            }
        });
    }

    /** A replication slot name as PostgreSQL accepts it. */
    static ConfigDef.Validator slotName() {
        return new Described("1 to 63 characters of a-z, 0-9 and _", (name, value) -> {
            String text = value == null ? "" : value.toString();
            if (!SLOT_NAME.matcher(text).matches()) {
                throw new ConfigException(name, value, "replication slot names may only contain lower-case letters, digits and"
                        + " underscores, 1 to 63 of them, e.g. 'debezium' or 'inventory_slot'");
            }
        });
    }

    /** A PostgreSQL identifier (publication name), used quoted, so any non-empty text up to 63 characters without NUL. */
    static ConfigDef.Validator identifier(String what) {
        return new Described("a " + what + " of 1 to 63 characters", (name, value) -> {
            String text = value == null ? "" : value.toString();
            if (text.isBlank() || text.length() > MAX_IDENTIFIER_LENGTH || text.indexOf('\0') >= 0) {
                throw new ConfigException(name, value, "must be a " + what + " of 1 to " + MAX_IDENTIFIER_LENGTH
                        + " characters (PostgreSQL truncates longer identifiers), e.g. 'dbz_publication'");
            }
        });
    }

    /** A validator whose {@code toString()} says what is allowed, for the generated docs. */
    private record Described(String allowed, ConfigDef.Validator check) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            check.ensureValid(name, value);
        }

        @Override
        public String toString() {
            return allowed;
        }
    }
}
