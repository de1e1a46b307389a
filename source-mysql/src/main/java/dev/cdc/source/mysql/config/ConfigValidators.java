package dev.cdc.source.mysql.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators shared by the config classes. Each parses the value the way the connector later
 * uses it, so that a value that passes validation cannot fail at start, and each message names
 * the key, the value and what is allowed.
 */
final class ConfigValidators {
    private ConfigValidators() {
    }

    /** A required string that must not be blank. */
    static ConfigDef.Validator nonBlank(String what) {
        return new Described("a non-blank " + what, (name, value) -> {
            if (value == null || value.toString().isBlank()) {
                throw new ConfigException(name, value, name + " is required: give " + "the " + what);
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

    /** A number at least {@code min} and at most {@code max}, with a message that names the range. */
    static ConfigDef.Validator between(long min, long max) {
        return new Described("[" + min + ", " + max + "]", (name, value) -> {
            if (value == null) {
                throw new ConfigException(name, null, name + " is required: give a number from " + min + " to " + max);
            }
            long number = ((Number) value).longValue();
            if (number < min || number > max) {
                throw new ConfigException(name, value, "must be from " + min + " to " + max);
            }
        });
    }

    /** At least {@code min}. */
    static ConfigDef.Validator atLeast(long min) {
        return new Described("[" + min + ",...]", (name, value) -> {
            if (value == null) {
                throw new ConfigException(name, null, name + " is required: give a number of at least " + min);
            }
            if (((Number) value).longValue() < min) {
                throw new ConfigException(name, value, "must be at least " + min);
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
