package dev.cdc.core.heartbeat;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import dev.cdc.core.config.HeartbeatConfig;

/**
 * Emits a heartbeat record when no captured change was emitted for {@code heartbeat.interval.ms},
 * so that the connector's offset keeps moving while the captured tables are idle (and a Postgres
 * slot can release WAL). The record goes to {@code <heartbeat.topics.prefix>.<topic.prefix>}
 * (Debezium: {@code __debezium-heartbeat.<prefix>}) with Debezium's schemas: key
 * {@code io.debezium.connector.common.ServerNameKey {serverName}}, value
 * {@code io.debezium.connector.common.Heartbeat {ts_ms}}, and it carries the current source offset.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The reader thread calls {@link #changeEmitted()} for every captured change it enqueues and
 *   {@link #recordIfDue(Supplier)} for every log event it reads (captured or not) and when the log is
 *   idle, and enqueues the heartbeat through the same {@link dev.cdc.core.queue.ChangeEventQueue}.
 *   That keeps the heartbeat's offset behind every change before it: producing a heartbeat from
 *   {@code poll()} with the reader's live offset could commit an offset past changes still queued.</li>
 *   <li>At most one heartbeat per interval, even when several threads call; disabled (interval 0)
 *   means never.</li>
 * </ul>
 * Thread-safe.
 */
public final class Heartbeat {
    public static final String KEY_SCHEMA_NAME = "io.debezium.connector.common.ServerNameKey";
    public static final String VALUE_SCHEMA_NAME = "io.debezium.connector.common.Heartbeat";
    public static final String SERVER_NAME_FIELD = "serverName";
    public static final String TIMESTAMP_FIELD = "ts_ms";

    public static final Schema KEY_SCHEMA = SchemaBuilder.struct().name(KEY_SCHEMA_NAME).version(1)
            .field(SERVER_NAME_FIELD, Schema.STRING_SCHEMA).build();
    public static final Schema VALUE_SCHEMA = SchemaBuilder.struct().name(VALUE_SCHEMA_NAME).version(1)
            .field(TIMESTAMP_FIELD, Schema.INT64_SCHEMA).build();

    private final long intervalMillis;
    private final String topic;
    private final Struct key;
    private final Map<String, ?> sourcePartition;
    private final Clock clock;
    private final AtomicLong lastActivityMillis;

    /**
     * @param config          interval and topic prefix
     * @param topicPrefix     the connector's {@code topic.prefix}
     * @param sourcePartition the Connect source partition of the connector's offsets
     * @param clock           the clock that decides when a heartbeat is due
     */
    public Heartbeat(HeartbeatConfig config, String topicPrefix, Map<String, ?> sourcePartition, Clock clock) {
        requireNonNull(config, "config is null");
        requireNonNull(topicPrefix, "topicPrefix is null");
        this.intervalMillis = config.interval().toMillis();
        this.topic = config.topicFor(topicPrefix);
        this.key = new Struct(KEY_SCHEMA).put(SERVER_NAME_FIELD, topicPrefix);
        this.sourcePartition = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(sourcePartition, "sourcePartition is null")));
        this.clock = requireNonNull(clock, "clock is null");
        this.lastActivityMillis = new AtomicLong(clock.millis());
    }

    /** The heartbeat topic. */
    public String topic() {
        return topic;
    }

    public boolean enabled() {
        return intervalMillis > 0;
    }

    /** A captured change was emitted: the next heartbeat is due one interval from now. */
    public void changeEmitted() {
        lastActivityMillis.set(clock.millis());
    }

    /**
     * The heartbeat record when one is due, carrying the offset from {@code currentOffset} (asked
     * only then); the interval restarts.
     */
    public Optional<SourceRecord> recordIfDue(Supplier<? extends Map<String, ?>> currentOffset) {
        requireNonNull(currentOffset, "currentOffset is null");
        if (!enabled()) {
            return Optional.empty();
        }
        long now = clock.millis();
        long last = lastActivityMillis.get();
        if (now - last < intervalMillis || !lastActivityMillis.compareAndSet(last, now)) {
            return Optional.empty();
        }
        Map<String, ?> offset = Collections.unmodifiableMap(new LinkedHashMap<>(currentOffset.get()));
        Struct value = new Struct(VALUE_SCHEMA).put(TIMESTAMP_FIELD, now);
        return Optional.of(new SourceRecord(sourcePartition, offset, topic, null, KEY_SCHEMA, key, VALUE_SCHEMA, value));
    }
}
