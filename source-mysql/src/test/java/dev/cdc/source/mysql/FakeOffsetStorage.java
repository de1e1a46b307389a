package dev.cdc.source.mysql;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * What Connect's offset store does for a source task, by hand: {@link #commit} keeps the offset of
 * each partition of the records given (the last one wins, as in Connect's offset topic), and a new
 * task reads them back through {@link #context()}.
 */
final class FakeOffsetStorage implements OffsetStorageReader {
    private final Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();

    synchronized void commit(List<SourceRecord> records) {
        for (SourceRecord record : records) {
            @SuppressWarnings("unchecked")
            Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
            committed.put(Map.copyOf(record.sourcePartition()), offset == null ? null : Map.copyOf(offset));
        }
    }

    /** A copy whose offsets lack {@code gtids}: what a server without GTIDs leaves, to resume by file and position. */
    synchronized FakeOffsetStorage withoutGtids() {
        FakeOffsetStorage copy = new FakeOffsetStorage();
        committed.forEach((partition, offset) -> {
            Map<String, Object> stripped = offset == null ? null : new HashMap<>(offset);
            if (stripped != null) {
                stripped.remove("gtids");
            }
            copy.committed.put(partition, stripped);
        });
        return copy;
    }

    synchronized Map<String, Object> committed(Map<String, ?> partition) {
        return committed.get(partition);
    }

    @Override
    public synchronized <T> Map<String, Object> offset(Map<String, T> partition) {
        return committed.get(partition);
    }

    @Override
    public synchronized <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        for (Map<String, T> partition : partitions) {
            result.put(partition, committed.get(partition));
        }
        return result;
    }

    SourceTaskContext context(Map<String, String> configs) {
        OffsetStorageReader reader = this;
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return configs;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }

            @Override
            public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
                throw new UnsupportedOperationException("no plugin metrics in tests");
            }
        };
    }
}
