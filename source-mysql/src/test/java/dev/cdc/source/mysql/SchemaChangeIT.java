package dev.cdc.source.mysql;

import static dev.cdc.source.mysql.RunningTask.after;
import static dev.cdc.source.mysql.RunningTask.isChange;
import static dev.cdc.source.mysql.RunningTask.isSchemaChange;
import static dev.cdc.source.mysql.RunningTask.op;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventParser;
import dev.cdc.source.mysql.it.Endpoints;
import dev.cdc.source.mysql.it.TestDatabase;
import dev.cdc.source.mysql.snapshot.SnapshotHooks;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DDL on the real MariaDB: records after it carry the new schema, and a schema-change event tells what changed. */
class SchemaChangeIT {
    private TestDatabase database;
    private String topic;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("ddl");
        topic = "it." + database.name() + ".items";
        database.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    private RunningTask start(FakeOffsetStorage offsets) {
        Map<String, String> properties = Endpoints.connectorProperties();
        properties.put("database.include.list", database.name());
        properties.put("snapshot.mode", "never");
        return RunningTask.start(properties, offsets, SnapshotHooks.NONE);
    }

    @Test
    void addColumnChangesTheRecordSchemaAndEmitsASchemaChangeEvent() throws Exception {
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        try (RunningTask task = start(offsets)) {
            database.execute("INSERT INTO items VALUES (1, 'before')",
                    "ALTER TABLE items ADD COLUMN note VARCHAR(10) NOT NULL DEFAULT 'n'",
                    "INSERT INTO items VALUES (2, 'after', 'x')");
            List<SourceRecord> records = task.awaitRecords(record -> isChange(record, topic), 2);
            List<SourceRecord> changes = records.stream().filter(record -> isChange(record, topic)).toList();
            assertThat(after(changes.get(0)).schema().fields()).extracting(Field::name).containsExactly("id", "name");
            assertThat(after(changes.get(1)).schema().fields()).extracting(Field::name).containsExactly("id", "name", "note");
            assertThat(after(changes.get(1)).getString("note")).isEqualTo("x");

            List<SourceRecord> schemaChanges = records.stream().filter(RunningTask::isSchemaChange).toList();
            assertThat(schemaChanges).hasSize(1);
            assertThat(schemaChanges.get(0).topic()).isEqualTo("it.schema-changes");
            SchemaChangeEvent event = SchemaChangeEventParser.parse((Struct) schemaChanges.get(0).value());
            assertThat(event.type()).isEqualTo(SchemaChangeEvent.Type.ALTER);
            assertThat(event.ddl()).hasValueSatisfying(ddl -> assertThat(ddl).contains("ADD COLUMN note"));
            assertThat(event.changes()).singleElement().isInstanceOfSatisfying(SchemaChange.AddColumn.class,
                    add -> assertThat(add.column().name()).isEqualTo("note"));
            assertThat(records.indexOf(schemaChanges.get(0))).isBetween(records.indexOf(changes.get(0)), records.indexOf(changes.get(1)));
            assertThat(event.position()).isBetween(RunningTask.position(changes.get(0)), RunningTask.position(changes.get(1)));
            task.commitAll();
        }
        try (RunningTask task = start(offsets)) {
            database.execute("ALTER TABLE items DROP COLUMN name", "TRUNCATE TABLE items");
            List<SourceRecord> records = task.awaitRecords(RunningTask::isSchemaChange, 2);
            assertThat(records).filteredOn(record -> isChange(record, topic)).extracting(RunningTask::op).containsExactly("t");
            List<SchemaChangeEvent> events = records.stream().filter(RunningTask::isSchemaChange)
                    .map(record -> SchemaChangeEventParser.parse((Struct) record.value())).toList();
            assertThat(events).extracting(SchemaChangeEvent::type).containsExactly(SchemaChangeEvent.Type.ALTER, SchemaChangeEvent.Type.TRUNCATE);
            assertThat(events.get(0).changes()).as("diffed against the history stored in the offsets").singleElement()
                    .isInstanceOf(SchemaChange.DropColumn.class);
            assertThat(events.get(0).tableSchema().orElseThrow().version()).isEqualTo(3);
        }
    }

    @Test
    void createAndDropTableEmitSchemaChangeEvents() throws Exception {
        try (RunningTask task = start(new FakeOffsetStorage())) {
            database.execute("CREATE TABLE fresh (id BIGINT PRIMARY KEY, v TEXT)", "INSERT INTO fresh VALUES (1, 'v')", "DROP TABLE fresh");
            List<SourceRecord> records = task.awaitRecords(RunningTask::isSchemaChange, 2);
            List<SchemaChangeEvent> events = records.stream().filter(RunningTask::isSchemaChange)
                    .map(record -> SchemaChangeEventParser.parse((Struct) record.value())).toList();
            assertThat(events).extracting(SchemaChangeEvent::type).containsExactly(SchemaChangeEvent.Type.CREATE, SchemaChangeEvent.Type.DROP);
            assertThat(records).anyMatch(record -> isChange(record, "it." + database.name() + ".fresh") && op(record).equals("c"));
        }
    }
}
