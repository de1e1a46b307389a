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

import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;

/**
 * Without DDL capture (the connector's role is no superuser and nobody installed the event
 * triggers): Relation messages after a DDL still give the new Connect schema and a structured
 * schema-change event, but without DDL text, and a rename is a drop plus an add.
 */
class SchemaChangeIT {
    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabase.create("ddl");
        database.execute("CREATE TABLE orders (id int PRIMARY KEY, qty int, note text)");
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        runner = TaskRunner.start(config);
        StreamingIT.awaitSlotActive(database);
        database.execute("INSERT INTO orders VALUES (1, 1, 'a')");
        runner.awaitRecords(topic(), 1);
        SchemaChangeEvent created = SchemaEvents.await(runner, database, 1).get(0);
        assertThat(created.type()).as("first sight of a table").isEqualTo(SchemaChangeEvent.Type.CREATE);
        assertThat(created.ddl()).isEmpty();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        runner.close();
        database.close();
    }

    private String topic() {
        return database.name() + ".public.orders";
    }

    @Test
    void addColumn() throws Exception {
        database.execute("ALTER TABLE orders ADD COLUMN price numeric(8,2) NOT NULL DEFAULT 0", "INSERT INTO orders VALUES (2, 2, 'b', 9.5)");

        SchemaChangeEvent event = awaitSchemaChange();
        assertThat(event.changes()).singleElement().isInstanceOf(SchemaChange.AddColumn.class);
        assertThat(event.type()).isEqualTo(SchemaChangeEvent.Type.ALTER);
        assertThat(event.tableSchema().orElseThrow().column("price").orElseThrow().isNullable()).isFalse();
        SourceRecord insert = runner.awaitRecords(topic(), 2).get(1);
        assertThat(after(insert, "price")).isEqualTo(new java.math.BigDecimal("9.50"));
    }

    @Test
    void dropColumn() throws Exception {
        database.execute("ALTER TABLE orders DROP COLUMN note", "INSERT INTO orders VALUES (2, 2)");

        assertThat(awaitSchemaChange().changes()).singleElement().isInstanceOf(SchemaChange.DropColumn.class);
        SourceRecord insert = runner.awaitRecords(topic(), 2).get(1);
        assertThat(((Struct) insert.value()).getStruct("after").schema().field("note")).isNull();
    }

    @Test
    void changeColumnType() throws Exception {
        database.execute("ALTER TABLE orders ALTER COLUMN qty TYPE bigint", "INSERT INTO orders VALUES (2, 5000000000, 'b')");

        SchemaChange change = awaitSchemaChange().changes().get(0);
        assertThat(change).isInstanceOf(SchemaChange.ChangeColumnType.class);
        assertThat(((SchemaChange.ChangeColumnType) change).widening()).isTrue();
        assertThat(after(runner.awaitRecords(topic(), 2).get(1), "qty")).isEqualTo(5_000_000_000L);
    }

    @Test
    void renameColumnWithoutDdlCaptureIsDropAndAdd() throws Exception {
        database.execute("ALTER TABLE orders RENAME COLUMN note TO remark", "INSERT INTO orders VALUES (2, 2, 'b')");

        List<SchemaChange> changes = awaitSchemaChange().changes();
        assertThat(changes).extracting(SchemaChange::getClass).containsExactly(SchemaChange.DropColumn.class, SchemaChange.AddColumn.class);
        assertThat(after(runner.awaitRecords(topic(), 2).get(1), "remark")).isEqualTo("b");
    }

    private SchemaChangeEvent awaitSchemaChange() {
        SchemaChangeEvent event = SchemaEvents.await(runner, database, 2).get(1);
        assertThat(event.ddl()).as("no DDL capture").isEmpty();
        return event;
    }
}
