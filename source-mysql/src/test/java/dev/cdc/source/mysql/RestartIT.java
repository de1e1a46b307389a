package dev.cdc.source.mysql;

import static dev.cdc.source.mysql.RunningTask.after;
import static dev.cdc.source.mysql.RunningTask.isChange;
import static dev.cdc.source.mysql.RunningTask.op;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.source.mysql.it.Endpoints;
import dev.cdc.source.mysql.it.TestDatabase;
import dev.cdc.source.mysql.snapshot.SnapshotHooks;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task stopped without committing its last records (what a kill -9 leaves) and started again
 * from the committed offset: nothing lost, and only the uncommitted tail emitted again, with the
 * same positions.
 */
class RestartIT {
    private TestDatabase database;
    private String topic;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("restart");
        topic = "it." + database.name() + ".items";
        database.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    private Map<String, String> properties(String snapshotMode) {
        Map<String, String> properties = Endpoints.connectorProperties();
        properties.put("database.include.list", database.name());
        properties.put("snapshot.mode", snapshotMode);
        properties.put("incremental.snapshot.chunk.size", "2");
        return properties;
    }

    @Test
    void resumesInsideATransactionWithoutLossAndWithTheSamePositions() throws Exception {
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        List<SourceRecord> first;
        try (RunningTask task = RunningTask.start(properties("never"), offsets, SnapshotHooks.NONE)) {
            database.execute("INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e'), (6, 'f')",
                    "UPDATE items SET name = UPPER(name) WHERE id <= 3");
            first = changes(task.awaitRecords(record -> isChange(record, topic), 9));
            task.commitFirst(indexOf(task.records(), first.get(3)) + 1);
        }
        assertThat(first).extracting(RunningTask::op).containsExactly("c", "c", "c", "c", "c", "c", "u", "u", "u");

        try (RunningTask task = RunningTask.start(properties("never"), offsets.withoutGtids(), SnapshotHooks.NONE)) {
            List<SourceRecord> again = changes(task.awaitRecords(record -> isChange(record, topic), 5));
            assertThat(again).as("resumed by file and position").extracting(record -> after(record).getInt32("id")).containsExactly(5, 6, 1, 2, 3);
            assertThat(again).extracting(RunningTask::position).containsExactlyElementsOf(first.subList(4, 9).stream().map(RunningTask::position).toList());
        }

        try (RunningTask task = RunningTask.start(properties("never"), offsets, SnapshotHooks.NONE)) {
            List<SourceRecord> again = changes(task.awaitRecords(record -> isChange(record, topic), 5));
            assertThat(again).extracting(record -> after(record).getInt32("id")).containsExactly(5, 6, 1, 2, 3);
            assertThat(again).extracting(RunningTask::position).containsExactlyElementsOf(first.subList(4, 9).stream().map(RunningTask::position).toList());
            task.commitAll();
        }

        try (RunningTask task = RunningTask.start(properties("never"), offsets, SnapshotHooks.NONE)) {
            database.execute("INSERT INTO items VALUES (7, 'marker')");
            List<SourceRecord> afterCommit = changes(task.awaitRecords(record -> isChange(record, topic), 1));
            assertThat(afterCommit).as("everything before the marker was committed").hasSize(1);
            assertThat(after(afterCommit.get(0)).getString("name")).isEqualTo("marker");
        }
    }

    @Test
    void committedOffsetAfterATransactionPointsPastIt() throws Exception {
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        try (RunningTask task = RunningTask.start(properties("never"), offsets, SnapshotHooks.NONE)) {
            database.execute("INSERT INTO items VALUES (1, 'a'), (2, 'b')");
            List<SourceRecord> records = task.awaitRecords(record -> isChange(record, topic), 2);
            Map<String, ?> last = records.get(records.size() - 1).sourceOffset();
            Map<String, ?> previous = records.get(records.size() - 2).sourceOffset();
            assertThat(((Number) last.get("pos")).longValue()).isGreaterThan(((Number) previous.get("pos")).longValue());
            assertThat(last.get("event")).isEqualTo(0L);
            assertThat(last.get("row")).isEqualTo(0L);
            assertThat((String) last.get("gtids")).matches("\\d+-\\d+-\\d+(,.*)?");
            assertThat(previous.get("row")).isEqualTo(1L);
        }
    }

    @Test
    void resumesTheSnapshotAfterTheLastFinishedChunk() throws Exception {
        database.execute("INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e'), (6, 'f')");
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        try (RunningTask task = RunningTask.start(properties("initial"), offsets, SnapshotHooks.NONE)) {
            List<SourceRecord> records = task.awaitRecords(record -> isChange(record, topic) && op(record).equals("r"), 6);
            SourceRecord lastOfSecondChunk = records.stream().filter(record -> isChange(record, topic) && after(record).getInt32("id") == 4)
                    .findFirst().orElseThrow();
            assertThat(lastOfSecondChunk.sourceOffset().get("snapshot_chunk")).isEqualTo(1L);
            task.commitFirst(indexOf(records, lastOfSecondChunk) + 1);
        }
        try (RunningTask task = RunningTask.start(properties("initial"), offsets, SnapshotHooks.NONE)) {
            List<SourceRecord> resumed = task.awaitRecords(record -> isChange(record, topic) && op(record).equals("r"), 2);
            assertThat(changes(resumed)).extracting(record -> after(record).getInt32("id")).containsExactly(5, 6);
            task.awaitUntil(records -> !records.isEmpty() && records.get(records.size() - 1).sourceOffset().get("snapshot_tables") == null);
        }
    }

    /** Uses the admin user, so that killing its binlog connection touches no other test's or engineer's connector. */
    @Test
    void reconnectsFromTheLastEnqueuedOffsetWhenTheBinlogConnectionIsLost() throws Exception {
        Map<String, String> properties = Endpoints.properties(dev.cdc.testkit.TestStack.get().mysqlAdminUser());
        properties.put("database.include.list", database.name());
        properties.put("snapshot.mode", "never");
        try (RunningTask task = RunningTask.start(properties, new FakeOffsetStorage(), SnapshotHooks.NONE)) {
            database.execute("INSERT INTO items VALUES (1, 'before')");
            task.awaitRecords(record -> isChange(record, topic), 1);
            database.execute("SET @dump = (SELECT GROUP_CONCAT(ID) FROM information_schema.PROCESSLIST"
                    + " WHERE COMMAND = 'Binlog Dump' AND USER = '" + dev.cdc.testkit.TestStack.get().mysqlAdminUser().user() + "')",
                    "EXECUTE IMMEDIATE CONCAT('KILL CONNECTION ', @dump)");
            database.execute("INSERT INTO items VALUES (2, 'after')");
            List<SourceRecord> all = changes(task.awaitRecords(record -> isChange(record, topic), 2));
            assertThat(all).extracting(record -> after(record).getInt32("id")).containsExactly(1, 2);
            assertThat(task.retriableErrors()).hasSize(1);
        }
    }

    private List<SourceRecord> changes(List<SourceRecord> records) {
        return records.stream().filter(record -> isChange(record, topic)).toList();
    }

    private static int indexOf(List<SourceRecord> records, SourceRecord record) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == record) {
                return i;
            }
        }
        throw new AssertionError("record not found");
    }

}
