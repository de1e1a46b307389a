package dev.cdc.source.mysql.history;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.history.InMemorySchemaHistory;
import dev.cdc.schema.history.SchemaHistory;
import dev.cdc.schema.history.SchemaHistoryEntry;
import dev.cdc.schema.history.SchemaHistoryEntryCodec;
import dev.cdc.source.mysql.offset.SourcePartitions;
import dev.cdc.source.mysql.types.MySqlTable;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable schema history, kept in the connector's own Connect offsets: one source partition
 * per table ({@link SourcePartitions#schemaHistory}) whose offset {@value #ENTRY} holds the
 * table's latest {@link SchemaHistoryEntry} ({@link SchemaHistoryEntryCodec} JSON). The entry
 * travels as the offset of the table's schema-change event, so it is committed with it: no extra
 * topic, no extra configuration, compacted by Connect's offset topic.
 *
 * <p>Rows never need it (the binlog's table maps describe each row's table exactly); it gives
 * the "before" of the next DDL's diff and the versions of the schema-change events. At start
 * every captured table's entry is read; a missing or damaged entry is rebuilt from
 * {@code information_schema} and the log says so.
 */
public final class OffsetSchemaHistory {
    public static final String ENTRY = "schema_history_entry";
    private static final Logger LOG = LoggerFactory.getLogger(OffsetSchemaHistory.class);

    private final SchemaHistory history = new InMemorySchemaHistory();
    private final SourcePartitions partitions;

    public OffsetSchemaHistory(SourcePartitions partitions) {
        this.partitions = requireNonNull(partitions, "partitions is null");
    }

    /**
     * Loads the stored entries of {@code tables}; those missing or damaged are rebuilt from
     * {@code current} (information_schema now) at {@code position}.
     *
     * @param storedOffsets reads the stored offsets of partitions (Connect's {@code OffsetStorageReader.offsets})
     * @return the tables that were rebuilt
     */
    public List<TableId> load(Map<TableId, MySqlTable> current, long position,
            Function<Collection<Map<String, String>>, Map<Map<String, String>, Map<String, Object>>> storedOffsets) {
        List<Map<String, String>> keys = current.keySet().stream().map(partitions::schemaHistory).toList();
        Map<Map<String, String>, Map<String, Object>> stored = keys.isEmpty() ? Map.of() : storedOffsets.apply(keys);
        List<TableId> rebuilt = new java.util.ArrayList<>();
        for (Map.Entry<TableId, MySqlTable> table : current.entrySet()) {
            Optional<SchemaHistoryEntry> entry = decode(table.getKey(), stored == null ? null : stored.get(partitions.schemaHistory(table.getKey())));
            if (entry.isPresent()) {
                history.record(entry.get());
            } else {
                history.record(SchemaHistoryEntry.of(table.getValue().toTableSchema(1, position), null));
                rebuilt.add(table.getKey());
            }
        }
        if (!rebuilt.isEmpty()) {
            LOG.info("Schema history: no stored entry for {} of {} captured tables {}; rebuilt them from information_schema as of now",
                    rebuilt.size(), current.size(), rebuilt.stream().map(TableId::displayName).toList());
        }
        return rebuilt;
    }

    private Optional<SchemaHistoryEntry> decode(TableId table, Map<String, Object> offset) {
        Object text = offset == null ? null : offset.get(ENTRY);
        if (text == null) {
            return Optional.empty();
        }
        try {
            SchemaHistoryEntry entry = SchemaHistoryEntryCodec.decode(text.toString().getBytes(StandardCharsets.UTF_8));
            return entry.isDrop() ? Optional.empty() : Optional.of(entry);
        } catch (IllegalArgumentException e) {
            LOG.warn("Schema history: the stored entry of {} is damaged ({}); rebuilding it from information_schema",
                    table.displayName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The latest schema of a table; empty when unknown or dropped. */
    public Optional<TableSchema> latest(TableId table) {
        return history.schemaAt(table, Long.MAX_VALUE);
    }

    /** Records an entry and returns the offset that stores it. */
    public Map<String, Object> record(SchemaHistoryEntry entry) {
        history.record(entry);
        return Map.of(ENTRY, new String(SchemaHistoryEntryCodec.encode(entry), StandardCharsets.UTF_8));
    }

    /** The version the next schema of {@code table} gets. */
    public long nextVersion(TableId table) {
        return latest(table).map(schema -> schema.version() + 1).orElse(1L);
    }

    public Map<String, String> partition(TableId table) {
        return partitions.schemaHistory(table);
    }
}
