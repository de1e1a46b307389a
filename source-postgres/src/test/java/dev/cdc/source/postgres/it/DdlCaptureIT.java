package dev.cdc.source.postgres.it;

import static dev.cdc.source.postgres.it.TaskRunner.after;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;

/**
 * One test per DDL kind with DDL capture on: the connector runs as a superuser, creates the event
 * triggers, and the publication is FOR ALL TABLES, so new tables are captured at once.
 */
class DdlCaptureIT {
    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabase.create("ddlcap");
        database.execute("CREATE TABLE orders (id int PRIMARY KEY, qty int, note text)");
        Map<String, String> config = TaskRunner.superuserConfig(database);
        config.put("snapshot.mode", "no_data");
        config.put("publication.autocreate.mode", "all_tables");
        runner = TaskRunner.start(config);
        StreamingIT.awaitSlotActive(database);
        assertThat(database.queryLong("SELECT count(*) FROM pg_event_trigger WHERE evtname LIKE 'cdc_ddl%'"))
                .as("the connector, a superuser, created both event triggers").isEqualTo(2);
        database.execute("INSERT INTO orders VALUES (1, 1, 'a')");
        runner.awaitRecords(topic("orders"), 1);
        assertThat(SchemaEvents.await(runner, database, 1).get(0).type()).isEqualTo(SchemaChangeEvent.Type.CREATE);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        runner.close();
        database.close();
    }

    private String topic(String table) {
        return database.name() + ".public." + table;
    }

    private SchemaChangeEvent secondEvent() {
        return SchemaEvents.await(runner, database, 2).get(1);
    }

    @Test
    void addColumn() throws Exception {
        database.execute("ALTER TABLE orders ADD COLUMN price numeric(8,2)", "INSERT INTO orders VALUES (2, 2, 'b', 9.5)");

        SchemaChangeEvent event = secondEvent();
        assertThat(event.type()).isEqualTo(SchemaChangeEvent.Type.ALTER);
        assertThat(event.ddl()).contains("ALTER TABLE orders ADD COLUMN price numeric(8,2)");
        assertThat(event.changes()).singleElement().isInstanceOf(SchemaChange.AddColumn.class);
        assertThat(after(runner.awaitRecords(topic("orders"), 2).get(1), "price")).isEqualTo(new java.math.BigDecimal("9.50"));
    }

    @Test
    void dropColumn() throws Exception {
        database.execute("ALTER TABLE orders DROP COLUMN note", "INSERT INTO orders VALUES (2, 2)");

        SchemaChangeEvent event = secondEvent();
        assertThat(event.ddl()).contains("ALTER TABLE orders DROP COLUMN note");
        assertThat(event.changes()).singleElement().isEqualTo(new SchemaChange.DropColumn(event.table(), "note"));
    }

    @Test
    void renameColumnIsOneRenameNotDropAndAdd() throws Exception {
        database.execute("ALTER TABLE orders RENAME COLUMN note TO remark", "INSERT INTO orders VALUES (2, 2, 'b')");

        SchemaChangeEvent event = secondEvent();
        assertThat(event.ddl()).contains("ALTER TABLE orders RENAME COLUMN note TO remark");
        assertThat(event.changes()).containsExactly(new SchemaChange.RenameColumn(event.table(), "note", "remark"));
        assertThat(after(runner.awaitRecords(topic("orders"), 2).get(1), "remark")).isEqualTo("b");
    }

    @Test
    void renameColumnsInOneTransactionChain() throws Exception {
        database.transaction("ALTER TABLE orders RENAME note TO remark", "ALTER TABLE orders RENAME COLUMN \"remark\" TO \"Comment\"",
                "INSERT INTO orders VALUES (2, 2, 'b')");

        SchemaChangeEvent event = secondEvent();
        assertThat(event.changes()).containsExactly(new SchemaChange.RenameColumn(event.table(), "note", "Comment"));
    }

    @Test
    void changeColumnTypeIsNamed() throws Exception {
        database.execute("ALTER TABLE orders ALTER COLUMN qty TYPE bigint", "INSERT INTO orders VALUES (2, 5000000000, 'b')");

        SchemaChangeEvent event = secondEvent();
        assertThat(event.ddl()).contains("ALTER TABLE orders ALTER COLUMN qty TYPE bigint");
        SchemaChange.ChangeColumnType change = (SchemaChange.ChangeColumnType) event.changes().get(0);
        assertThat(change.column()).isEqualTo("qty");
        assertThat(change.widening()).isTrue();
        assertThat(after(runner.awaitRecords(topic("orders"), 2).get(1), "qty")).isEqualTo(5_000_000_000L);
    }

    @Test
    void renameTable() throws Exception {
        database.execute("ALTER TABLE orders RENAME TO purchases", "INSERT INTO purchases VALUES (2, 2, 'b')");

        SchemaChangeEvent event = secondEvent();
        assertThat(event.ddl()).contains("ALTER TABLE orders RENAME TO purchases");
        assertThat(event.table()).isEqualTo(TableId.of(database.name(), "public", "purchases"));
        assertThat(event.changes()).containsExactly(new SchemaChange.RenameTable(TableId.of(database.name(), "public", "orders"),
                event.table()));
        assertThat(after(runner.awaitRecords(topic("purchases"), 1).get(0), "id")).isEqualTo(2);
    }

    @Test
    void createTableIsCapturedByTheAllTablesPublication() throws Exception {
        database.execute("CREATE TABLE items (sku text PRIMARY KEY, weight real)", "INSERT INTO items VALUES ('x-1', 2.5)");

        SchemaChangeEvent event = secondEvent();
        assertThat(event.type()).isEqualTo(SchemaChangeEvent.Type.CREATE);
        assertThat(event.table().table()).isEqualTo("items");
        assertThat(event.ddl()).contains("CREATE TABLE items (sku text PRIMARY KEY, weight real)");
        assertThat(event.tableSchema().orElseThrow().primaryKey()).containsExactly("sku");
        assertThat(event.changes()).singleElement().isInstanceOf(SchemaChange.CreateTable.class);
        SourceRecord insert = runner.awaitRecords(topic("items"), 1).get(0);
        assertThat(((Struct) insert.key()).getString("sku")).isEqualTo("x-1");
    }

    @Test
    void dropTable() throws Exception {
        database.execute("DROP TABLE orders");

        SchemaChangeEvent event = secondEvent();
        assertThat(event.type()).isEqualTo(SchemaChangeEvent.Type.DROP);
        assertThat(event.ddl()).contains("DROP TABLE orders");
        assertThat(event.changes()).containsExactly(new SchemaChange.DropTable(TableId.of(database.name(), "public", "orders")));
    }

    @Test
    void truncateGivesASchemaEventAndATruncateRecord() throws Exception {
        database.execute("TRUNCATE orders");

        SchemaChangeEvent event = secondEvent();
        assertThat(event.type()).isEqualTo(SchemaChangeEvent.Type.TRUNCATE);
        assertThat(event.ddl()).contains("TRUNCATE TABLE \"public\".\"orders\"");
        assertThat(event.changes()).containsExactly(new SchemaChange.Truncate(event.table()));
        List<SourceRecord> records = runner.awaitRecords(topic("orders"), 2);
        assertThat(TaskRunner.op(records.get(1))).isEqualTo("t");
    }

    @Test
    void rolledBackDdlLeavesNoTrace() throws Exception {
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("ALTER TABLE orders RENAME COLUMN note TO gone");
            connection.rollback();
        }
        database.execute("ALTER TABLE orders ADD COLUMN extra int", "INSERT INTO orders VALUES (2, 2, 'b', 3)");

        SchemaChangeEvent event = secondEvent();
        assertThat(event.ddl()).hasValueSatisfying(ddl -> assertThat(ddl).doesNotContain("gone"));
        assertThat(event.changes()).singleElement().isInstanceOf(SchemaChange.AddColumn.class);
    }
}
