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
 * Chunks of a table whose primary key starts with an ENUM whose declared order is not alphabetical
 * (the server orders ENUMs by index): every row is read exactly once, in chunks of two.
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
                        + " ('medium', 1, 30), ('large', 1, 40), ('large', 2, 41), ('large', 3, 42)");
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
}
