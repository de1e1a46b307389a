package dev.cdc.source.postgres.config;

import static java.util.Objects.requireNonNull;

/**
 * A problem found while validating, attached to the key a person has to change.
 *
 * @param key     the configuration key
 * @param message the whole message, naming the value and what is allowed
 */
public record ConfigProblem(String key, String message) {
    public ConfigProblem {
        requireNonNull(key, "key is null");
        requireNonNull(message, "message is null");
    }
}
