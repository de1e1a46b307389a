package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * How a connector words the messages that Connect does not word itself: the reason given when a
 * required value is missing or blank, and the problems found across keys ({@link ConfigProblem}).
 * Connect's own part, {@code Invalid value <value> for configuration <key>: }, is the same in both.
 *
 * <p>Two wordings exist because the sources were written apart and users and tests match on their
 * messages; a new connector uses {@link #CONNECT}.
 */
public enum MessageWording {
    /**
     * The reason never repeats the key ({@code ...for configuration database.user: is required: give the user name}),
     * and a problem across keys is a whole Connect message
     * ({@code Invalid value a for configuration table.include.list: table.include.list and ... cannot both be set}).
     */
    CONNECT {
        @Override
        String required(String key, String whatToGive) {
            return "is required: give " + whatToGive;
        }

        @Override
        String acrossKeys(String key, Object value, String reason) {
            return "Invalid value " + value + " for configuration " + key + ": " + reason;
        }

        @Override
        public ConfigException toException(ConfigProblem problem, Map<String, ?> properties) {
            requireNonNull(properties, "properties is null");
            return new ConfigException(requireNonNull(problem, "problem is null").message());
        }
    },
    /**
     * The reason of a missing value starts with the key
     * ({@code ...for configuration database.user: database.user is required: give the user name}), and a problem
     * across keys is the reason alone ({@code table.include.list and ... cannot both be set}).
     */
    KEY_FIRST {
        @Override
        String required(String key, String whatToGive) {
            return key + " is required: give " + whatToGive;
        }

        @Override
        String acrossKeys(String key, Object value, String reason) {
            return reason;
        }

        @Override
        public ConfigException toException(ConfigProblem problem, Map<String, ?> properties) {
            requireNonNull(problem, "problem is null");
            return new ConfigException(problem.key(), requireNonNull(properties, "properties is null").get(problem.key()),
                    problem.message());
        }
    };

    /** The reason for a missing or blank value of {@code key}, e.g. {@code whatToGive = "the user name"}. */
    abstract String required(String key, String whatToGive);

    /** The message of a problem across keys, worded about {@code key} and its {@code value}. */
    abstract String acrossKeys(String key, Object value, String reason);

    /**
     * The exception that {@code parse} throws for a problem across keys; its message reads
     * {@code Invalid value <value> for configuration <key>: <reason>} in both wordings.
     */
    public abstract ConfigException toException(ConfigProblem problem, Map<String, ?> properties);
}
