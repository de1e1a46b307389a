package dev.cdc.source.mysql;

import static dev.cdc.source.mysql.RunningTask.after;
import static dev.cdc.source.mysql.RunningTask.isChange;
import static dev.cdc.source.mysql.RunningTask.op;
import static dev.cdc.source.mysql.RunningTask.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.core.snapshot.Chunk;
import dev.cdc.core.snapshot.SnapshotState;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.it.Endpoints;
import dev.cdc.source.mysql.it.TestDatabase;
import dev.cdc.source.mysql.offset.OffsetContext;
import dev.cdc.source.mysql.snapshot.SnapshotHooks;
import dev.cdc.testkit.TestStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On-demand re-snapshots asked for by a row in the signal table ({@code signal.data.collection},
 * Debezium's {@code execute-snapshot}), against the real MariaDB, with watermark rows written into
 * the signal table: the re-snapshot of a table that changes all along ends, folded by position per
 * key, exactly at the table; DML between a chunk's watermarks never leaves a stale row; a restart
 * resumes at the next chunk; signal and watermark rows are never change events.
 */
class SignalSnapshotIT {
    private TestDatabase database;
    private String items;
    private String signalTopic;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("signal");
        items = "it." + database.name() + ".items";
        signalTopic = "it." + database.name() + ".cdc_signal";
        database.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), qty INT)",
                "CREATE TABLE cdc_signal (id VARCHAR(42) PRIMARY KEY, type VARCHAR(32) NOT NULL, data VARCHAR(2048) NULL)",
                "CREATE TABLE other (id INT PRIMARY KEY)", "INSERT INTO other VALUES (1), (2)");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        grant("REVOKE INSERT ON %s FROM %s", true);
        database.close();
    }

    private void insertRows(int count) throws Exception {
        for (int first = 1; first <= count; first += 1000) {
            StringBuilder insert = new StringBuilder("INSERT INTO items VALUES ");
            for (int id = first; id < first + 1000 && id <= count; id++) {
                insert.append(id == first ? "" : ", ").append("(").append(id).append(", 'n").append(id).append("', ").append(id % 97).append(")");
            }
            database.execute(insert.toString());
        }
    }

    /** Grants (or revokes) INSERT on the signal table to every account of the connector user. */
    private void grant(String statement, boolean ignoreMissing) throws Exception {
        String user = TestStack.get().mysqlConnectorUser().user();
        try (Connection connection = TestStack.get().mysqlAdminConnection(null); Statement sql = connection.createStatement()) {
            List<String> accounts = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT host FROM mysql.user WHERE user = '" + user + "'")) {
                while (rows.next()) {
                    accounts.add("'" + user + "'@'" + rows.getString(1) + "'");
                }
            }
            for (String account : accounts) {
                try {
                    sql.execute(String.format(statement, "`" + database.name() + "`.`cdc_signal`", account));
                } catch (java.sql.SQLException e) {
                    if (!ignoreMissing) {
                        throw e;
                    }
                }
            }
        }
    }

    private Map<String, String> properties(int chunkSize) {
        Map<String, String> properties = Endpoints.connectorProperties();
        properties.put("database.include.list", database.name());
        properties.put("incremental.snapshot.chunk.size", String.valueOf(chunkSize));
        properties.put("signal.data.collection", database.name() + ".cdc_signal");
        return properties;
    }

    private void signal(String id, String data) throws Exception {
        database.execute("INSERT INTO cdc_signal VALUES ('" + id + "', 'execute-snapshot', '" + data + "')");
    }

    @Test
    void aReSnapshotWhileInsertsUpdatesAndDeletesRunEndsExactlyAtTheTable() throws Exception {
        int rows = 3000;
        insertRows(rows);
        grant("GRANT INSERT ON %s TO %s", false);
        Set<Integer> touched = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService workload = Executors.newSingleThreadExecutor();
        try (RunningTask task = RunningTask.start(properties(100), new FakeOffsetStorage(), SnapshotHooks.NONE)) {
            task.awaitRecords(record -> isChange(record, items) && op(record).equals("r"), rows);
            Future<Integer> statements = workload.submit(() -> changeRows(rows, touched, running));
            signal("resnapshot-1", "{\"data-collections\": [\"" + database.name() + ".items\"], \"type\": \"incremental\"}");
            task.awaitUntil(records -> records.stream().anyMatch(record -> "resnapshot-1".equals(record.sourceOffset().get(OffsetContext.SIGNAL_ID))
                    && !record.sourceOffset().containsKey(SnapshotState.TABLES) && isChange(record, items)));
            running.set(false);
            assertThat(statements.get()).as("DML ran while the re-snapshot read").isGreaterThan(20);
            assertThat(untouched(rows, touched)).hasSizeGreaterThanOrEqualTo(rows * 2 / 3);
            database.execute("INSERT INTO other VALUES (99)");
            task.awaitRecords(record -> isChange(record, "it." + database.name() + ".other") && after(record) != null
                    && after(record).getInt32("id") == 99, 1);

            List<SourceRecord> records = task.records();
            List<SourceRecord> reads = reSnapshotReads(records, "resnapshot-1");
            assertThat(reads).extracting(record -> after(record).getInt32("id")).as("each row read at most once").doesNotHaveDuplicates();
            assertThat(reads).extracting(record -> after(record).getInt32("id")).as("rows nobody changed are read again")
                    .containsAll(untouched(rows, touched));
            assertThat(records).filteredOn(record -> record.topic().equals(signalTopic)).as("signal and watermark rows").isEmpty();
            assertThat(fold(records)).as("highest position per key").isEqualTo(table());
        } finally {
            running.set(false);
            workload.shutdownNow();
        }
    }

    /** Random inserts, updates and deletes of keys divisible by 3, one per statement, until told to stop (at most 60 s). */
    private Integer changeRows(int rows, Set<Integer> touched, AtomicBoolean running) throws Exception {
        Random random = new Random(42);
        int count = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection connection = database.adminConnection(); Statement statement = connection.createStatement()) {
            while (running.get() && System.nanoTime() < deadline) {
                int id = 3 * (1 + random.nextInt((rows + 200) / 3)); // a third of the keys churn, the others must be read again
                touched.add(id);
                switch (random.nextInt(3)) {
                    case 0 -> statement.execute("INSERT INTO items VALUES (" + id + ", 'ins" + count + "', 1) ON DUPLICATE KEY UPDATE name = 'dup"
                            + count + "'");
                    case 1 -> statement.execute("UPDATE items SET name = 'upd" + count + "', qty = qty + 1 WHERE id = " + id);
                    default -> statement.execute("DELETE FROM items WHERE id = " + id);
                }
                count++;
            }
        }
        return count;
    }

    @Test
    void dmlBetweenAChunksWatermarksNeverLeavesAStaleRow() throws Exception {
        insertRows(60);
        grant("GRANT INSERT ON %s TO %s", false);
        AtomicBoolean armed = new AtomicBoolean();
        SnapshotHooks hooks = new SnapshotHooks() {
            @Override
            public void afterLowWatermark(TableId table, Chunk chunk) throws Exception {
                if (armed.get() && chunk.index() == 1) { // ids 11 to 20: the SELECT sees these changes
                    database.execute("UPDATE items SET name = 'before-select' WHERE id = 12", "DELETE FROM items WHERE id = 13");
                }
            }

            @Override
            public void beforeHighWatermark(TableId table, Chunk chunk) throws Exception {
                if (armed.get() && chunk.index() == 2) { // ids 21 to 30: the SELECT's rows of these keys are stale now
                    database.execute("UPDATE items SET name = 'after-select' WHERE id = 22", "DELETE FROM items WHERE id = 23",
                            "INSERT INTO items VALUES (25000, 'new-in-window', 0)");
                }
            }
        };
        try (RunningTask task = RunningTask.start(properties(10), new FakeOffsetStorage(), hooks)) {
            task.awaitRecords(record -> isChange(record, items) && op(record).equals("r"), 60);
            database.execute("INSERT INTO cdc_signal VALUES ('bad-1', 'execute-snapshot', '{\"data-collections\": 7}')",
                    "INSERT INTO cdc_signal VALUES ('other-type', 'pause-snapshot', NULL)");
            signal("not-captured", "{\"data-collections\": [\"mysql.user\"]}");
            armed.set(true);
            signal("hooks-1", "{\"data-collections\": [\"" + database.name() + ".items\"]}");
            task.awaitUntil(records -> reSnapshotReads(records, "hooks-1").stream().anyMatch(record -> after(record).getInt32("id") == 25000));

            List<SourceRecord> records = task.records();
            List<SourceRecord> reads = reSnapshotReads(records, "hooks-1");
            assertThat(reads).extracting(record -> after(record).getInt32("id")).as("keys changed between their chunk's watermarks")
                    .doesNotContain(12, 13, 22, 23).contains(11, 14, 20, 21, 24, 30, 60, 25000).hasSize(60 - 4 + 1);
            SourceRecord staleCandidate = records.stream().filter(record -> isChange(record, items) && op(record).equals("u")
                    && after(record).getInt32("id") == 22).findFirst().orElseThrow();
            assertThat(after(staleCandidate).getString("name")).isEqualTo("after-select");
            assertThat(reads).filteredOn(record -> after(record).getInt32("id") > 20 && after(record).getInt32("id") <= 30)
                    .as("the chunk's rows carry its low watermark's position, below the change made after its SELECT").hasSize(8)
                    .allSatisfy(record -> assertThat(position(record)).isLessThan(position(staleCandidate)));
            assertThat(records).filteredOn(record -> record.topic().equals(signalTopic)).isEmpty();
            assertThat(records).as("a bad signal, another type and an uncaptured table are ignored: the reader went on")
                    .anyMatch(record -> isChange(record, items) && op(record).equals("c") && after(record).getInt32("id") == 25000);
            assertThat(fold(records)).isEqualTo(table());
        }
    }

    @Test
    void aRestartInTheMiddleResumesAtTheChunkAfterTheLastOneKafkaHolds() throws Exception {
        insertRows(70);
        grant("GRANT INSERT ON %s TO %s", false);
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        try (RunningTask task = RunningTask.start(properties(7), offsets, SnapshotHooks.NONE)) {
            task.awaitRecords(record -> isChange(record, items) && op(record).equals("r"), 70);
            task.commitAll();
            signal("restart-1", "{\"data-collections\": [\"" + database.name() + ".items\"]}");
            task.awaitUntil(records -> reSnapshotReads(records, "restart-1").size() >= 21);
            List<SourceRecord> records = task.records();
            SourceRecord endOfSecondChunk = reSnapshotReads(records, "restart-1").get(13);
            assertThat(endOfSecondChunk.sourceOffset().get(SnapshotState.CHUNK)).isEqualTo(1L);
            task.commitFirst(records.indexOf(endOfSecondChunk) + 1);
        }
        try (RunningTask task = RunningTask.start(properties(7), offsets, SnapshotHooks.NONE)) {
            task.awaitUntil(records -> reSnapshotReads(records, "restart-1").stream().anyMatch(record -> after(record).getInt32("id") == 70));
            assertThat(reSnapshotReads(task.records(), "restart-1")).extracting(record -> after(record).getInt32("id"))
                    .as("resumed after the second chunk, the last one committed").startsWith(15, 16).doesNotContain(14).hasSize(70 - 14);
        }
    }

    @Test
    void aSignalTableTheUserCannotWriteStopsTheTaskWithTheGrant() {
        assertThatThrownBy(() -> RunningTask.start(properties(7), new FakeOffsetStorage(), SnapshotHooks.NONE).close())
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("cannot insert into the signal table " + database.name() + ".cdc_signal")
                .hasMessageContaining("GRANT INSERT ON `" + database.name() + "`.`cdc_signal`");
    }

    /** The snapshot reads of {@code items} made for the signal {@code signalId}. */
    private List<SourceRecord> reSnapshotReads(List<SourceRecord> records, String signalId) {
        return records.stream().filter(record -> isChange(record, items) && op(record).equals("r")
                && signalId.equals(record.sourceOffset().get(OffsetContext.SIGNAL_ID))).toList();
    }

    private static List<Integer> untouched(int rows, Set<Integer> touched) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 1; id <= rows; id++) {
            if (!touched.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** What a sink keeping, per key, the change with the highest position (ties: the later) ends with. */
    private Map<Integer, String> fold(List<SourceRecord> records) {
        Map<Integer, Long> positions = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        for (SourceRecord record : records) {
            if (!isChange(record, items)) {
                continue;
            }
            int id = ((Struct) record.key()).getInt32("id");
            long position = position(record);
            if (position >= positions.getOrDefault(id, -1L)) {
                positions.put(id, position);
                Struct after = after(record);
                names.put(id, after == null ? null : after.getString("name") + "/" + after.getInt32("qty"));
            }
        }
        names.values().removeIf(Objects::isNull);
        return names;
    }

    private Map<Integer, String> table() throws Exception {
        Map<Integer, String> rows = new HashMap<>();
        try (Connection connection = database.adminConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, name, qty FROM items")) {
            while (result.next()) {
                rows.put(result.getInt(1), result.getString(2) + "/" + result.getInt(3));
            }
        }
        return rows;
    }
}
