package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reusable {@link ConfigDef.Validator}s. A {@code null} value passes: Connect calls validators with
 * {@code null} after it already reported a missing or unparsable value, and one message per
 * problem is enough. The exceptions are {@link #nonBlank} and {@link #between}, made for keys that
 * need a value: they say what to give, in the connector's {@link MessageWording}. Every failure is a
 * {@link ConfigException} whose message reads
 * {@code Invalid value <value> for configuration <key>: <what is wrong and what is allowed>},
 * so Connect's validate endpoint shows one self-contained message per bad key. Each validator's
 * {@code toString()} says what is allowed, for the generated documentation.
 */
public final class Validators {
    /** Longest Kafka topic name. */
    static final int MAX_TOPIC_NAME_LENGTH = 249;

    private Validators() {
    }

    /** A comma-separated list of Java regular expressions (see {@link RegexList}); null or empty is allowed. */
    public static ConfigDef.Validator regexList() {
        return new RegexListValidator();
    }

    /**
     * A whole number of at least {@code minimum} (Integer or Long values).
     *
     * @param meaning what the allowed range means, e.g. {@code "0 = no limit"}; may be empty
     */
    public static ConfigDef.Validator atLeast(long minimum, String meaning) {
        return new AtLeastValidator(minimum, requireNonNull(meaning, "meaning is null"));
    }

    /** A whole number of at least 0; {@code zeroMeans} says what 0 does, e.g. {@code "0 = off"}. */
    public static ConfigDef.Validator nonNegative(String zeroMeans) {
        return atLeast(0, zeroMeans);
    }

    /** A whole number of at least 1. */
    public static ConfigDef.Validator positive() {
        return atLeast(1, "");
    }

    /** A non-empty string of the characters Kafka allows in topic names, at most 249 of them. */
    public static ConfigDef.Validator topicNamePart() {
        return new TopicNamePartValidator();
    }

    /**
     * A required string that must not be blank.
     *
     * @param what what to give, for the message, e.g. {@code "user name"}
     */
    public static ConfigDef.Validator nonBlank(String what, MessageWording wording) {
        requireNonNull(what, "what is null");
        requireNonNull(wording, "wording is null");
        return described("a non-blank " + what, (name, value) -> {
            if (value == null || value.toString().isBlank()) {
                throw new ConfigException(name, value, wording.required(name, "the " + what));
            }
        });
    }

    /** A required whole number from {@code minimum} to {@code maximum}, both included. */
    public static ConfigDef.Validator between(long minimum, long maximum, MessageWording wording) {
        requireNonNull(wording, "wording is null");
        return described("[" + minimum + ", " + maximum + "]", (name, value) -> {
            if (value == null) {
                throw new ConfigException(name, null, wording.required(name, "a number from " + minimum + " to " + maximum));
            }
            long number = ((Number) value).longValue();
            if (number < minimum || number > maximum) {
                throw new ConfigException(name, value, "must be from " + minimum + " to " + maximum);
            }
        });
    }

    /**
     * One of the constants of an enum by its config value (see {@link ConfigEnums}), parsed with
     * {@code parser}; the message is the one of the parser's {@link IllegalArgumentException}.
     */
    public static <E extends Enum<E>> ConfigDef.Validator oneOf(Class<E> type, Function<String, E> parser) {
        requireNonNull(parser, "parser is null");
        return described("one of " + ConfigEnums.allowed(requireNonNull(type, "type is null")), (name, value) -> {
            try {
                parser.apply(value == null ? null : value.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        });
    }

    /** {@code check}, with a {@code toString()} that says what is allowed, for the generated documentation. */
    public static ConfigDef.Validator described(String allowed, ConfigDef.Validator check) {
        return new Described(requireNonNull(allowed, "allowed is null"), requireNonNull(check, "check is null"));
    }

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

    private static final class RegexListValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            List<?> patterns = value instanceof List<?> list ? list : RegexList.split(value.toString());
            for (Object pattern : patterns) {
                try {
                    RegexList.parse(String.valueOf(pattern));
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(name, value, "pattern '" + e.getPattern() + "' is not a valid Java regular expression ("
                            + e.getDescription() + " near index " + e.getIndex()
                            + "); expected a comma-separated list of regular expressions such as 'inventory\\.orders,shop\\..*'");
                }
            }
        }

        @Override
        public String toString() {
            return "comma-separated list of Java regular expressions";
        }
    }

    private record AtLeastValidator(long minimum, String meaning) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return; // unset or unparsable: ConfigDef reports that itself
            }
            if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < minimum) {
                throw new ConfigException(name, value, "must be a whole number of at least " + minimum
                        + (meaning.isEmpty() ? "" : " (" + meaning + ")"));
            }
        }

        @Override
        public String toString() {
            return "[" + minimum + ",...]" + (meaning.isEmpty() ? "" : " (" + meaning + ")");
        }
    }

    private static final class TopicNamePartValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return; // unset: ConfigDef reports a missing required key itself
            }
            String text = value.toString();
            if (text.isEmpty()) {
                throw new ConfigException(name, value, "must not be empty; it is part of every topic name, e.g. 'inventory'");
            }
            if (text.length() > MAX_TOPIC_NAME_LENGTH) {
                throw new ConfigException(name, value, "is " + text.length() + " characters long; Kafka topic names allow at most "
                        + MAX_TOPIC_NAME_LENGTH);
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!isTopicCharacter(c)) {
                    throw new ConfigException(name, value, "contains '" + c + "' at index " + i
                            + "; only letters a-z A-Z, digits, '.', '_' and '-' are allowed in topic names");
                }
            }
        }

        private static boolean isTopicCharacter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        }

        @Override
        public String toString() {
            return "non-empty string of [a-zA-Z0-9._-]";
        }
    }
}
