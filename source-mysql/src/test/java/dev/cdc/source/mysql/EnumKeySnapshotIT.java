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
 * Chunks of tables whose primary key starts with an ENUM or a SET whose declared order is not
 * alphabetical (the server orders them by index or bit mask, and the chunk queries compare them by
 * that number, {@code c+0}, never as text): every row is read exactly once, in chunks of two, and a
 * restart resumes after the last committed chunk from the number stored in the offset.
 */
class EnumKeySnapshotIT {
    private TestDatabase database;
    private String topic;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("enumkey");
        topic = "it." + database.name() + ".stock";
        database.execute("CREATE TABLE stock (size ENUM('xl', 'small', 'medium', 'large') NOT NULL, n INT NOT NULL,"
                        + " qty INT, PRIMARY KEY (size, n))",
                "INSERT INTO stock VALUES ('xl', 1, 10), ('xl', 2, 11), ('small', 1, 20), ('small', 2, 21), ('small', 3, 22),"
                        + " ('medium', 1, 30), ('large', 1, 40), ('large', 2, 41), ('large', 3, 42)",
                "CREATE TABLE flags (f SET('zeta', 'beta', 'alpha') NOT NULL PRIMARY KEY, note VARCHAR(10))",
                "INSERT INTO flags VALUES ('zeta', 'z'), ('beta', 'b'), ('zeta,beta', 'zb'), ('alpha', 'a'), ('zeta,alpha', 'za'),"
                        + " ('beta,alpha', 'ba'), ('', 'none')");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void everyRowIsReadOnceInIndexOrder() throws Exception {
        Map<String, String> properties = Endpoints.connectorProperties();
        properties.put("database.include.list", database.name());
        properties.put("incremental.snapshot.chunk.size", "2");
        try (RunningTask task = RunningTask.start(properties, new FakeOffsetStorage(), SnapshotHooks.NONE)) {
            List<SourceRecord> rows = task.awaitRecords(record -> isChange(record, topic) && op(record).equals("r"), 9).stream()
                    .filter(record -> isChange(record, topic) && op(record).equals("r")).toList();
            assertThat(rows).extracting(record -> after(record).getString("size") + after(record).getInt32("n"))
                    .containsExactly("xl1", "xl2", "small1", "small2", "small3", "medium1", "large1", "large2", "large3");
        }
    }

    @Test
    void setKeysAreChunkedByBitMask() throws Exception {
        String flags = "it." + database.name() + ".flags";
        try (RunningTask task = RunningTask.start(properties(), new FakeOffsetStorage(), SnapshotHooks.NONE)) {
            List<SourceRecord> rows = task.awaitRecords(record -> isChange(record, flags) && op(record).equals("r"), 7).stream()
                    .filter(record -> isChange(record, flags) && op(record).equals("r")).toList();
            assertThat(rows).extracting(record -> after(record).getString("note"))
                    .as("bit masks 0, 1, 2, 3, 4, 5, 6").containsExactly("none", "z", "b", "zb", "a", "za", "ba");
        }
    }

    @Test
    void aRestartResumesAfterTheLastCommittedChunkOfAnEnumKey() throws Exception {
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        try (RunningTask task = RunningTask.start(properties(), offsets, SnapshotHooks.NONE)) {
            List<SourceRecord> records = task.awaitRecords(record -> isChange(record, topic) && op(record).equals("r"), 4);
            List<SourceRecord> reads = records.stream().filter(record -> isChange(record, topic) && op(record).equals("r")).toList();
            assertThat(reads.get(3).sourceOffset().get("snapshot_chunk_end")).as("('small', 3) stored as the ENUM's index")
                    .isEqualTo("l:2,l:3");
            task.commitFirst(records.indexOf(reads.get(3)) + 1);
        }
        try (RunningTask task = RunningTask.start(properties(), offsets, SnapshotHooks.NONE)) {
            List<SourceRecord> rows = task.awaitRecords(record -> isChange(record, topic) && op(record).equals("r"), 5).stream()
                    .filter(record -> isChange(record, topic) && op(record).equals("r")).toList();
            assertThat(rows).extracting(record -> after(record).getString("size") + after(record).getInt32("n"))
                    .containsExactly("small3", "medium1", "large1", "large2", "large3");
        }
    }

    private Map<String, String> properties() {
        Map<String, String> properties = Endpoints.connectorProperties();
        properties.put("database.include.list", database.name());
        properties.put("incremental.snapshot.chunk.size", "2");
        return properties;
    }
}
