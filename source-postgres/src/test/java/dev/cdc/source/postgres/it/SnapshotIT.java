package dev.cdc.source.postgres.it;

import static dev.cdc.source.postgres.it.TaskRunner.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdc.core.position.SourcePosition;
import dev.cdc.core.snapshot.SnapshotState;

class SnapshotIT {
    private static final int ROWS = 2500;

    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void createTables() throws Exception {
        database = TestDatabase.create("snapshot");
        database.execute("CREATE TABLE items (id int PRIMARY KEY, name text)",
                "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, " + ROWS + ") g",
                "CREATE TABLE notes (body text)", "INSERT INTO notes VALUES ('a'), ('b'), ('c')");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (runner != null) {
            runner.close();
        }
        database.close();
    }

    private Map<String, String> config() {
        Map<String, String> config = TaskRunner.config(database);
        config.put("incremental.snapshot.chunk.size", "1000");
        return config;
    }

    private String items() {
        return database.name() + ".public.items";
    }

    @Test
    void initialSnapshotReadsEveryRowOnceThenStreamsFromTheConsistentPoint() throws Exception {
        runner = TaskRunner.start(config());
        List<SourceRecord> snapshot = runner.awaitRecords(items(), ROWS);
        runner.awaitRecords(database.name() + ".public.notes", 3);
        runner.awaitRecords("__debezium-heartbeat." + database.name(), 1);
        StreamingIT.awaitSlotActive(database);
        database.execute("INSERT INTO items VALUES (" + (ROWS + 1) + ", 'new')", "UPDATE items SET name = 'changed' WHERE id = 1");

        List<SourceRecord> all = runner.awaitRecords(items(), ROWS + 2);
        assertThat(all.subList(0, ROWS)).allSatisfy(record -> {
            assertThat(TaskRunner.op(record)).isEqualTo("r");
            assertThat(source(record).getString("snapshot")).isEqualTo("true");
        });
        assertThat(ids(all.subList(0, ROWS))).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, ROWS).boxed().toList());
        long snapshotPosition = source(snapshot.get(0)).getInt64("position");
        assertThat(SourcePosition.postgresIndex(snapshotPosition)).isZero();
        assertThat(all.subList(0, ROWS)).allSatisfy(record -> assertThat(source(record).getInt64("position")).isEqualTo(snapshotPosition));
        assertThat(all.subList(ROWS, ROWS + 2)).extracting(TaskRunner::op).containsExactly("c", "u");
        assertThat(source(all.get(ROWS)).getInt64("position")).isGreaterThan(snapshotPosition);
        assertThat(snapshot.get(999).sourceOffset().get(SnapshotState.CHUNK)).isEqualTo(0L);
        assertThat(runner.records("__debezium-heartbeat." + database.name()).get(0).sourceOffset())
                .doesNotContainKey(SnapshotState.TABLES);
    }

    @Test
    void snapshotResumesAfterTheLastCommittedChunkAndStreamingCatchesUp() throws Exception {
        runner = TaskRunner.start(config());
        List<SourceRecord> firstRun = runner.awaitRecords(items(), 1000);
        runner.commitThrough(firstRun.get(999));
        runner.close();
        database.execute("UPDATE items SET name = 'changed' WHERE id = 10", "INSERT INTO items VALUES (5000, 'late')");

        runner = runner.restart();
        List<SourceRecord> secondRun = runner.awaitRecords(items(), ROWS - 1000 + 3);

        List<SourceRecord> reads = secondRun.stream().filter(record -> "r".equals(TaskRunner.op(record))).toList();
        assertThat(ids(reads)).as("chunk 0 is not read again").allMatch(id -> id > 1000);
        Set<Integer> seen = ids(firstRun.subList(0, 1000)).stream().collect(Collectors.toSet());
        seen.addAll(ids(reads));
        assertThat(seen).containsAll(IntStream.rangeClosed(1, ROWS).boxed().toList()).contains(5000);
        List<SourceRecord> streamed = secondRun.stream().filter(record -> !"r".equals(TaskRunner.op(record))).toList();
        assertThat(streamed).extracting(TaskRunner::op).containsExactly("u", "c");
        assertThat(ids(streamed)).containsExactly(10, 5000);
    }

    private static List<Integer> ids(List<SourceRecord> records) {
        return records.stream().map(record -> ((Struct) record.key()).getInt32("id")).collect(Collectors.toList());
    }
}
