package dev.cdc.source.postgres.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cdc.source.postgres.snapshot.ReSnapshotHooks;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On-demand re-snapshot through the signal table while the stream goes on: a sink that keeps,
 * per key, the change with the highest source position must end with exactly the table's rows.
 */
class ReSnapshotIT {
    private static final int ROWS = 2_500;

    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("resnap");
        database.execute("CREATE TABLE orders (id int PRIMARY KEY, qty int NOT NULL)",
                "INSERT INTO orders SELECT i, i FROM generate_series(1, " + ROWS + ") i",
                "CREATE TABLE cdc_signal (id varchar(42) PRIMARY KEY, type varchar(32) NOT NULL, data varchar(2048))");
        start(ReSnapshotHooks.NONE);
    }

    private void start(ReSnapshotHooks hooks) throws Exception {
        start(hooks, Map.of());
    }

    private void start(ReSnapshotHooks hooks, Map<String, String> moreConfig) throws Exception {
        if (runner != null) {
            runner.close();
        }
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        config.put("signal.data.collection", "public.cdc_signal");
        config.put("incremental.snapshot.chunk.size", "400");
        config.putAll(moreConfig);
        runner = TaskRunner.start(config, hooks);
        StreamingIT.awaitSlotActive(database);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        runner.close();
        database.close();
    }

    private String topic() {
        return database.name() + ".public.orders";
    }

    private void signal(String id) throws Exception {
        signal(id, "public.orders");
    }

    private void signal(String id, String table) throws Exception {
        database.execute("INSERT INTO cdc_signal VALUES ('" + id + "', 'execute-snapshot', "
                + "'{\"data-collections\": [\"" + table + "\"], \"type\": \"incremental\"}')");
    }

    @Test
    void reSnapshotWhileWritesGoOnEndsWithTheTableExactly() throws Exception {
        signal("ad-hoc-1");
        for (int i = 1; i <= 60; i++) {
            database.execute("UPDATE orders SET qty = -" + i + " WHERE id = " + (i * 37),
                    "INSERT INTO orders VALUES (" + (ROWS + i) + ", 0)", "DELETE FROM orders WHERE id = " + (i * 41));
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(sinkState(runner.records(topic()))).isEqualTo(tableState()));
        List<SourceRecord> reads = runner.records(topic()).stream().filter(record -> "r".equals(TaskRunner.op(record))).toList();
        assertThat(reads).isNotEmpty().allSatisfy(read -> assertThat(TaskRunner.source(read).getString("snapshot")).isEqualTo("incremental"));
        assertThat(runner.records(cdcSignalTopic())).as("signal rows are not events").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> lastOffset().keySet().stream().noneMatch(key -> key.startsWith("incremental_")));
    }

    @Test
    void rowsChangedBetweenAChunksWatermarksAreLeftToTheStream() throws Exception {
        start(new ReSnapshotHooks() {
            @Override
            public void afterLowWatermark(String table, int chunk) throws Exception {
                if (chunk == 1) { // ids 401 to 800
                    database.execute("UPDATE orders SET qty = -1 WHERE id = 450", "DELETE FROM orders WHERE id = 460");
                }
            }

            @Override
            public void beforeHighWatermark(String table, int chunk) throws Exception {
                if (chunk == 1) { // the chunk holds 470 and 480 as they were: stale rows
                    database.execute("UPDATE orders SET qty = -2 WHERE id = 470", "DELETE FROM orders WHERE id = 480",
                            "UPDATE orders SET qty = -3 WHERE id = 1500");
                }
            }
        });
        signal("hooked");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> runner.records(topic()).stream().filter(record -> "r".equals(TaskRunner.op(record))).count() >= ROWS - 4);
        List<SourceRecord> reads = runner.records(topic()).stream().filter(record -> "r".equals(TaskRunner.op(record))).toList();
        assertThat(reads).extracting(record -> ((Struct) record.key()).getInt32("id"))
                .as("rows changed after the low watermark of their own chunk").doesNotContain(450, 460, 470, 480)
                .contains(401, 449, 451, 800, 1500).doesNotHaveDuplicates().hasSize(ROWS - 4);
        assertThat(runner.records(topic())).filteredOn(record -> ((Struct) record.key()).getInt32("id") == 470)
                .extracting(TaskRunner::op).as("470 reaches the sink by the stream only, with its new value").containsExactly("u");
        assertThat(reads).filteredOn(record -> ((Struct) record.key()).getInt32("id") == 1500).singleElement()
                .as("a row changed before its own chunk's window is read with the change")
                .satisfies(record -> assertThat(((Struct) record.value()).getStruct("after").getInt32("qty")).isEqualTo(-3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sinkState(runner.records(topic()))).isEqualTo(tableState()));
    }

    @Test
    void windowTracksRowsByPrimaryKeyWhenTheMessageKeyIsAnotherColumn() throws Exception {
        database.execute("CREATE TABLE lines (id int PRIMARY KEY, grp int NOT NULL)", "ALTER TABLE lines REPLICA IDENTITY FULL",
                "INSERT INTO lines SELECT i, i % 7 FROM generate_series(1, " + ROWS + ") i");
        start(new ReSnapshotHooks() {
            @Override
            public void beforeHighWatermark(String table, int chunk) throws Exception {
                if (chunk == 1) { // 450 is read with grp 2, as are 401 other rows of other chunks and many of this one
                    database.execute("UPDATE lines SET grp = 100 WHERE id = 450");
                }
            }
        }, Map.of("message.key.columns", "public.lines:grp"));
        signal("by-group", "public.lines");

        String lines = database.name() + ".public.lines";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> runner.records(lines).stream().filter(record -> "r".equals(TaskRunner.op(record))).count() >= ROWS - 1);
        List<SourceRecord> reads = runner.records(lines).stream().filter(record -> "r".equals(TaskRunner.op(record))).toList();
        assertThat(reads).extracting(record -> ((Struct) record.key()).schema().fields().size()).containsOnly(1);
        assertThat(reads).extracting(record -> ((Struct) record.value()).getStruct("after").getInt32("id"))
                .as("rows sharing a message key are all read; only the stale row is dropped").doesNotContain(450)
                .doesNotHaveDuplicates().hasSize(ROWS - 1);
    }

    @Test
    void restartResumesAfterTheLastEmittedChunk() throws Exception {
        signal("ad-hoc-2");
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.records(topic()).size() >= 400);
        SourceRecord firstChunkEnd = runner.records(topic()).get(399);
        assertThat(firstChunkEnd.sourceOffset().get("incremental_snapshot_chunk")).as("chunk 0 done").isEqualTo(0L);
        runner.commitThrough(firstChunkEnd);

        runner = runner.restart();

        await().atMost(Duration.ofSeconds(60)).until(() -> runner.records(topic()).size() >= ROWS - 400);
        List<SourceRecord> second = runner.records(topic());
        assertThat(((Struct) second.get(0).key()).getInt32("id")).as("resumes after the first chunk").isEqualTo(401);
        assertThat(second).hasSize(ROWS - 400);
    }

    private String cdcSignalTopic() {
        return database.name() + ".public.cdc_signal";
    }

    private Map<String, Object> lastOffset() {
        List<SourceRecord> records = runner.records().stream()
                .filter(record -> record.sourcePartition().equals(Map.of("server", database.name()))).toList();
        return records.isEmpty() ? Map.of() : (Map<String, Object>) records.get(records.size() - 1).sourceOffset();
    }

    /** What an idempotent sink holds: per key, the change with the highest position; equal positions, the later one. */
    private static Map<Integer, Integer> sinkState(List<SourceRecord> records) {
        Map<Integer, Long> positions = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        for (SourceRecord record : records) {
            if (record.value() == null) {
                continue;
            }
            int id = ((Struct) record.key()).getInt32("id");
            long position = TaskRunner.source(record).getInt64("position");
            if (position < positions.getOrDefault(id, Long.MIN_VALUE)) {
                continue;
            }
            positions.put(id, position);
            Struct after = ((Struct) record.value()).getStruct("after");
            if (after == null) {
                rows.remove(id);
            } else {
                rows.put(id, after.getInt32("qty"));
            }
        }
        return rows;
    }

    private Map<Integer, Integer> tableState() throws Exception {
        Map<Integer, Integer> rows = new HashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, qty FROM orders")) {
            while (result.next()) {
                rows.put(result.getInt(1), result.getInt(2));
            }
        }
        return rows;
    }
}
