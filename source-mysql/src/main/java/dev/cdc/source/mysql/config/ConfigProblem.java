package dev.cdc.source.mysql.config;

import static java.util.Objects.requireNonNull;

/** A problem with the value of one key, found by looking at more than that key alone. */
public record ConfigProblem(String key, String message) {
    public ConfigProblem {
        requireNonNull(key, "key is null");
        requireNonNull(message, "message is null");
    }
}
