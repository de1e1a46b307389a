package dev.cdc.testkit.connect;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A hand-written source task context for driving a {@code SourceTask} directly in tests. Its
 * offset store is an in-memory map: what a test stores with {@link #commitOffset} is what the
 * task reads back through {@link #offsetStorageReader()}, as from Connect's offset topic after
 * Kafka acknowledged the records. Thread-safe: a test thread commits while the task reads.
 */
public final class FakeSourceTaskContext implements SourceTaskContext {
    private final Map<String, String> configs;
    private final Map<Map<String, ?>, Map<String, Object>> committed = new ConcurrentHashMap<>();

    public FakeSourceTaskContext(Map<String, String> configs) {
        this.configs = Map.copyOf(configs);
    }

    /** Stores the offset of a source partition, replacing the one stored before, as Connect does after Kafka acknowledged the record. */
    public void commitOffset(Map<String, ?> partition, Map<String, ?> offset) {
        committed.put(Map.copyOf(partition), new HashMap<>(offset));
    }

    /** The stored offset of a source partition (a copy); null when none was stored. */
    public Map<String, Object> committedOffset(Map<String, ?> partition) {
        Map<String, Object> offset = committed.get(partition);
        return offset == null ? null : new HashMap<>(offset);
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return committedOffset(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> offsets = new HashMap<>();
                partitions.forEach(partition -> offsets.put(partition, committedOffset(partition)));
                return offsets;
            }
        };
    }

    /** No plugin metrics in tests (as {@link FakeSinkTaskContext}). */
    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
