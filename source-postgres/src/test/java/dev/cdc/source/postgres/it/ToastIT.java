package dev.cdc.source.postgres.it;

import static dev.cdc.source.postgres.it.TaskRunner.after;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdc.source.postgres.stream.ChangeStreamHandler;

/** Unchanged TOASTed values (over 2 kB, stored out of line) are absent, never a placeholder. */
class ToastIT {
    private static final int SIZE = 5000;

    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void createTable() throws Exception {
        database = TestDatabase.create("toast");
        database.execute("CREATE TABLE docs (id int PRIMARY KEY, body text NOT NULL, n int)",
                "ALTER TABLE docs ALTER COLUMN body SET STORAGE EXTERNAL");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (runner != null) {
            runner.close();
        }
        database.close();
    }

    @Test
    void defaultIdentityLeavesTheUnchangedValueOutAndNamesItInAHeader() throws Exception {
        List<SourceRecord> records = insertThenUpdateOtherColumn();

        assertThat(after(records.get(0), "body")).asString().hasSize(SIZE);
        SourceRecord update = records.get(1);
        assertThat(after(update, "body")).isNull();
        assertThat(after(update, "n")).isEqualTo(2);
        Header header = update.headers().lastWithName(ChangeStreamHandler.UNCHANGED_TOAST_HEADER);
        assertThat(header).isNotNull();
        assertThat(header.value()).isEqualTo("body");
        assertThat(records.get(0).headers().lastWithName(ChangeStreamHandler.UNCHANGED_TOAST_HEADER)).isNull();
        assertThat(((org.apache.kafka.connect.data.Struct) update.value()).getStruct("after").schema().field("body").schema().isOptional())
                .as("a NOT NULL column that may be absent is optional in the Connect schema").isTrue();
    }

    @Test
    void fullIdentityFillsTheUnchangedValueFromTheOldRow() throws Exception {
        database.execute("ALTER TABLE docs REPLICA IDENTITY FULL");

        List<SourceRecord> records = insertThenUpdateOtherColumn();

        SourceRecord update = records.get(1);
        assertThat(after(update, "body")).asString().hasSize(SIZE);
        assertThat(update.headers().lastWithName(ChangeStreamHandler.UNCHANGED_TOAST_HEADER)).isNull();
        assertThat(((org.apache.kafka.connect.data.Struct) update.value()).getStruct("before").getInt32("n")).isEqualTo(1);
    }

    private List<SourceRecord> insertThenUpdateOtherColumn() throws Exception {
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        runner = TaskRunner.start(config);
        StreamingIT.awaitSlotActive(database);
        database.execute("INSERT INTO docs VALUES (1, repeat('x', " + SIZE + "), 1)", "UPDATE docs SET n = 2 WHERE id = 1");
        assertThat(database.queryLong("SELECT pg_column_size(body) FROM docs")).as("stored out of line, uncompressed").isGreaterThan(2048);
        return runner.awaitRecords(database.name() + ".public.docs", 2);
    }
}
