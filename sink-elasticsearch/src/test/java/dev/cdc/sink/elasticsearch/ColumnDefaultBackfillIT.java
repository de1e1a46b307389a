package dev.cdc.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventWriter;
import dev.cdc.sink.elasticsearch.client.EsResponse;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ALTER TABLE ... ADD COLUMN status VARCHAR(16) DEFAULT 'new'} writes no row events for the
 * rows that exist, yet at the source they all have {@code status = 'new'}. Against the real
 * Elasticsearch: after the schema-change event and the first rows with the column, every document
 * written before has the default, rows changed since keep their values, deleted rows stay deleted,
 * and a late change from before the ALTER gets the default too; a restarted task finds nothing left to fill.
 */
class ColumnDefaultBackfillIT {
    private static final int ROWS = 700;
    private static final Schema BEFORE = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
            .field("qty", Schema.OPTIONAL_INT32_SCHEMA).build();
    private static final Schema AFTER = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
            .field("qty", Schema.OPTIONAL_INT32_SCHEMA).field("status", Schema.OPTIONAL_STRING_SCHEMA).build();

    private final TableFixture fixture = new TableFixture("d");
    private final Map<String, JsonObject> expected = new HashMap<>();
    private final ChangeEvents events = fixture.events;
    private long position;

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void rowsFromBeforeAnAddColumnWithADefaultGetTheDefault() {
        ElasticsearchSinkTask task = start();
        List<SinkRecord> before = new ArrayList<>();
        for (long id = 1; id <= ROWS; id++) {
            before.add(events.change("c", id, position += 10, new Struct(BEFORE).put("id", id).put("qty", (int) id)));
            expected.put(String.valueOf(id), doc("{\"id\":%d,\"qty\":%d,\"status\":\"new\"}", id, id));
        }
        for (long id = 100; id <= 300; id += 100) {
            before.add(events.change("d", id, position += 10, null));
            expected.remove(String.valueOf(id));
        }
        fixture.putAndCommit(task, before);
        long lastBefore = position;

        long alter = position += 10;
        List<SinkRecord> after = new ArrayList<>();
        after.add(addColumnEvent(alter));
        for (long id = 1; id <= 10; id++) {
            after.add(events.change("u", id, position += 10, new Struct(AFTER).put("id", id).put("qty", (int) id).put("status", "paid")));
            expected.put(String.valueOf(id), doc("{\"id\":%d,\"qty\":%d,\"status\":\"paid\"}", id, id));
        }
        after.add(events.change("c", ROWS + 1, position += 10, new Struct(AFTER).put("id", ROWS + 1L).put("qty", 0).put("status", null)));
        expected.put(String.valueOf(ROWS + 1), doc("{\"id\":%d,\"qty\":0,\"status\":null}", ROWS + 1));
        // a change from before the ALTER arriving late (another partition, a replay of an unapplied batch)
        after.add(events.change("u", 20, lastBefore + 5, new Struct(BEFORE).put("id", 20L).put("qty", -20)));
        expected.put("20", doc("{\"id\":20,\"qty\":-20,\"status\":\"new\"}"));
        fixture.putAndCommit(task, after);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(fixture.documents()).isEqualTo(expected));
        assertThat(fixture.es.count(fixture.alias)).isEqualTo(expected.size());

        fixture.stop(task);
        ElasticsearchSinkTask restarted = start();
        fixture.putAndCommit(restarted, List.of(events.change("u", 1, position += 10,
                new Struct(AFTER).put("id", 1L).put("qty", 1).put("status", "shipped"))));
        expected.put("1", doc("{\"id\":1,\"qty\":1,\"status\":\"shipped\"}"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(fixture.documents()).isEqualTo(expected));
    }

    private ElasticsearchSinkTask start() {
        return fixture.start(Map.of("reindex.batch.size", "50"));
    }

    private SinkRecord addColumnEvent(long at) {
        Schema sourceSchema = SchemaBuilder.struct().name("source").field("db", Schema.STRING_SCHEMA).build();
        TableId id = TableId.ofCatalogTable("shop", fixture.table);
        Column status = Column.builder("status", ColumnType.string(16)).position(3).nullable(true).defaultValueExpression("'new'").build();
        TableSchema schema = TableSchema.builder(id).column("id", ColumnType.int64(), false).column("qty", ColumnType.int32(), true)
                .column(status).primaryKey("id").version(2).validFromPosition(at).build();
        SchemaChangeEvent event = SchemaChangeEvent.builder(id, SchemaChangeEvent.Type.ALTER)
                .source(new Struct(sourceSchema).put("db", "shop")).timestampMillis(System.currentTimeMillis()).position(at)
                .ddl("ALTER TABLE " + fixture.table + " ADD COLUMN status VARCHAR(16) DEFAULT 'new'").tableSchema(schema)
                .changes(List.of(new SchemaChange.AddColumn(id, status))).build();
        SchemaChangeEventWriter writer = new SchemaChangeEventWriter(sourceSchema);
        return new SinkRecord("cdc.schema-changes", 0, writer.keySchema(), writer.key(event), writer.valueSchema(), writer.value(event), 0);
    }

    private static JsonObject doc(String format, Object... args) {
        return EsResponse.parse(String.format(format, args));
    }
}
