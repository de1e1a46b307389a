package dev.cdc.source.mysql;

import static dev.cdc.source.mysql.RunningTask.after;
import static dev.cdc.source.mysql.RunningTask.before;
import static dev.cdc.source.mysql.RunningTask.isChange;
import static dev.cdc.source.mysql.RunningTask.op;
import static dev.cdc.source.mysql.RunningTask.position;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.core.event.Envelope;
import dev.cdc.source.mysql.it.Endpoints;
import dev.cdc.source.mysql.offset.BinlogPosition;
import dev.cdc.source.mysql.it.TestDatabase;
import dev.cdc.source.mysql.snapshot.SnapshotHooks;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task against the real MariaDB: snapshot, then streamed changes, in order and with their positions. */
class MySqlSourceTaskIT {
    private TestDatabase database;
    private String topic;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("stream");
        topic = "it." + database.name() + ".items";
        database.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, price DECIMAL(8,2), created DATETIME(3))",
                "INSERT INTO items VALUES (1, 'one', 1.10, '2024-01-02 03:04:05.001'), (2, 'two', 2.20, NULL), (3, 'three', NULL, NULL)");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    private Map<String, String> properties() {
        Map<String, String> properties = Endpoints.connectorProperties();
        properties.put("database.include.list", database.name());
        properties.put("incremental.snapshot.chunk.size", "2");
        properties.put("name", "it-" + database.name());
        return properties;
    }

    @Test
    void snapshotsExistingRowsThenStreamsInsertUpdateDeleteWithIncreasingPositions() throws Exception {
        try (RunningTask task = RunningTask.start(properties(), new FakeOffsetStorage(), SnapshotHooks.NONE)) {
            List<SourceRecord> snapshot = task.awaitRecords(record -> isChange(record, topic) && op(record).equals("r"), 3);
            assertThat(snapshot.stream().filter(record -> isChange(record, topic)).map(record -> after(record).getInt32("id")))
                    .containsExactly(1, 2, 3);
            Struct first = after(snapshot.stream().filter(record -> isChange(record, topic)).findFirst().orElseThrow());
            assertThat(first.getString("name")).isEqualTo("one");
            assertThat(first.get("price")).isEqualTo(new BigDecimal("1.10"));
            assertThat(first.getInt64("created")).isEqualTo(1704164645001L);

            database.execute("INSERT INTO items VALUES (4, 'four', 4.40, '2024-05-06 07:08:09.123')",
                    "UPDATE items SET name = 'ONE' WHERE id = 1",
                    "DELETE FROM items WHERE id = 2");
            List<SourceRecord> all = task.awaitRecords(record -> record.topic().equals(topic) && record.value() == null, 1);

            List<SourceRecord> streamed = all.stream().filter(record -> record.topic().equals(topic)).skip(3).toList();
            assertThat(streamed).hasSize(4);
            assertThat(streamed.subList(0, 3)).extracting(RunningTask::op).containsExactly("c", "u", "d");
            assertThat(after(streamed.get(0)).getInt64("created")).isEqualTo(1714979289123L);
            assertThat(before(streamed.get(1)).getString("name")).isEqualTo("one");
            assertThat(after(streamed.get(1)).getString("name")).isEqualTo("ONE");
            assertThat(((Struct) streamed.get(2).key()).getInt32("id")).isEqualTo(2);
            assertThat(streamed.get(3).value()).as("tombstone after the delete").isNull();
            assertThat(streamed.get(3).key()).isEqualTo(streamed.get(2).key());

            List<Long> positions = streamed.subList(0, 3).stream().map(RunningTask::position).toList();
            assertThat(positions).isSorted().doesNotHaveDuplicates();
            long snapshotPosition = position(snapshot.stream().filter(record -> isChange(record, topic)).findFirst().orElseThrow());
            assertThat(positions.get(0)).isGreaterThan(snapshotPosition);
            for (SourceRecord record : streamed.subList(0, 3)) {
                Struct value = (Struct) record.value();
                assertThat(value.getStruct(Envelope.TRANSACTION).getString("id")).as("domain-server-sequence of server id 1")
                        .matches("\\d+-1-\\d+");
                assertThat(value.getStruct(Envelope.SOURCE).getString("gtid")).isEqualTo(value.getStruct(Envelope.TRANSACTION).getString("id"));
                assertThat(value.getStruct(Envelope.SOURCE).getString("table")).isEqualTo("items");
            }
        }
    }

    @Test
    void aPrimaryKeyChangeIsADeleteOfTheOldKeyAndACreateOfTheNewOne() throws Exception {
        Map<String, String> properties = properties();
        properties.put("snapshot.mode", "never");
        try (RunningTask task = RunningTask.start(properties, new FakeOffsetStorage(), SnapshotHooks.NONE)) {
            database.execute("UPDATE items SET id = 30 WHERE id = 3");
            List<SourceRecord> records = task.awaitRecords(record -> record.topic().equals(topic), 3).stream()
                    .filter(record -> record.topic().equals(topic)).toList();
            assertThat(records).extracting(record -> ((Struct) record.key()).getInt32("id")).containsExactly(3, 3, 30);
            assertThat(op(records.get(0))).isEqualTo("d");
            assertThat(records.get(1).value()).isNull();
            assertThat(op(records.get(2))).isEqualTo("c");
            assertThat(records.get(0).sourceOffset().get("row")).as("the row is emitted again after a crash before its create").isEqualTo(0L);
        }
    }

    @Test
    void idleHeartbeatsCarryTheEndOfTheBinlog() throws Exception {
        Map<String, String> properties = properties();
        properties.put("heartbeat.interval.ms", "200");
        properties.put("table.include.list", database.name() + "\\.items");
        database.execute("CREATE TABLE other (id INT PRIMARY KEY)");
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        try (RunningTask task = RunningTask.start(properties, offsets, SnapshotHooks.NONE)) {
            task.awaitRecords(record -> isChange(record, topic) && op(record).equals("r"), 3);
            database.execute("INSERT INTO other VALUES (1), (2)");
            String[] end = masterStatus();
            task.awaitUntil(records -> {
                if (records.isEmpty()) {
                    return false;
                }
                Map<String, ?> offset = records.get(records.size() - 1).sourceOffset();
                return offset.get("file") != null && new BinlogPosition((String) offset.get("file"), ((Number) offset.get("pos")).longValue())
                        .isAtOrAfter(new BinlogPosition(end[0], Long.parseLong(end[1])));
            });
            assertThat(task.records()).noneMatch(record -> record.topic().endsWith(".other"));
        }
    }

    @Test
    void snapshotsCompositeTextAndTemporalKeysInChunksExactlyOnce() throws Exception {
        database.execute("CREATE TABLE composite (region VARCHAR(8), n INT, at DATETIME(3), v INT, PRIMARY KEY (region, n, at))",
                "INSERT INTO composite VALUES ('eu', 1, '2024-01-01 00:00:00.001', 1), ('eu', 2, '2024-01-01 00:00:00.002', 2),"
                        + " ('eu', 2, '2024-01-01 00:00:00.003', 3), ('us', 1, '2024-01-01 00:00:00', 4), ('ü', 0, '1999-12-31 23:59:59.999', 5)");
        String composite = "it." + database.name() + ".composite";
        try (RunningTask task = RunningTask.start(properties(), new FakeOffsetStorage(), SnapshotHooks.NONE)) {
            task.awaitRecords(record -> isChange(record, composite), 5);
            task.awaitRecords(record -> isChange(record, topic), 3);
            assertThat(task.records()).filteredOn(record -> isChange(record, composite)).extracting(record -> after(record).getInt32("v"))
                    .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        }
    }

    private static String[] masterStatus() throws Exception {
        try (Connection connection = dev.cdc.testkit.TestStack.get().mysqlAdminConnection(null);
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW MASTER STATUS")) {
            rows.next();
            return new String[] {rows.getString(1), rows.getString(2)};
        }
    }
}
