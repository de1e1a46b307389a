package dev.cdc.source.mysql.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * How change events leave the connector: topic names, the queue between the binlog reader and
 * {@code poll()}, heartbeats and tombstones. Debezium's key names and defaults.
 */
public final class OutputConfig {
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final String MAX_QUEUE_SIZE = "max.queue.size";
    public static final String MAX_QUEUE_SIZE_IN_BYTES = "max.queue.size.in.bytes";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    public static final String TOMBSTONES_ON_DELETE = "tombstones.on.delete";

    public static final int DEFAULT_MAX_BATCH_SIZE = 2048;
    public static final int DEFAULT_MAX_QUEUE_SIZE = 8192;
    public static final long DEFAULT_MAX_QUEUE_SIZE_IN_BYTES = 0;
    public static final long DEFAULT_POLL_INTERVAL_MS = 500;
    public static final int DEFAULT_HEARTBEAT_INTERVAL_MS = 0;
    public static final boolean DEFAULT_TOMBSTONES_ON_DELETE = true;

    private static final String GROUP = "Events";

    private final String topicPrefix;
    private final int maxBatchSize;
    private final int maxQueueSize;
    private final long maxQueueSizeInBytes;
    private final Duration pollInterval;
    private final Duration heartbeatInterval;
    private final boolean tombstonesOnDelete;

    OutputConfig(AbstractConfig config) {
        this.topicPrefix = config.getString(TOPIC_PREFIX);
        this.maxBatchSize = config.getInt(MAX_BATCH_SIZE);
        this.maxQueueSize = config.getInt(MAX_QUEUE_SIZE);
        this.maxQueueSizeInBytes = config.getLong(MAX_QUEUE_SIZE_IN_BYTES);
        this.pollInterval = Duration.ofMillis(config.getLong(POLL_INTERVAL_MS));
        this.heartbeatInterval = Duration.ofMillis(config.getInt(HEARTBEAT_INTERVAL_MS));
        this.tombstonesOnDelete = config.getBoolean(TOMBSTONES_ON_DELETE);
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.topicPrefix(), Importance.HIGH,
                        "Names this server's topics: <topic.prefix>.<database>.<table>, and <topic.prefix>.schema-changes."
                                + " Unique per connector.", GROUP, ++order, Width.MEDIUM, "Topic prefix")
                .define(MAX_BATCH_SIZE, Type.INT, DEFAULT_MAX_BATCH_SIZE, ConfigValidators.between(1, Integer.MAX_VALUE), Importance.LOW,
                        "Most events returned by one poll().", GROUP, ++order, Width.SHORT, "Max batch size")
                .define(MAX_QUEUE_SIZE, Type.INT, DEFAULT_MAX_QUEUE_SIZE, ConfigValidators.between(2, Integer.MAX_VALUE), Importance.LOW,
                        "Most events held between the binlog reader and poll(); must be larger than " + MAX_BATCH_SIZE + ".",
                        GROUP, ++order, Width.SHORT, "Max queue size")
                .define(MAX_QUEUE_SIZE_IN_BYTES, Type.LONG, DEFAULT_MAX_QUEUE_SIZE_IN_BYTES, ConfigValidators.atLeast(0), Importance.LOW,
                        "Most bytes (estimated) held in that queue; 0 for no limit by bytes.", GROUP, ++order, Width.SHORT, "Max queue bytes")
                .define(POLL_INTERVAL_MS, Type.LONG, DEFAULT_POLL_INTERVAL_MS, ConfigValidators.between(1, Integer.MAX_VALUE), Importance.LOW,
                        "Most milliseconds poll() waits for the first event of a batch.", GROUP, ++order, Width.SHORT, "Poll interval")
                .define(HEARTBEAT_INTERVAL_MS, Type.INT, DEFAULT_HEARTBEAT_INTERVAL_MS, ConfigValidators.atLeast(0), Importance.MEDIUM,
                        "Milliseconds between heartbeat records, which keep offsets moving while the captured tables are idle;"
                                + " 0 turns heartbeats off.", GROUP, ++order, Width.SHORT, "Heartbeat interval")
                .define(TOMBSTONES_ON_DELETE, Type.BOOLEAN, DEFAULT_TOMBSTONES_ON_DELETE, Importance.LOW,
                        "Whether a delete event is followed by a tombstone (a record with a null value) for log compaction.",
                        GROUP, ++order, Width.SHORT, "Tombstones on delete");
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    public int maxQueueSize() {
        return maxQueueSize;
    }

    /** 0 when the queue is bounded by count only. */
    public long maxQueueSizeInBytes() {
        return maxQueueSizeInBytes;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** {@link Duration#ZERO} when heartbeats are off. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    public boolean tombstonesOnDelete() {
        return tombstonesOnDelete;
    }

    /** The queue must hold more than one batch, or the reader could never get ahead of poll(). */
    static List<ConfigProblem> crossFieldProblems(Map<String, ?> values) {
        List<ConfigProblem> problems = new ArrayList<>();
        Object batch = values.get(MAX_BATCH_SIZE);
        Object queue = values.get(MAX_QUEUE_SIZE);
        int batchSize = batch == null ? DEFAULT_MAX_BATCH_SIZE : parseOrZero(batch);
        int queueSize = queue == null ? DEFAULT_MAX_QUEUE_SIZE : parseOrZero(queue);
        if (batchSize > 0 && queueSize > 0 && queueSize <= batchSize) {
            problems.add(new ConfigProblem(MAX_QUEUE_SIZE, MAX_QUEUE_SIZE + " (" + queueSize + ") must be larger than "
                    + MAX_BATCH_SIZE + " (" + batchSize + "); raise " + MAX_QUEUE_SIZE + " to at least " + (2L * batchSize)));
        }
        return problems;
    }

    private static int parseOrZero(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return 0; // the field's own validator reports it
        }
    }

    @Override
    public String toString() {
        return "topics " + topicPrefix + ".*, batches of " + maxBatchSize + ", queue of " + maxQueueSize;
    }
}
