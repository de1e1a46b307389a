package dev.cdc.source.postgres.history;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.schema.TableSchema;
import dev.cdc.schema.history.SchemaHistoryEntry;
import dev.cdc.schema.history.SchemaHistoryEntryCodec;

/**
 * The last known schema of every captured table, kept durably in the connector's own Connect
 * offsets, so that a schema changed while the connector was stopped is still reported after a
 * restart.
 *
 * <h2>Storage</h2>
 * One source partition per table, {@code {"server": <topic.prefix>, "table_oid": "<oid>"}},
 * whose offset {@code {"schema_history_entry": <SchemaHistoryEntryCodec JSON>}} holds the table's
 * latest {@link SchemaHistoryEntry}. The entry is the offset of the table's schema-change record,
 * so Connect stores it when Kafka holds the record: no extra topic, no extra setting, compacted
 * with the offsets topic. Tables are keyed by oid, the relation id of pgoutput's Relation
 * messages, which a RENAME TABLE keeps: a table renamed while the connector was stopped is still
 * found, and reported as renamed. A dropped table keeps a drop entry.
 *
 * <h2>Reading</h2>
 * {@link #preload} reads the entries of the tables captured at start in one call; a table seen
 * later (created, or dropped while stopped) is read on first use. Entries written by this task
 * are kept in memory, so a reader restarted after a retriable failure compares with what it
 * emitted last, not with what was committed. Thread-safe; used by one reader thread at a time.
 */
public final class OffsetSchemaHistory {
    public static final String SERVER = "server";
    public static final String TABLE_OID = "table_oid";
    public static final String ENTRY = "schema_history_entry";

    private static final Logger LOG = LoggerFactory.getLogger(OffsetSchemaHistory.class);

    /** Reads stored offsets of partitions, as {@code OffsetStorageReader.offsets}. */
    @FunctionalInterface
    public interface StoredOffsets {
        Map<Map<String, String>, Map<String, Object>> read(Collection<Map<String, String>> partitions);
    }

    private final String serverName;
    private final StoredOffsets stored;
    private final Map<Long, Optional<SchemaHistoryEntry>> entries = new HashMap<>();

    /**
     * @param serverName the {@code topic.prefix}
     */
    public OffsetSchemaHistory(String serverName, StoredOffsets stored) {
        this.serverName = requireNonNull(serverName, "serverName is null");
        this.stored = requireNonNull(stored, "stored is null");
    }

    /** The source partition of a table's entry. */
    public Map<String, String> partition(long tableOid) {
        return Map.of(SERVER, serverName, TABLE_OID, Long.toString(tableOid));
    }

    /** Reads the stored entries of tables not read yet, in one call. */
    public synchronized void preload(Collection<Long> tableOids) {
        List<Long> missing = tableOids.stream().filter(oid -> !entries.containsKey(oid)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<Map<String, String>, Map<String, Object>> offsets = stored.read(missing.stream().map(this::partition).toList());
        int found = 0;
        for (long oid : missing) {
            Optional<SchemaHistoryEntry> entry = decode(oid, offsets == null ? null : offsets.get(partition(oid)));
            entries.put(oid, entry);
            found += entry.isPresent() ? 1 : 0;
        }
        LOG.info("Schema history: {} of {} tables have a stored schema", found, missing.size());
    }

    /** The latest schema of a table; empty when never seen or dropped. */
    public synchronized Optional<TableSchema> latest(long tableOid) {
        if (!entries.containsKey(tableOid)) {
            preload(List.of(tableOid));
        }
        return entries.get(tableOid).flatMap(SchemaHistoryEntry::schema);
    }

    /** Records an entry of a table and returns the offset that stores it. */
    public synchronized Map<String, Object> record(long tableOid, SchemaHistoryEntry entry) {
        requireNonNull(entry, "entry is null");
        entries.put(tableOid, Optional.of(entry));
        return offset(entry);
    }

    /** The offset that stores an entry. */
    public static Map<String, Object> offset(SchemaHistoryEntry entry) {
        return Map.of(ENTRY, new String(SchemaHistoryEntryCodec.encode(entry), StandardCharsets.UTF_8));
    }

    private Optional<SchemaHistoryEntry> decode(long oid, Map<String, Object> offset) {
        Object text = offset == null ? null : offset.get(ENTRY);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SchemaHistoryEntryCodec.decode(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            LOG.warn("Schema history: the stored entry of table oid {} is damaged ({}); its next Relation message counts as"
                    + " first seen", oid, e.getMessage());
            return Optional.empty();
        }
    }
}
