package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Sizes of the queue between the log reader and {@code poll()}, with Debezium's key names and
 * defaults. Immutable; the constructor enforces the same rules as the validators, including the
 * cross-key rule {@code max.queue.size > max.batch.size}.
 */
public final class QueueConfig {
    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final String MAX_QUEUE_SIZE = "max.queue.size";
    public static final String MAX_QUEUE_SIZE_IN_BYTES = "max.queue.size.in.bytes";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";

    public static final int DEFAULT_MAX_BATCH_SIZE = 2048;
    public static final int DEFAULT_MAX_QUEUE_SIZE = 8192;
    public static final long DEFAULT_MAX_QUEUE_SIZE_IN_BYTES = 0;
    public static final long DEFAULT_POLL_INTERVAL_MS = 500;

    private final int maxBatchSize;
    private final int maxQueueSize;
    private final long maxQueueSizeInBytes;
    private final Duration pollInterval;

    /**
     * @throws ConfigException when a value is out of range or {@code maxQueueSize <= maxBatchSize}
     */
    public QueueConfig(int maxBatchSize, int maxQueueSize, long maxQueueSizeInBytes, Duration pollInterval) {
        requireNonNull(pollInterval, "pollInterval is null");
        Validators.positive().ensureValid(MAX_BATCH_SIZE, maxBatchSize);
        Validators.positive().ensureValid(MAX_QUEUE_SIZE, maxQueueSize);
        Validators.nonNegative("0 = no limit").ensureValid(MAX_QUEUE_SIZE_IN_BYTES, maxQueueSizeInBytes);
        Validators.positive().ensureValid(POLL_INTERVAL_MS, pollInterval.toMillis());
        String crossKeyProblem = crossKeyProblem(maxBatchSize, maxQueueSize);
        if (crossKeyProblem != null) {
            throw new ConfigException(MAX_QUEUE_SIZE, maxQueueSize, crossKeyProblem);
        }
        this.maxBatchSize = maxBatchSize;
        this.maxQueueSize = maxQueueSize;
        this.maxQueueSizeInBytes = maxQueueSizeInBytes;
        this.pollInterval = pollInterval;
    }

    /** The defaults: 2048, 8192, no byte limit, 500 ms. */
    public static QueueConfig defaults() {
        return new QueueConfig(DEFAULT_MAX_BATCH_SIZE, DEFAULT_MAX_QUEUE_SIZE, DEFAULT_MAX_QUEUE_SIZE_IN_BYTES,
                Duration.ofMillis(DEFAULT_POLL_INTERVAL_MS));
    }

    /** Declares the four keys in {@code definition} and returns it. */
    public static ConfigDef define(ConfigDef definition) {
        return definition
                .define(MAX_BATCH_SIZE, Type.INT, DEFAULT_MAX_BATCH_SIZE, Validators.positive(), Importance.MEDIUM,
                        "Largest number of change events that one poll() hands to Kafka Connect.")
                .define(MAX_QUEUE_SIZE, Type.INT, DEFAULT_MAX_QUEUE_SIZE, Validators.positive(), Importance.MEDIUM,
                        "Largest number of change events waiting between the log reader and Kafka Connect; "
                                + "when full, the reader waits (backpressure). Must be larger than " + MAX_BATCH_SIZE + ".")
                .define(MAX_QUEUE_SIZE_IN_BYTES, Type.LONG, DEFAULT_MAX_QUEUE_SIZE_IN_BYTES, Validators.nonNegative("0 = no limit"),
                        Importance.MEDIUM, "Largest approximate size in bytes of the change events waiting between the "
                                + "log reader and Kafka Connect; 0 means the queue is bounded by " + MAX_QUEUE_SIZE + " only.")
                .define(POLL_INTERVAL_MS, Type.LONG, DEFAULT_POLL_INTERVAL_MS, Validators.positive(), Importance.LOW,
                        "Longest time in milliseconds that one poll() waits for a change event when there is none.");
    }

    /**
     * The values of a parsed config.
     *
     * @throws ConfigException when {@code max.queue.size <= max.batch.size}
     */
    public static QueueConfig from(AbstractConfig config) {
        return new QueueConfig(config.getInt(MAX_BATCH_SIZE), config.getInt(MAX_QUEUE_SIZE),
                config.getLong(MAX_QUEUE_SIZE_IN_BYTES), Duration.ofMillis(config.getLong(POLL_INTERVAL_MS)));
    }

    /**
     * Adds the cross-key error ({@code max.queue.size} must exceed {@code max.batch.size}) to the
     * {@code max.queue.size} entry of a validation result, when both keys parsed.
     *
     * @param valuesByName the result of {@link ConfigDef#validateAll(Map)}
     */
    public static void validateAcrossKeys(Map<String, ConfigValue> valuesByName) {
        ConfigValue batch = valuesByName.get(MAX_BATCH_SIZE);
        ConfigValue queue = valuesByName.get(MAX_QUEUE_SIZE);
        if (batch == null || queue == null || !batch.errorMessages().isEmpty() || !queue.errorMessages().isEmpty()
                || !(batch.value() instanceof Integer batchSize) || !(queue.value() instanceof Integer queueSize)) {
            return;
        }
        String problem = crossKeyProblem(batchSize, queueSize);
        if (problem != null) {
            queue.addErrorMessage(new ConfigException(MAX_QUEUE_SIZE, queueSize, problem).getMessage());
        }
    }

    private static String crossKeyProblem(int maxBatchSize, int maxQueueSize) {
        if (maxQueueSize > maxBatchSize) {
            return null;
        }
        return "must be larger than " + MAX_BATCH_SIZE + " (" + maxBatchSize + "), so that the reader can keep filling "
                + "the queue while a batch is handed over; set it to at least " + (4L * maxBatchSize)
                + " or lower " + MAX_BATCH_SIZE;
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    public int maxQueueSize() {
        return maxQueueSize;
    }

    /** The byte bound of the queue; 0 means unbounded by bytes. */
    public long maxQueueSizeInBytes() {
        return maxQueueSizeInBytes;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    @Override
    public String toString() {
        return MAX_BATCH_SIZE + "=" + maxBatchSize + ", " + MAX_QUEUE_SIZE + "=" + maxQueueSize + ", "
                + MAX_QUEUE_SIZE_IN_BYTES + "=" + maxQueueSizeInBytes + ", " + POLL_INTERVAL_MS + "=" + pollInterval.toMillis();
    }
}
