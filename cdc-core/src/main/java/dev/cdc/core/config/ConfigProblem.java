package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

/**
 * A problem with the value of one key, found by looking at more than that key alone (another key,
 * or the server); {@code Connector.validate()} attaches the message to the key a person has to
 * change. How the message is worded is the connector's {@link MessageWording}.
 *
 * @param key     the configuration key
 * @param message what is wrong and what to do
 */
public record ConfigProblem(String key, String message) {
    public ConfigProblem {
        requireNonNull(key, "key is null");
        requireNonNull(message, "message is null");
    }
}
