package dev.cdc.launcher.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a source connector's committed offsets ({@code GET /connectors/<name>/offsets}) say about
 * its tables, for our MySQL and Postgres sources:
 * <ul>
 *   <li>the snapshot in progress: cdc-core's {@code SnapshotState} keys ({@code snapshot_tables},
 *   {@code snapshot_chunk}, {@code snapshot_rows}) in the connector's main partition
 *   {@code {server: <topic.prefix>}}, or the same keys with the {@code incremental_} prefix of a
 *   Postgres re-snapshot; absent once the snapshot completed;</li>
 *   <li>the captured tables the durable schema history names: one partition
 *   {@code {server, table: <db>.<table>}} per table (MySQL).</li>
 * </ul>
 * Offsets of other connectors hold none of these keys and give no snapshot and no tables. The
 * {@code snapshot_tables} list is decoded here (cdc-core's {@code ChunkKeyCodec} list of strings,
 * {@code s:<URL-encoded name>} joined by commas) because the launcher does not depend on cdc-core.
 */
record SourceOffsets(Optional<Snapshot> snapshot, Set<String> historyTables) {
    private static final List<String> SNAPSHOT_KEY_PREFIXES = List.of("snapshot_", "incremental_snapshot_");

    public SourceOffsets {
        historyTables = Set.copyOf(historyTables);
    }

    /** A snapshot in progress as of the last committed offset: the current table first. */
    record Snapshot(List<String> remainingTables, long rowsDone, long lastFinishedChunk) {
        public Snapshot {
            remainingTables = List.copyOf(remainingTables);
        }

        Optional<String> currentTable() {
            return remainingTables.isEmpty() ? Optional.empty() : Optional.of(remainingTables.get(0));
        }

        boolean isPending(String table) {
            return remainingTables.indexOf(table) > 0;
        }
    }

    static SourceOffsets parse(List<JsonNode> offsets) {
        Snapshot snapshot = null;
        Set<String> tables = new TreeSet<>();
        for (JsonNode entry : offsets) {
            JsonNode partition = entry.path("partition");
            if (partition.path("table").isTextual()) {
                tables.add(partition.path("table").asText());
            } else if (snapshot == null) {
                snapshot = snapshot(entry.path("offset")).orElse(null);
            }
        }
        return new SourceOffsets(Optional.ofNullable(snapshot), tables);
    }

    private static Optional<Snapshot> snapshot(JsonNode offset) {
        for (String prefix : SNAPSHOT_KEY_PREFIXES) {
            JsonNode tables = offset.path(prefix + "tables");
            if (tables.isTextual() && !tables.asText().isEmpty()) {
                return Optional.of(new Snapshot(decodeTables(tables.asText()), offset.path(prefix + "rows").asLong(0),
                        offset.path(prefix + "chunk").asLong(-1)));
            }
        }
        return Optional.empty();
    }

    /** {@code s:inventory.orders,s:inventory.order%2Ditems} to its table names; other values as they are. */
    static List<String> decodeTables(String encoded) {
        List<String> tables = new ArrayList<>();
        for (String part : encoded.split(",")) {
            String text = part.startsWith("s:") ? part.substring(2) : part;
            tables.add(URLDecoder.decode(text, StandardCharsets.UTF_8));
        }
        return tables;
    }
}
