package dev.cdc.source.mysql;

import static dev.cdc.source.mysql.RunningTask.after;
import static dev.cdc.source.mysql.RunningTask.isChange;
import static dev.cdc.source.mysql.RunningTask.op;
import static dev.cdc.source.mysql.RunningTask.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Objects;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A re-snapshot of one table asked for by a config change ({@code snapshot.ondemand.id} and
 * {@code snapshot.ondemand.tables}) against the real MariaDB: the restarted task snapshots the
 * table again in chunks while it streams the changes made meanwhile, rows changed inside their
 * chunk's window are left to the stream, the other table is not read again, a restart in the middle
 * resumes after the last committed chunk, and the same id does not start it again.
 */
class OnDemandSnapshotIT {
    private static final int ROWS = 60;
    private TestDatabase database;
    private String items;
    private String other;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("ondemand");
        items = "it." + database.name() + ".items";
        other = "it." + database.name() + ".other";
        database.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))", "CREATE TABLE other (id INT PRIMARY KEY)",
                "INSERT INTO other VALUES (1), (2), (3)");
        StringBuilder insert = new StringBuilder("INSERT INTO items VALUES ");
        for (int id = 1; id <= ROWS; id++) {
            insert.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'n").append(id).append("')");
        }
        database.execute(insert.toString());
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    private Map<String, String> properties(String onDemandId) {
        Map<String, String> properties = Endpoints.connectorProperties();
        properties.put("database.include.list", database.name());
        properties.put("incremental.snapshot.chunk.size", "7");
        if (onDemandId != null) {
            properties.put("snapshot.ondemand.id", onDemandId);
            properties.put("snapshot.ondemand.tables", database.name() + ".items");
        }
        return properties;
    }

    @Test
    void aNewIdSnapshotsTheTablesAgainWhileStreamingAndOnlyOnce() throws Exception {
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        Map<Integer, Long> positions = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        try (RunningTask task = RunningTask.start(properties(null), offsets, SnapshotHooks.NONE)) {
            List<SourceRecord> initial = task.awaitRecords(record -> isChange(record, items) || isChange(record, other), ROWS + 3);
            fold(initial, positions, names);
            task.commitAll();
        }
        database.execute("UPDATE items SET name = 'while-stopped' WHERE id <= 5", "DELETE FROM items WHERE id = 30");

        SnapshotHooks hooks = new SnapshotHooks() {
            @Override
            public void afterLowWatermark(TableId table, Chunk chunk) throws Exception {
                if (chunk.index() == 1) { // ids 8 to 14
                    database.execute("UPDATE items SET name = 'in-window' WHERE id = 9", "DELETE FROM items WHERE id = 12");
                }
            }

            @Override
            public void beforeHighWatermark(TableId table, Chunk chunk) throws Exception {
                if (chunk.index() == 2) { // ids 15 to 21
                    database.execute("INSERT INTO items VALUES (100, 'during')", "UPDATE items SET name = 'after-select' WHERE id = 16");
                }
            }
        };
        List<SourceRecord> second;
        try (RunningTask task = RunningTask.start(properties("run-1"), offsets, hooks)) {
            task.awaitUntil(records -> snapshotRows(records).stream().anyMatch(record -> after(record).getInt32("id") == 100));
            second = task.records().stream().filter(record -> isChange(record, items) || isChange(record, other)).toList();
            task.commitAll();
        }
        assertThat(second).filteredOn(record -> isChange(record, other)).as("a table not asked for is not read again").isEmpty();
        List<SourceRecord> snapshot = snapshotRows(second);
        assertThat(snapshot).extracting(record -> after(record).getInt32("id")).as("rows changed inside their chunk's window")
                .doesNotContain(9, 12, 16, 30).contains(8, 10, 17, ROWS, 100).doesNotHaveDuplicates();
        assertThat(snapshot).as("rows changed while the task was stopped: read with the change, or left to the stream when the"
                + " reader replays that change inside their chunk's window")
                .filteredOn(record -> after(record).getInt32("id") <= 5)
                .allSatisfy(record -> assertThat(after(record).getString("name")).isEqualTo("while-stopped"));
        assertThat(snapshot).allSatisfy(record -> assertThat(record.sourceOffset().get("snapshot_ondemand_id")).isEqualTo("run-1"));
        fold(second, positions, names);
        assertThat(names).isEqualTo(table());

        try (RunningTask task = RunningTask.start(properties("run-1"), offsets, SnapshotHooks.NONE)) {
            database.execute("INSERT INTO items VALUES (101, 'marker')");
            task.awaitRecords(record -> isChange(record, items) && after(record) != null && after(record).getInt32("id") == 101, 1);
            assertThat(snapshotRows(task.records())).as("the same id again: no snapshot").isEmpty();
        }
    }

    @Test
    void aRestartInTheMiddleResumesAfterTheLastCommittedChunk() throws Exception {
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        try (RunningTask task = RunningTask.start(properties(null), offsets, SnapshotHooks.NONE)) {
            task.awaitRecords(record -> isChange(record, items) || isChange(record, other), ROWS + 3);
            task.commitAll();
        }
        try (RunningTask task = RunningTask.start(properties("run-2"), offsets, SnapshotHooks.NONE)) {
            List<SourceRecord> records = task.awaitRecords(record -> isChange(record, items) && op(record).equals("r"), 14);
            List<SourceRecord> firstTwoChunks = snapshotRows(records).subList(0, 14);
            task.commitFirst(records.indexOf(firstTwoChunks.get(13)) + 1);
        }
        try (RunningTask task = RunningTask.start(properties("run-2"), offsets, SnapshotHooks.NONE)) {
            task.awaitUntil(records -> snapshotRows(records).stream().anyMatch(record -> after(record).getInt32("id") == ROWS));
            assertThat(snapshotRows(task.records())).extracting(record -> after(record).getInt32("id")).as("resumed after the second chunk, the last committed")
                    .startsWith(15).doesNotContain(14).hasSize(ROWS - 14);
        }
    }

    @Test
    void aTableThatIsNotCapturedStopsTheTaskWithTheFix() {
        Map<String, String> properties = properties("run-3");
        properties.put("snapshot.ondemand.tables", database.name() + ".missing");
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        try (RunningTask task = RunningTask.start(properties(null), offsets, SnapshotHooks.NONE)) {
            task.awaitRecords(record -> isChange(record, items) || isChange(record, other), ROWS + 3);
            task.commitAll();
        }
        assertThatThrownBy(() -> RunningTask.start(properties, offsets, SnapshotHooks.NONE).close())
                .isInstanceOf(ConnectException.class).hasMessageContaining(database.name() + ".missing")
                .hasMessageContaining("which this connector does not capture");
    }

    private List<SourceRecord> snapshotRows(List<SourceRecord> records) {
        return records.stream().filter(record -> isChange(record, items) && op(record).equals("r")).toList();
    }

    /** What a sink keeping, per key, the change with the highest position (ties: the later) ends with. */
    private static void fold(List<SourceRecord> changes, Map<Integer, Long> positions, Map<Integer, String> names) {
        for (SourceRecord record : changes) {
            if (!(record.key() instanceof Struct key) || key.schema().field("id") == null || record.value() == null) {
                continue;
            }
            int id = key.getInt32("id");
            if (record.topic().endsWith(".other")) {
                continue;
            }
            long position = position(record);
            if (position >= positions.getOrDefault(id, -1L)) {
                positions.put(id, position);
                Struct after = after(record);
                names.put(id, after == null ? null : after.getString("name"));
            }
        }
        names.values().removeIf(Objects::isNull);
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
