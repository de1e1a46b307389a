package dev.cdc.source.postgres.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code message.key.columns}: a key for a table without primary key, another key for a table with one, and a wrong column. */
class MessageKeyColumnsIT {
    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void createTables() throws Exception {
        database = TestDatabase.create("msgkey");
        database.execute("CREATE TABLE events (tenant int NOT NULL, code text NOT NULL, qty int)",
                "ALTER TABLE events REPLICA IDENTITY FULL",
                "INSERT INTO events VALUES (1, 'a', 10), (2, 'b', 20)",
                "CREATE TABLE orders (id int PRIMARY KEY, sku text NOT NULL, qty int)");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (runner != null) {
            runner.close();
        }
        database.close();
    }

    private Map<String, String> config(String messageKeyColumns) {
        Map<String, String> config = TaskRunner.config(database);
        config.put("message.key.columns", messageKeyColumns);
        return config;
    }

    private String topic(String table) {
        return database.name() + ".public." + table;
    }

    @Test
    void tableWithoutPrimaryKeyIsKeyedByTheNamedColumnsInSnapshotAndStream() throws Exception {
        runner = TaskRunner.start(config("public.events:tenant,code"));
        runner.awaitRecords(topic("events"), 2);
        StreamingIT.awaitSlotActive(database);

        database.execute("INSERT INTO events VALUES (3, 'c', 30)", "UPDATE events SET qty = 11 WHERE tenant = 1",
                "UPDATE events SET code = 'z' WHERE tenant = 2", "DELETE FROM events WHERE tenant = 3");

        List<SourceRecord> records = runner.awaitRecords(topic("events"), 9);
        assertThat(records).extracting(TaskRunner::op).containsExactly("r", "r", "c", "u", "d", null, "c", "d", null);
        assertThat(records).extracting(record -> keyText((Struct) record.key()))
                .containsExactly("1/a", "2/b", "3/c", "1/a", "2/b", "2/b", "2/z", "3/c", "3/c");
        assertThat(((Struct) records.get(0).key()).schema().fields()).extracting(Field::name).containsExactly("tenant", "code");
        assertThat(TaskRunner.after(records.get(3), "qty")).isEqualTo(11);
    }

    @Test
    void namedColumnsReplaceThePrimaryKey() throws Exception {
        Map<String, String> config = config("public.other:x;public\\.ord.*:sku");
        config.put("snapshot.mode", "no_data");
        runner = TaskRunner.start(config);
        StreamingIT.awaitSlotActive(database);

        database.execute("INSERT INTO orders VALUES (1, 'SKU-1', 5)");

        SourceRecord created = runner.awaitRecords(topic("orders"), 1).get(0);
        Struct key = (Struct) created.key();
        assertThat(key.schema().fields()).extracting(Field::name).containsExactly("sku");
        assertThat(key.getString("sku")).isEqualTo("SKU-1");
        assertThat(TaskRunner.after(created, "id")).isEqualTo(1);
    }

    @Test
    void aColumnTheTableDoesNotHaveStopsTheTaskWithTheReason() {
        runner = TaskRunner.start(config("public.events:tenant,nope"));

        assertThat(runner.awaitFailure()).hasMessageContaining("table public.events has no column [nope] for its message key"
                + " [tenant, nope] (message.key.columns); its columns are [tenant, code, qty]");
    }

    private static String keyText(Struct key) {
        return key.get("tenant") + "/" + key.get("code");
    }
}
