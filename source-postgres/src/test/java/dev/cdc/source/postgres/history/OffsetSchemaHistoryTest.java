package dev.cdc.source.postgres.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.history.SchemaHistoryEntry;

class OffsetSchemaHistoryTest {
    private final Map<Map<String, String>, Map<String, Object>> store = new HashMap<>();
    private final List<Integer> reads = new ArrayList<>();
    private final OffsetSchemaHistory history = new OffsetSchemaHistory("shop", partitions -> {
        reads.add(partitions.size());
        Map<Map<String, String>, Map<String, Object>> found = new HashMap<>();
        partitions.forEach(partition -> found.put(partition, store.get(partition)));
        return found;
    });

    private static TableSchema orders(long version) {
        return TableSchema.builder(TableId.of("shop", "public", "orders")).column("id", ColumnType.parse("INT32"), false)
                .primaryKey("id").version(version).validFromPosition(1_000 + version).build();
    }

    @Test
    void anEntryRecordedByOneTaskIsReadByTheNext() {
        Map<String, Object> offset = history.record(42, SchemaHistoryEntry.of(orders(3), "ALTER TABLE orders ..."));
        store.put(history.partition(42), offset);

        OffsetSchemaHistory next = new OffsetSchemaHistory("shop", partitions -> {
            Map<Map<String, String>, Map<String, Object>> found = new HashMap<>();
            partitions.forEach(partition -> found.put(partition, store.get(partition)));
            return found;
        });
        assertThat(next.latest(42)).hasValue(orders(3));
        assertThat(history.partition(42)).isEqualTo(Map.of("server", "shop", "table_oid", "42"));
    }

    @Test
    void preloadReadsOnceAndUnknownTablesAreReadOnFirstUse() {
        history.preload(List.of(1L, 2L));
        history.latest(1);
        history.latest(2);
        history.latest(3);

        assertThat(reads).containsExactly(2, 1);
        assertThat(history.latest(3)).isEmpty();
    }

    @Test
    void aDropOrADamagedEntryMeansNoSchema() {
        store.put(history.partition(5), OffsetSchemaHistory.offset(SchemaHistoryEntry.dropped(orders(0).id(), 9, "DROP TABLE orders")));
        store.put(history.partition(6), Map.of(OffsetSchemaHistory.ENTRY, "{not json"));

        assertThat(history.latest(5)).isEmpty();
        assertThat(history.latest(6)).isEmpty();
    }
}
