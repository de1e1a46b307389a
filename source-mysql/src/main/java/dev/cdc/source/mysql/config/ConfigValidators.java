package dev.cdc.source.mysql.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators shared by the config classes. Each parses the value the way the connector later
 * uses it, so that a value that passes validation cannot fail at start, and each message names
 * the key, the value and what is allowed.
 */
final class ConfigValidators {
    private static final Pattern TOPIC_PREFIX = Pattern.compile("[A-Za-z0-9._-]+");
    /** Kafka's limit for a topic name, less room for {@code .<database>.<table>}. */
    static final int MAX_TOPIC_PREFIX_LENGTH = 128;

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

    /** A topic prefix: letters, digits, '.', '_' and '-' only, as Kafka allows in topic names. */
    static ConfigDef.Validator topicPrefix() {
        return new Described("letters, digits, '.', '_', '-'; at most " + MAX_TOPIC_PREFIX_LENGTH + " characters", (name, value) -> {
            String prefix = value == null ? "" : value.toString();
            if (prefix.isBlank()) {
                throw new ConfigException(name, value, name + " is required: it names the topics, <" + name + ">.<database>.<table>");
            }
            if (!TOPIC_PREFIX.matcher(prefix).matches()) {
                throw new ConfigException(name, value, "may contain only letters, digits, '.', '_' and '-', as Kafka topic names do");
            }
            if (prefix.length() > MAX_TOPIC_PREFIX_LENGTH) {
                throw new ConfigException(name, value, "is " + prefix.length() + " characters long; at most "
                        + MAX_TOPIC_PREFIX_LENGTH + " leave room for .<database>.<table> in Kafka's 249-character topic names");
            }
            if (prefix.equals(".") || prefix.equals("..")) {
                throw new ConfigException(name, value, "'.' and '..' are not valid Kafka topic names");
            }
        });
    }

    /** A comma-separated list of regular expressions; each must compile. */
    static ConfigDef.Validator regexList() {
        return new Described("a comma-separated list of regular expressions", (name, value) -> {
            if (value == null) {
                return;
            }
            for (String regex : RegexList.split(value.toString())) {
                try {
                    Pattern.compile(regex);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new ConfigException(name, value, "'" + regex + "' is not a valid regular expression: "
                            + e.getDescription() + " near index " + e.getIndex());
                }
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
