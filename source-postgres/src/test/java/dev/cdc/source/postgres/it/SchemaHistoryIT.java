package dev.cdc.source.postgres.it;

import static dev.cdc.source.postgres.it.TaskRunner.after;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.source.postgres.ddl.DdlCaptureTrigger;

/**
 * The last known schema of each table survives restarts (in the connector's offsets): a change
 * made while the connector was stopped is reported when it comes back, and nothing is reported
 * when nothing changed.
 */
class SchemaHistoryIT {
    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("history");
        database.execute("CREATE TABLE orders (id int PRIMARY KEY, qty int, note text)");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (runner != null) {
            runner.close();
        }
        database.close();
    }

    private String topic(String table) {
        return database.name() + ".public." + table;
    }

    /** Starts the task, inserts a row and commits everything: the table's first schema is stored. */
    private void startAndStoreFirstSchema() throws Exception {
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        runner = TaskRunner.start(config);
        StreamingIT.awaitSlotActive(database);
        database.execute("INSERT INTO orders VALUES (1, 1, 'a')");
        runner.awaitRecords(topic("orders"), 1);
        assertThat(SchemaEvents.await(runner, database, 1).get(0).type()).isEqualTo(SchemaChangeEvent.Type.CREATE);
        runner.commit();
    }

    private void restart() {
        runner = runner.restart();
        StreamingIT.awaitSlotActive(database);
    }

    @Test
    void alterWhileStoppedIsReportedAfterRestartWithTheDdlOfTriggersASuperuserInstalled() throws Exception {
        try (Connection admin = database.connectAsAdmin(); Statement statement = admin.createStatement()) {
            for (String sql : DdlCaptureTrigger.installStatements()) {
                statement.execute(sql);
            }
        }
        startAndStoreFirstSchema();

        restart();
        database.execute("INSERT INTO orders VALUES (2, 2, 'b')");
        runner.awaitRecords(topic("orders"), 1);
        assertThat(SchemaEvents.collected(runner, database)).as("nothing changed while stopped").isEmpty();
        runner.commit();

        runner.close();
        database.execute("ALTER TABLE orders RENAME COLUMN note TO remark", "ALTER TABLE orders ADD COLUMN price int",
                "INSERT INTO orders VALUES (3, 3, 'c', 30)");
        restart();

        SchemaChangeEvent event = SchemaEvents.await(runner, database, 1).get(0);
        assertThat(event.type()).isEqualTo(SchemaChangeEvent.Type.ALTER);
        assertThat(event.changes()).containsExactly(new SchemaChange.RenameColumn(event.table(), "note", "remark"),
                new SchemaChange.AddColumn(event.table(), event.tableSchema().orElseThrow().column("price").orElseThrow()));
        assertThat(event.ddl()).hasValue("ALTER TABLE orders RENAME COLUMN note TO remark;\nALTER TABLE orders ADD COLUMN price int");
        assertThat(event.tableSchema().orElseThrow().version()).isEqualTo(1);
        SourceRecord insert = runner.awaitRecords(topic("orders"), 1).get(0);
        assertThat(after(insert, "remark")).isEqualTo("c");
        assertThat(after(insert, "price")).isEqualTo(30);
    }

    @Test
    void tableRenamedWhileStoppedIsFoundByItsOidWithoutDdlCapture() throws Exception {
        startAndStoreFirstSchema();
        runner.close();
        database.execute("ALTER TABLE orders RENAME TO purchases", "ALTER TABLE purchases DROP COLUMN note",
                "INSERT INTO purchases VALUES (2, 2)");

        restart();

        SchemaChangeEvent event = SchemaEvents.await(runner, database, 1).get(0);
        TableId purchases = TableId.of(database.name(), "public", "purchases");
        assertThat(event.changes()).containsExactly(new SchemaChange.RenameTable(TableId.of(database.name(), "public", "orders"),
                purchases), new SchemaChange.DropColumn(purchases, "note"));
        assertThat(event.ddl()).isEmpty();
        List<SourceRecord> rows = runner.awaitRecords(topic("purchases"), 1);
        assertThat(after(rows.get(0), "qty")).isEqualTo(2);
    }
}
