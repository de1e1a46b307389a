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
            assertThat(schemaChanges).hasSize(2);
            SchemaChangeEvent rebuilt = SchemaChangeEventParser.parse((Struct) schemaChanges.get(0).value());
            assertThat(rebuilt.type()).as("the history rebuilt at the first start is stored with a CREATE event")
                    .isEqualTo(SchemaChangeEvent.Type.CREATE);
            assertThat(rebuilt.ddl()).isEmpty();
            schemaChanges = schemaChanges.subList(1, 2);
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
            assertThat(events).extracting(SchemaChangeEvent::type).as("no CREATE: the history was stored by the first run's offsets")
                    .containsExactly(SchemaChangeEvent.Type.ALTER, SchemaChangeEvent.Type.TRUNCATE);
            assertThat(events.get(0).changes()).as("diffed against the history stored in the offsets").singleElement()
                    .isInstanceOf(SchemaChange.DropColumn.class);
            assertThat(events.get(0).tableSchema().orElseThrow().version()).isEqualTo(3);
        }
    }

    @Test
    void createAndDropTableEmitSchemaChangeEvents() throws Exception {
        try (RunningTask task = start(new FakeOffsetStorage())) {
            database.execute("CREATE TABLE fresh (id BIGINT PRIMARY KEY, v TEXT)", "INSERT INTO fresh VALUES (1, 'v')", "DROP TABLE fresh");
            List<SourceRecord> records = task.awaitRecords(RunningTask::isSchemaChange, 3);
            List<SchemaChangeEvent> events = records.stream().filter(RunningTask::isSchemaChange)
                    .map(record -> SchemaChangeEventParser.parse((Struct) record.value()))
                    .filter(event -> event.table().table().equals("fresh")).toList();
            assertThat(events).extracting(SchemaChangeEvent::type).containsExactly(SchemaChangeEvent.Type.CREATE, SchemaChangeEvent.Type.DROP);
            assertThat(events.get(0).tableSchema().orElseThrow().columnNames()).as("the schema the DDL gave, though the table is gone now")
                    .containsExactly("id", "v");
            assertThat(records).anyMatch(record -> isChange(record, "it." + database.name() + ".fresh") && op(record).equals("c"));
        }
    }

    @Test
    void aColumnRenameIsToldApartFromDropAndAdd() throws Exception {
        try (RunningTask task = start(new FakeOffsetStorage())) {
            database.execute("ALTER TABLE items RENAME COLUMN name TO title", "INSERT INTO items VALUES (1, 't')");
            List<SourceRecord> records = task.awaitRecords(record -> isChange(record, topic), 1);
            List<SchemaChangeEvent> events = records.stream().filter(RunningTask::isSchemaChange)
                    .map(record -> SchemaChangeEventParser.parse((Struct) record.value()))
                    .filter(event -> event.type() == SchemaChangeEvent.Type.ALTER).toList();
            assertThat(events).singleElement().satisfies(event -> assertThat(event.changes()).singleElement()
                    .isEqualTo(new SchemaChange.RenameColumn(event.table(), "name", "title")));
            assertThat(after(records.stream().filter(record -> isChange(record, topic)).findFirst().orElseThrow()).getString("title"))
                    .isEqualTo("t");
        }
    }

    @Test
    void aConnectorLaggingBehindAnAlterDecodesOlderRowsWithTheOlderSchema() throws Exception {
        FakeOffsetStorage offsets = new FakeOffsetStorage();
        try (RunningTask task = start(offsets)) {
            database.execute("INSERT INTO items VALUES (1, 'first')");
            task.awaitRecords(record -> isChange(record, topic), 1);
            task.commitAll();
        }
        database.execute("INSERT INTO items VALUES (2, 'old schema')", "ALTER TABLE items DROP COLUMN name, ADD COLUMN qty INT",
                "INSERT INTO items VALUES (3, 7)");
        try (RunningTask task = start(offsets)) {
            List<SourceRecord> changes = task.awaitRecords(record -> isChange(record, topic), 2).stream()
                    .filter(record -> isChange(record, topic)).toList();
            assertThat(after(changes.get(0)).getString("name")).isEqualTo("old schema");
            assertThat(after(changes.get(1)).schema().fields()).extracting(Field::name).containsExactly("id", "qty");
            assertThat(after(changes.get(1)).getInt32("qty")).isEqualTo(7);
            SchemaChangeEvent alter = task.records().stream().filter(RunningTask::isSchemaChange)
                    .map(record -> SchemaChangeEventParser.parse((Struct) record.value())).filter(event -> event.type() == SchemaChangeEvent.Type.ALTER)
                    .findFirst().orElseThrow();
            assertThat(alter.changes()).as("applied to the definition stored at the resume position, not today's")
                    .hasExactlyElementsOfTypes(SchemaChange.DropColumn.class, SchemaChange.AddColumn.class);
        }
    }

    @Test
    void modifyColumnRetypesAndChangesNullability() throws Exception {
        try (RunningTask task = start(new FakeOffsetStorage())) {
            database.execute("INSERT INTO items VALUES (1, 'a')", "ALTER TABLE items MODIFY name VARCHAR(50) NOT NULL",
                    "INSERT INTO items VALUES (2, 'b')");
            List<SourceRecord> records = task.awaitRecords(record -> isChange(record, topic), 2);
            SchemaChangeEvent alter = alters(records).get(0);
            assertThat(alter.changes()).hasExactlyElementsOfTypes(SchemaChange.ChangeColumnType.class, SchemaChange.ChangeNullability.class);
            assertThat(((SchemaChange.ChangeColumnType) alter.changes().get(0)).widening()).isTrue();
            List<SourceRecord> changes = records.stream().filter(record -> isChange(record, topic)).toList();
            assertThat(after(changes.get(0)).schema().field("name").schema().isOptional()).isTrue();
            assertThat(after(changes.get(1)).schema().field("name").schema().isOptional()).isFalse();
        }
    }

    @Test
    void renameTableMovesTheTableToItsNewTopicAndSaysFromWhere() throws Exception {
        try (RunningTask task = start(new FakeOffsetStorage())) {
            database.execute("RENAME TABLE items TO goods", "INSERT INTO goods VALUES (1, 'g')");
            String goods = "it." + database.name() + ".goods";
            List<SourceRecord> records = task.awaitRecords(record -> isChange(record, goods), 1);
            SchemaChangeEvent rename = alters(records).get(0);
            assertThat(rename.table().table()).isEqualTo("goods");
            assertThat(rename.changes()).singleElement().isInstanceOfSatisfying(SchemaChange.RenameTable.class,
                    change -> assertThat(change.from().table()).isEqualTo("items"));
        }
    }

    private static List<SchemaChangeEvent> alters(List<SourceRecord> records) {
        return records.stream().filter(RunningTask::isSchemaChange).map(record -> SchemaChangeEventParser.parse((Struct) record.value()))
                .filter(event -> event.type() == SchemaChangeEvent.Type.ALTER).toList();
    }
}
