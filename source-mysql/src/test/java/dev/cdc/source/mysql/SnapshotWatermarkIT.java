package dev.cdc.source.mysql;

import static dev.cdc.source.mysql.RunningTask.after;
import static dev.cdc.source.mysql.RunningTask.isChange;
import static dev.cdc.source.mysql.RunningTask.op;
import static dev.cdc.source.mysql.RunningTask.position;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.core.snapshot.Chunk;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.it.Endpoints;
import dev.cdc.source.mysql.it.TestDatabase;
import dev.cdc.source.mysql.snapshot.SnapshotHooks;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The snapshot/stream boundary, made deterministic with hooks at each chunk's watermarks: a row
 * changed while its chunk is read is never emitted stale, and what a sink keeping the highest
 * position per key ends with equals the table.
 */
class SnapshotWatermarkIT {
    private TestDatabase database;
    private String topic;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("watermark");
        topic = "it." + database.name() + ".items";
        database.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e'), (6, 'f'), (7, 'g')",
                "CREATE TABLE nokey (v INT)", "INSERT INTO nokey VALUES (1), (2)");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void rowsChangedInsideTheirChunksWindowAreNeverEmittedStale() throws Exception {
        SnapshotHooks hooks = new SnapshotHooks() {
            @Override
            public void afterLowWatermark(TableId table, Chunk chunk) throws Exception {
                if (table.table().equals("items") && chunk.index() == 1) {
                    database.execute("UPDATE items SET name = 'C-during-select' WHERE id = 3", "DELETE FROM items WHERE id = 4",
                            "UPDATE items SET name = 'F-ahead' WHERE id = 6");
                }
            }

            @Override
            public void beforeHighWatermark(TableId table, Chunk chunk) throws Exception {
                if (table.table().equals("items") && chunk.index() == 2) {
                    database.execute("UPDATE items SET name = 'E-after-select' WHERE id = 5", "INSERT INTO items VALUES (8, 'h')");
                }
            }
        };
        Map<String, String> properties = Endpoints.connectorProperties();
        properties.put("database.include.list", database.name());
        properties.put("incremental.snapshot.chunk.size", "2");
        try (RunningTask task = RunningTask.start(properties, new FakeOffsetStorage(), hooks)) {
            task.awaitUntil(records -> records.stream().anyMatch(record -> isChange(record, "it." + database.name() + ".nokey")
                    && op(record).equals("r")) && records.stream().anyMatch(record -> record.topic().equals(topic)
                    && isChange(record, topic) && op(record).equals("c")));
            task.awaitUntil(records -> records.stream().filter(record -> isChange(record, "it." + database.name() + ".nokey")).count() == 2);
            List<SourceRecord> changes = task.records().stream().filter(record -> isChange(record, topic)).toList();

            assertThat(changes).filteredOn(record -> op(record).equals("r")).extracting(record -> after(record).getInt32("id"))
                    .as("rows changed while their chunk was read are left to the stream")
                    .doesNotContain(3, 4, 5);
            assertThat(changes).filteredOn(record -> op(record).equals("r") && after(record).getInt32("id") == 6)
                    .as("a row changed before its own chunk's window is read with the change")
                    .singleElement().satisfies(record -> assertThat(after(record).getString("name")).isEqualTo("F-ahead"));
            assertThat(lastByPosition(changes)).isEqualTo(table());
        }
    }

    /** What a sink keeping, per key, the change with the highest position (ties: the later) ends with. */
    private static Map<Integer, String> lastByPosition(List<SourceRecord> changes) {
        Map<Integer, Long> positions = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        for (SourceRecord record : changes) {
            int id = ((Struct) record.key()).getInt32("id");
            long position = position(record);
            if (position >= positions.getOrDefault(id, -1L)) {
                positions.put(id, position);
                Struct after = after(record);
                names.put(id, after == null ? null : after.getString("name"));
            }
        }
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }

    private Map<Integer, String> table() throws Exception {
        Map<Integer, String> rows = new HashMap<>();
        try (Connection connection = database.adminConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, name FROM items")) {
            while (result.next()) {
                rows.put(result.getInt(1), result.getString(2));
            }
        }
        return rows;
    }
}
