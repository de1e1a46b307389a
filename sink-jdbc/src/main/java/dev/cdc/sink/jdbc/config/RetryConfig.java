package dev.cdc.sink.jdbc.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * Retries of transient failures (lost connections, deadlocks, serialization failures, resource shortage).
 *
 * @param maxRetries        retries of one batch before the task fails
 * @param backoffMillis     wait before the first retry, doubled on every further one
 * @param maxBackoffMillis  longest wait
 */
public record RetryConfig(int maxRetries, long backoffMillis, long maxBackoffMillis) {
    public static final String GROUP = "Retries";
    public static final String MAX_RETRIES = "max.retries";
    public static final String BACKOFF_MS = "retry.backoff.ms";
    public static final String MAX_BACKOFF_MS = "retry.backoff.max.ms";

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(MAX_RETRIES, Type.INT, 10, ConfigValidators.between(0, 1_000), Importance.MEDIUM,
                        "Retries of a batch that failed transiently (SQLSTATE classes 08, 40, 53, 57P; deadlocks, lock wait "
                                + "timeouts) before the task fails.", GROUP, ++order, Width.SHORT, "Max retries")
                .define(BACKOFF_MS, Type.LONG, 500L, ConfigValidators.between(0, 3_600_000), Importance.LOW,
                        "Wait before the first retry; doubled on every further retry up to " + MAX_BACKOFF_MS + ".",
                        GROUP, ++order, Width.SHORT, "Retry backoff")
                .define(MAX_BACKOFF_MS, Type.LONG, 30_000L, ConfigValidators.between(0, 3_600_000), Importance.LOW,
                        "Longest wait between two retries.", GROUP, ++order, Width.SHORT, "Max retry backoff");
    }

    static RetryConfig from(AbstractConfig config) {
        long backoff = config.getLong(BACKOFF_MS);
        long maxBackoff = config.getLong(MAX_BACKOFF_MS);
        if (maxBackoff < backoff) {
            throw new ConfigException(MAX_BACKOFF_MS, maxBackoff, "must not be below " + BACKOFF_MS + " (" + backoff + ")");
        }
        return new RetryConfig(config.getInt(MAX_RETRIES), backoff, maxBackoff);
    }
}
