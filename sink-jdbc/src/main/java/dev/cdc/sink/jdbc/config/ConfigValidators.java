package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators of the sink's keys. A {@code null} value passes (ConfigDef reports a missing value
 * itself). Every failure is a {@link ConfigException} reading
 * {@code Invalid value <value> for configuration <key>: <what is wrong and what is allowed>}.
 */
public final class ConfigValidators {
    private ConfigValidators() {
    }

    /** One of the constants of {@code type}, by {@link ConfigChoice#configValue()}, case-insensitive. */
    public static <E extends Enum<E> & ConfigChoice> ConfigDef.Validator oneOf(Class<E> type) {
        requireNonNull(type, "type is null");
        return new ChoiceValidator<>(type);
    }

    /** The constant of {@code type} that {@code value} names; for parsing after validation. */
    public static <E extends Enum<E> & ConfigChoice> E choice(Class<E> type, String key, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.configValue().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> new ConfigException(key, value, "must be one of " + allowed(type)));
    }

    /** A whole number between {@code minimum} and {@code maximum}, both included. */
    public static ConfigDef.Validator between(long minimum, long maximum) {
        return new BetweenValidator(minimum, maximum);
    }

    /** A value that {@code parser} accepts; its IllegalArgumentException message becomes the reason. */
    public static ConfigDef.Validator parsedBy(String description, Function<String, ?> parser) {
        return new ParsingValidator(requireNonNull(description, "description is null"), requireNonNull(parser, "parser is null"));
    }

    static <E extends Enum<E> & ConfigChoice> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).collect(Collectors.joining(", "));
    }

    private record ChoiceValidator<E extends Enum<E> & ConfigChoice>(Class<E> type) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null) {
                choice(type, name, value.toString());
            }
        }

        @Override
        public String toString() {
            return "one of " + allowed(type);
        }
    }

    private record BetweenValidator(long minimum, long maximum) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            long number = ((Number) value).longValue();
            if (number < minimum || number > maximum) {
                throw new ConfigException(name, value, "must be a whole number from " + minimum + " to " + maximum);
            }
        }

        @Override
        public String toString() {
            return "[" + minimum + ",...," + maximum + "]";
        }
    }

    private record ParsingValidator(String description, Function<String, ?> parser) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            String text = value instanceof List<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                    : value.toString();
            try {
                parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Lower-case form of a name for messages. */
    static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
