package dev.cdc.sink.elasticsearch.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** How writes are batched into {@code _bulk} requests, how many run at once, how failures are retried. */
public record BulkConfig(
        int batchSize,
        long batchSizeBytes,
        long lingerMs,
        int maxInFlightRequests,
        int maxRetries,
        long retryBackoffMs,
        long retryBackoffMaxMs) {
    public static final String GROUP = "Bulk";
    public static final String BATCH_SIZE = "batch.size";
    public static final String BATCH_SIZE_BYTES = "batch.size.bytes";
    public static final String LINGER_MS = "linger.ms";
    public static final String MAX_IN_FLIGHT_REQUESTS = "max.in.flight.requests";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(BATCH_SIZE, Type.INT, 2_000, ConfigValidators.between(1, 1_000_000), Importance.MEDIUM,
                        "Most actions in one _bulk request.", GROUP, ++order, Width.SHORT, "Batch size")
                .define(BATCH_SIZE_BYTES, Type.LONG, 5L * 1024 * 1024, ConfigValidators.between(1024, 100L * 1024 * 1024),
                        Importance.MEDIUM, "Most bytes in one _bulk request body (Elasticsearch refuses bodies over"
                                + " http.max_content_length, 100 MiB by default). A single larger document is sent alone.",
                        GROUP, ++order, Width.SHORT, "Batch size in bytes")
                .define(LINGER_MS, Type.LONG, 1L, ConfigValidators.between(0, 600_000), Importance.LOW,
                        "Milliseconds a batch that is not full waits for more records before it is sent.",
                        GROUP, ++order, Width.SHORT, "Linger")
                .define(MAX_IN_FLIGHT_REQUESTS, Type.INT, 2, ConfigValidators.between(1, 64), Importance.MEDIUM,
                        "_bulk requests in flight at once per task. A key is never in two requests in flight, so the"
                                + " order of the changes of one key is kept.", GROUP, ++order, Width.SHORT, "Max in-flight requests")
                .define(MAX_RETRIES, Type.INT, 30, ConfigValidators.between(0, 1_000), Importance.MEDIUM,
                        "Retries of a request or item that failed transiently (connection loss, 429, 5xx) before the"
                                + " task fails; with the default backoff, 30 retries ride out about 4.5 minutes of"
                                + " unavailability (an Elasticsearch restart), with backpressure on Kafka meanwhile.", GROUP, ++order, Width.SHORT, "Max retries")
                .define(RETRY_BACKOFF_MS, Type.LONG, 100L, ConfigValidators.between(0, 3_600_000), Importance.LOW,
                        "Wait before the first retry; doubled on every further retry, with jitter, up to "
                                + RETRY_BACKOFF_MAX_MS + ".", GROUP, ++order, Width.SHORT, "Retry backoff")
                .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 10_000L, ConfigValidators.between(0, 3_600_000), Importance.LOW,
                        "Longest wait between two retries.", GROUP, ++order, Width.SHORT, "Max retry backoff");
    }

    static BulkConfig from(AbstractConfig config) {
        long backoff = config.getLong(RETRY_BACKOFF_MS);
        long backoffMax = config.getLong(RETRY_BACKOFF_MAX_MS);
        if (backoffMax < backoff) {
            throw new ConfigException(RETRY_BACKOFF_MAX_MS, backoffMax, "must not be below " + RETRY_BACKOFF_MS + " (" + backoff + ")");
        }
        return new BulkConfig(
                config.getInt(BATCH_SIZE),
                config.getLong(BATCH_SIZE_BYTES),
                config.getLong(LINGER_MS),
                config.getInt(MAX_IN_FLIGHT_REQUESTS),
                config.getInt(MAX_RETRIES),
                backoff,
                backoffMax);
    }
}
