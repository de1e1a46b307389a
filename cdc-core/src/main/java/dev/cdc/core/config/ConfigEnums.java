package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enums whose constants are config values: the value of a constant is its name in lower case
 * ({@code WHEN_NEEDED} is {@code when_needed}), parsed ignoring case and surrounding blanks.
 */
public final class ConfigEnums {
    private ConfigEnums() {
    }

    /** The config value of a constant: its name in lower case. */
    public static String configValue(Enum<?> constant) {
        return requireNonNull(constant, "constant is null").name().toLowerCase(Locale.ROOT);
    }

    /** The config values of all constants of {@code type}, comma-separated, in declaration order. */
    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigEnums::configValue).collect(Collectors.joining(", "));
    }

    /**
     * The constant whose config value is {@code value}, ignoring case and surrounding blanks.
     *
     * @param what what a value is, for the message, e.g. {@code "snapshot mode"}
     * @throws IllegalArgumentException {@code '<value>' is not a <what>; allowed: <values>}
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        return parse(type, value, what, "");
    }

    /**
     * As {@link #parse(Class, String, String)}, with {@code hint} after the allowed values (". " + hint),
     * e.g. which values of other connectors are not offered and what to use instead; none when empty.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String what, String hint) {
        requireNonNull(type, "type is null");
        requireNonNull(what, "what is null");
        requireNonNull(hint, "hint is null");
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(normalized)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a " + what + "; allowed: " + allowed(type)
                        + (hint.isEmpty() ? "" : ". " + hint)));
    }
}
