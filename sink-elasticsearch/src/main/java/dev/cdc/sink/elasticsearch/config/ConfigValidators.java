package dev.cdc.sink.elasticsearch.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators whose messages name the key, the rejected value and what is allowed. Values are
 * parsed inside the validator, so a bad value fails at validation time, not at task start.
 */
final class ConfigValidators {
    private ConfigValidators() {
    }

    /** One of the constants of an enum implementing {@link ConfigChoice}, case-insensitively. */
    static <E extends Enum<E> & ConfigChoice> ConfigDef.Validator oneOf(Class<E> choices) {
        return new ChoiceValidator<>(choices);
    }

    /** Parses a choice; the value was validated already, so a failure here is a bug or a bypass. */
    static <E extends Enum<E> & ConfigChoice> E parseChoice(Class<E> choices, String key, String value) {
        for (E choice : choices.getEnumConstants()) {
            if (choice.configValue().equalsIgnoreCase(value.trim())) {
                return choice;
            }
        }
        throw new ConfigException(key, value, "must be one of: " + describe(choices));
    }

    static <E extends Enum<E> & ConfigChoice> String describe(Class<E> choices) {
        return Arrays.stream(choices.getEnumConstants()).map(ConfigChoice::configValue).collect(Collectors.joining(", "));
    }

    /** A non-empty list of {@code http://} or {@code https://} URLs with a host. */
    static ConfigDef.Validator httpUrls() {
        return new HttpUrlsValidator();
    }

    /** An integer or long between {@code min} and {@code max}, both included. */
    static ConfigDef.Validator between(long min, long max) {
        return new RangeValidator(min, max);
    }

    /** The index name template: only known tokens, no characters Elasticsearch forbids. */
    static ConfigDef.Validator indexNameTemplate() {
        return (key, value) -> {
            try {
                IndexNameTemplate.parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, value, e.getMessage());
            }
        };
    }

    /** A string that is not blank when given. */
    static ConfigDef.Validator nonBlankIfSet() {
        return (key, value) -> {
            if (value != null && value.toString().isBlank()) {
                throw new ConfigException(key, value, "must not be blank; leave the key out instead");
            }
        };
    }

    private record ChoiceValidator<E extends Enum<E> & ConfigChoice>(Class<E> choices) implements ConfigDef.Validator {
        ChoiceValidator {
            requireNonNull(choices, "choices is null");
        }

        @Override
        public void ensureValid(String key, Object value) {
            if (value == null) {
                throw new ConfigException(key, null, "must be one of: " + describe(choices));
            }
            parseChoice(choices, key, value.toString());
        }

        @Override
        public String toString() {
            return "one of: " + describe(choices);
        }
    }

    private static final class HttpUrlsValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String key, Object value) {
            if (!(value instanceof List<?> urls) || urls.isEmpty()) {
                throw new ConfigException(key, value, "must list at least one URL such as http://127.0.0.1:9200");
            }
            for (Object url : urls) {
                ensureHttpUrl(key, String.valueOf(url));
            }
        }

        private static void ensureHttpUrl(String key, String url) {
            try {
                URI uri = new URI(url.trim());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw new ConfigException(key, url, "is not an http:// or https:// URL with a host, such as http://127.0.0.1:9200");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(key, url, "is not a valid URL (" + e.getReason() + "); expected e.g. http://127.0.0.1:9200");
            }
        }

        @Override
        public String toString() {
            return "comma-separated http:// or https:// URLs";
        }
    }

    private record RangeValidator(long min, long max) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String key, Object value) {
            if (!(value instanceof Number number) || number.longValue() < min || number.longValue() > max) {
                throw new ConfigException(key, value, "must be between " + min + " and " + max);
            }
        }

        @Override
        public String toString() {
            return "[" + min + ",...," + max + "]";
        }
    }
}
