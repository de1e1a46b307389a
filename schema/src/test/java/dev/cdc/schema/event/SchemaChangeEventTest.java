package dev.cdc.schema.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.ColumnRename;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.diff.SchemaChange.CreateTable;
import dev.cdc.schema.diff.SchemaChange.DropTable;
import dev.cdc.schema.diff.SchemaChange.RenameTable;
import dev.cdc.schema.diff.SchemaChange.Truncate;
import dev.cdc.schema.diff.SchemaDiff;

class SchemaChangeEventTest {
    private static final Schema SOURCE_SCHEMA = SchemaBuilder.struct().name("dev.cdc.test.Source")
            .field("connector", Schema.STRING_SCHEMA)
            .field("file", Schema.OPTIONAL_STRING_SCHEMA)
            .field("pos", Schema.OPTIONAL_INT64_SCHEMA)
            .build();
    private static final Struct SOURCE = new Struct(SOURCE_SCHEMA).put("connector", "mysql").put("file", "bin.000003").put("pos", 4711L);
    private static final TableId ORDERS = TableId.ofCatalogTable("shop", "orders");
    private static final SchemaChangeEventWriter WRITER = new SchemaChangeEventWriter(SOURCE_SCHEMA);

    private static final TableSchema V1 = TableSchema.builder(ORDERS)
            .column(Column.builder("id", ColumnType.unsignedInt64().withNativeTypeName("BIGINT UNSIGNED"))
                    .nullable(false).autoIncrement(true).comment("the key").build())
            .column("status", ColumnType.string(16).withCharset("utf8mb4").withNativeTypeName("VARCHAR"), true)
            .column("amount", ColumnType.decimal(12, 2), true)
            .column("kind", ColumnType.enumOf(List.of("a", "b")), true)
            .primaryKey("id").version(1).validFromPosition(100).build();

    private static final TableSchema V2 = TableSchema.builder(ORDERS)
            .column(V1.column("id").orElseThrow())
            .column(Column.builder("state", ColumnType.string(64).withNativeTypeName("VARCHAR")).nullable(false)
                    .defaultValueExpression("'new'").build())
            .column(Column.builder("note", ColumnType.string()).generated(true).build())
            .column("kind", ColumnType.enumOf(List.of("a", "b")), true)
            .primaryKey("id", "state").version(2).validFromPosition(200).build();

    private static SchemaChangeEvent roundTrip(SchemaChangeEvent event) {
        Struct value = WRITER.value(event);
        assertThat(value.schema()).isEqualTo(WRITER.valueSchema());
        return SchemaChangeEventParser.parse(value);
    }

    @Test
    void createRoundTrips() {
        SchemaChangeEvent event = SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.CREATE)
                .source(SOURCE).timestampMillis(1_700_000_000_000L).position(100)
                .ddl("CREATE TABLE orders (...)").tableSchema(V1).changes(SchemaDiff.compare(null, V1)).build();
        assertThat(roundTrip(event)).isEqualTo(event);
        assertThat(event.changes()).containsExactly(new CreateTable(V1));
    }

    @Test
    void alterWithEveryColumnChangeRoundTrips() {
        List<SchemaChange> changes = SchemaDiff.compare(V1, V2, List.of(new ColumnRename("status", "state")));
        assertThat(changes).extracting(SchemaChange::kind).hasSize(7);
        SchemaChangeEvent event = SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.ALTER)
                .source(SOURCE).timestampMillis(5).position(200).ddl("ALTER TABLE orders ...")
                .tableSchema(V2).changes(changes).build();
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void addedColumnWithoutTableColumnFallsBackToTheChangeFields() {
        Column extra = Column.builder("extra", ColumnType.int32().withNativeTypeName("INT")).nullable(false).defaultValueExpression("0").build();
        SchemaChangeEvent event = SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.DROP)
                .source(SOURCE).position(1).changes(List.of(new SchemaChange.AddColumn(ORDERS, extra))).build();
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void renameTableRoundTripsAndFillsDebeziumIds() {
        TableId renamed = ORDERS.withTable("orders_old");
        TableSchema after = V1.withId(renamed).withVersion(2, 300);
        SchemaChangeEvent event = SchemaChangeEvent.builder(renamed, SchemaChangeEvent.Type.ALTER)
                .source(SOURCE).position(300).ddl("RENAME TABLE orders TO orders_old").tableSchema(after)
                .changes(SchemaDiff.compare(V1, after)).build();
        Struct value = WRITER.value(event);
        Struct tableChange = value.<Struct>getArray("tableChanges").get(0);
        assertThat(tableChange.getString("type")).isEqualTo("ALTER");
        assertThat(tableChange.getString("id")).isEqualTo("\"shop\".\"orders_old\"");
        assertThat(tableChange.getString("previousId")).isEqualTo("\"shop\".\"orders\"");
        assertThat(SchemaChangeEventParser.parse(value)).isEqualTo(event);
        assertThat(event.changes()).containsExactly(new RenameTable(ORDERS, renamed));
    }

    @Test
    void dropAndTruncateRoundTrip() {
        SchemaChangeEvent drop = SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.DROP)
                .source(SOURCE).position(400).ddl("DROP TABLE orders").changes(List.of(new DropTable(ORDERS))).build();
        SchemaChangeEvent dropWithSchema = SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.DROP)
                .source(SOURCE).position(400).tableSchema(V1).changes(List.of(new DropTable(ORDERS))).build();
        SchemaChangeEvent truncate = SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.TRUNCATE)
                .source(SOURCE).position(500).ddl("TRUNCATE orders").changes(List.of(new Truncate(ORDERS))).build();
        assertThat(roundTrip(drop)).isEqualTo(drop);
        assertThat(roundTrip(dropWithSchema)).isEqualTo(dropWithSchema);
        assertThat(roundTrip(truncate)).isEqualTo(truncate);
        assertThat(WRITER.value(truncate).getArray("tableChanges")).isEmpty();
        assertThat(WRITER.value(drop).<Struct>getArray("tableChanges").get(0).get("table")).isNull();
    }

    @Test
    void valueHasDebeziumFieldsAndColumnShape() {
        SchemaChangeEvent event = SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.CREATE)
                .source(SOURCE).timestampMillis(42).position(100).ddl("CREATE TABLE ...").tableSchema(V1).build();
        Struct value = WRITER.value(event);
        assertThat(value.getStruct("source")).isEqualTo(SOURCE);
        assertThat(value.getInt64("ts_ms")).isEqualTo(42L);
        assertThat(value.getString("databaseName")).isEqualTo("shop");
        assertThat(value.getString("schemaName")).isNull();
        assertThat(value.getString("tableName")).isEqualTo("orders");
        assertThat(value.getString("ddl")).isEqualTo("CREATE TABLE ...");
        Struct table = value.<Struct>getArray("tableChanges").get(0).getStruct("table");
        assertThat(table.getArray("primaryKeyColumnNames")).containsExactly("id");
        List<Struct> columns = table.getArray("columns");
        Struct id = columns.get(0);
        assertThat(id.getString("typeName")).isEqualTo("BIGINT UNSIGNED");
        assertThat(id.getInt32("jdbcType")).isEqualTo(java.sql.Types.BIGINT);
        assertThat(id.getBoolean("optional")).isFalse();
        assertThat(id.getBoolean("autoIncremented")).isTrue();
        assertThat(id.getString("comment")).isEqualTo("the key");
        assertThat(id.getString("logicalType")).isEqualTo("INT64 UNSIGNED");
        Struct amount = columns.get(2);
        assertThat(amount.getString("typeName")).isEqualTo("DECIMAL");
        assertThat(amount.getInt32("length")).isEqualTo(12);
        assertThat(amount.getInt32("scale")).isEqualTo(2);
        assertThat(amount.getInt32("position")).isEqualTo(3);
        assertThat(columns.get(1).getString("charsetName")).isEqualTo("utf8mb4");
        assertThat(columns.get(3).getArray("enumValues")).containsExactly("a", "b");
        assertThat(WRITER.key(event).getString("databaseName")).isEqualTo("shop");
        assertThat(WRITER.key(event).schema()).isEqualTo(WRITER.keySchema());
    }

    @Test
    void eventValidatesItsContracts() {
        SchemaChangeEvent.Builder alterWithoutSchema = SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.ALTER).source(SOURCE);
        assertThatThrownBy(alterWithoutSchema::build).hasMessage("ALTER event for shop..orders has no table schema");
        assertThatThrownBy(() -> SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.TRUNCATE).source(SOURCE).tableSchema(V1).build())
                .hasMessageContaining("must not carry a table schema");
        TableId other = ORDERS.withTable("other");
        assertThatThrownBy(() -> SchemaChangeEvent.builder(other, SchemaChangeEvent.Type.CREATE).source(SOURCE).tableSchema(V1).build())
                .hasMessage("schema-change event for shop..other carries the schema of shop..orders");
        assertThatThrownBy(() -> SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.DROP).source(SOURCE)
                .changes(List.of(new DropTable(other))).build())
                .hasMessageStartingWith("schema-change event for shop..orders holds a change of shop..other");
        assertThatThrownBy(() -> SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.DROP).source(SOURCE).position(-1).build())
                .hasMessageContaining("negative position -1");
        assertThatThrownBy(() -> SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.DROP).build()).hasMessage("source is null");
    }

    @Test
    void writerRejectsAnotherSourceSchema() {
        Schema otherSource = SchemaBuilder.struct().name("other.Source").field("x", Schema.INT32_SCHEMA).build();
        SchemaChangeEvent event = SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.DROP)
                .source(new Struct(otherSource).put("x", 1)).build();
        assertThatThrownBy(() -> WRITER.value(event))
                .hasMessage("the source block of the event for shop..orders has schema other.Source, not the writer's dev.cdc.test.Source");
    }

    @Test
    void parserRejectsForeignEventsClearly() {
        Schema debezium = SchemaBuilder.struct().name("io.debezium.connector.mysql.SchemaChangeValue")
                .field("ddl", Schema.OPTIONAL_STRING_SCHEMA).build();
        assertThat(SchemaChangeEventParser.isOurs(debezium)).isFalse();
        assertThat(SchemaChangeEventParser.isOurs(WRITER.valueSchema())).isTrue();
        assertThatThrownBy(() -> SchemaChangeEventParser.parse(new Struct(debezium)))
                .hasMessageContaining("value schema is io.debezium.connector.mysql.SchemaChangeValue")
                .hasMessageContaining("Debezium's schema-change events are not read");
    }

    @Test
    void parserReportsUnknownKinds() {
        SchemaChangeEvent event = SchemaChangeEvent.builder(ORDERS, SchemaChangeEvent.Type.DROP).source(SOURCE)
                .changes(List.of(new DropTable(ORDERS))).build();
        Struct value = WRITER.value(event);
        value.<Struct>getArray("changes").get(0).put("kind", "EXPLODE_TABLE");
        assertThatThrownBy(() -> SchemaChangeEventParser.parse(value)).hasMessage("unknown schema change kind 'EXPLODE_TABLE'");
        value.<Struct>getArray("changes").get(0).put("kind", "RENAME_COLUMN");
        assertThatThrownBy(() -> SchemaChangeEventParser.parse(value)).hasMessage("RENAME_COLUMN change has no 'fromName'");
    }
}
