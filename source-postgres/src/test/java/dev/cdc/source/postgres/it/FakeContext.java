package dev.cdc.source.postgres.it;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A hand-written {@link SourceTaskContext} whose offset store is a map: what a test "commits" is
 * what the task reads back, as from Connect's offset topic.
 */
public final class FakeContext implements SourceTaskContext {
    private final Map<String, String> config;
    private final Map<Map<String, ?>, Map<String, Object>> committed = new ConcurrentHashMap<>();

    public FakeContext(Map<String, String> config) {
        this.config = Map.copyOf(config);
    }

    /** Stores an offset as Connect does after Kafka acknowledged the records before it. */
    public void commitOffset(Map<String, ?> partition, Map<String, ?> offset) {
        committed.put(Map.copyOf(partition), new HashMap<>(offset));
    }

    public Map<String, Object> committedOffset(Map<String, ?> partition) {
        return committed.get(partition);
    }

    @Override
    public Map<String, String> configs() {
        return config;
    }

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the PostgreSQL source registers no plugin metrics");
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                Map<String, Object> offset = committed.get(partition);
                return offset == null ? null : new HashMap<>(offset);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
                partitions.forEach(partition -> result.put(partition, offset(partition)));
                return result;
            }
        };
    }
}
