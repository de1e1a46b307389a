package dev.cdc.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventWriter;
import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.document.ColumnKind;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The zero-downtime reindex against the real Elasticsearch of the test stack: a column's type
 * changes, or a column is renamed (schema-change event), while {@code put()} keeps writing in a
 * loop during the copy; a reader of the alias counts the documents after every batch; afterwards
 * every document is compared with the expected row.
 */
class ReindexIT {
    private static final int ROWS = 1_500;
    private static final Schema INT_QTY = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
            .field("qty", Schema.OPTIONAL_INT32_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema TEXT_QTY = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
            .field("qty", Schema.OPTIONAL_STRING_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema RENAMED = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
            .field("quantity", Schema.OPTIONAL_INT32_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema TEXT_AT = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
            .field("at", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema DATETIME_AT = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
            .field("at", SchemaBuilder.int64().name(ColumnKind.DEBEZIUM_TIMESTAMP).optional().build()).build();

    private final TableFixture fixture = new TableFixture("r");
    private final ElasticsearchTestClient es = fixture.es;
    private final Map<String, JsonObject> expected = new HashMap<>();
    private final String table = fixture.table;
    private final String alias = fixture.alias;
    private final ChangeEvents events = fixture.events;
    private long position;

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    private ElasticsearchSinkTask start(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("reindex.batch.size", "20"));
        props.putAll(extra);
        return fixture.start(props);
    }

    @Test
    void intToVarcharWhileWritesContinue() {
        ElasticsearchSinkTask task = start(Map.of());
        fill(task, id -> new Struct(INT_QTY).put("id", id).put("qty", (int) id * 10).put("name", "n" + id),
                id -> doc("{\"id\":%d,\"qty\":\"%d\",\"name\":\"n%d\"}", id, id * 10, id));

        int batchesDuringCopy = writeWhileCopying(task, id -> new Struct(TEXT_QTY).put("id", id).put("qty", "q" + id + "-" + position)
                .put("name", "m" + id), (id, row) -> doc("{\"id\":%d,\"qty\":\"%s\",\"name\":\"m%d\"}", id, row.get("qty"), id));

        assertThat(batchesDuringCopy).as("put() batches while the copy ran").isGreaterThanOrEqualTo(3);
        assertThat(fieldType("qty")).isEqualTo("text");
        assertThat(fixture.documents()).isEqualTo(expected);
        assertThat(indexExists(alias + "_v1")).as("drop.old.index=false keeps the old index").isTrue();
    }

    @Test
    void varcharToDatetimeWhileWritesContinue() {
        ElasticsearchSinkTask task = start(Map.of());
        fill(task, id -> new Struct(TEXT_AT).put("id", id).put("at", id == 7 ? "not a date" : String.format("2024-01-%02d 10:11:%02d", id % 28 + 1, id % 60)),
                id -> id == 7 ? doc("{\"id\":7}")
                        : doc("{\"id\":%d,\"at\":\"2024-01-%02dT10:11:%02d.000\"}", id, id % 28 + 1, id % 60));

        LocalDateTime base = LocalDateTime.of(2025, 3, 4, 5, 6, 7);
        int batchesDuringCopy = writeWhileCopying(task, id -> new Struct(DATETIME_AT).put("id", id)
                .put("at", base.plusSeconds(position).toInstant(ZoneOffset.UTC).toEpochMilli() + 123),
                (id, row) -> doc("{\"id\":%d,\"at\":\"%s.123\"}", id,
                        LocalDateTime.ofEpochSecond((Long) row.get("at") / 1000, 0, ZoneOffset.UTC)));

        assertThat(batchesDuringCopy).isGreaterThanOrEqualTo(3);
        assertThat(fieldType("at")).isEqualTo("date");
        assertThat(fixture.documents()).isEqualTo(expected);
        JsonObject inMarch = es.search(alias, "{\"size\":0,\"query\":{\"range\":{\"at\":{\"gte\":\"2025-03-01\"}}}}");
        assertThat(inMarch.getJsonObject("total").getInt("value")).as("converted values are real dates").isPositive();
    }

    @Test
    void renameFromASchemaChangeEventWhileWritesContinueAndTheOldIndexIsDropped() {
        ElasticsearchSinkTask task = start(Map.of("drop.old.index", "true"));
        fill(task, id -> new Struct(INT_QTY).put("id", id).put("qty", (int) id).put("name", "n" + id),
                id -> doc("{\"id\":%d,\"quantity\":%d,\"name\":\"n%d\"}", id, id, id));

        task.put(List.of(renameEvent("qty", "quantity", position += 10)));
        assertThat(indexExists(alias + "_v2")).as("the rename starts a reindex at once").isTrue();
        int batchesDuringCopy = writeWhileCopying(task, id -> new Struct(RENAMED).put("id", id).put("quantity", (int) (id + position))
                .put("name", "m" + id), (id, row) -> doc("{\"id\":%d,\"quantity\":%d,\"name\":\"m%d\"}", id, row.get("quantity"), id));

        assertThat(batchesDuringCopy).isGreaterThanOrEqualTo(3);
        assertThat(fieldType("quantity")).isEqualTo("integer");
        assertThat(mappingProperties().containsKey("qty")).isFalse();
        assertThat(fixture.documents()).isEqualTo(expected);
        assertThat(indexExists(alias + "_v1")).as("drop.old.index=true").isFalse();

        task.put(List.of(renameEvent("qty", "quantity", position - 5))); // the event again, as after a replay
        task.preCommit(Map.of());
        assertThat(fixture.currentIndex()).isEqualTo(alias + "_v2");
    }

    @Test
    void aTaskRestartDuringTheCopyCopiesAgainAndLosesNothing() {
        ElasticsearchSinkTask first = start(Map.of("reindex.batch.size", "5"));
        fill(first, id -> new Struct(INT_QTY).put("id", id).put("qty", (int) id).put("name", "n" + id),
                id -> doc("{\"id\":%d,\"qty\":\"%d\",\"name\":\"n%d\"}", id, id, id));
        fixture.putAndCommit(first, List.of(textQty(1, "changed"), textQty(ROWS + 1, "new")));
        fixture.stop(first);
        assertThat(fixture.currentIndex()).as("stopped during the copy").isEqualTo(alias + "_v1");
        assertThat(indexExists(alias + "_v2")).isTrue();

        ElasticsearchSinkTask second = start(Map.of("reindex.batch.size", "200"));
        fixture.putAndCommit(second, List.of(textQty(2, "after restart")));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            second.preCommit(Map.of());
            return fixture.currentIndex().equals(alias + "_v2");
        });
        second.preCommit(Map.of());
        assertThat(fixture.documents()).isEqualTo(expected);
    }

    @Test
    void aRestartedTaskReadingTheSameSchemaBackFromTheMappingDoesNotReindex() {
        Schema everyType = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
                .field("at", SchemaBuilder.int64().name(ColumnKind.DEBEZIUM_TIMESTAMP).optional().build())
                .field("day", SchemaBuilder.int32().name(ColumnKind.DEBEZIUM_DATE).optional().build())
                .field("price", org.apache.kafka.connect.data.Decimal.builder(2).optional().build())
                .field("zoned", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").optional().build())
                .field("flag", Schema.OPTIONAL_BOOLEAN_SCHEMA).field("ratio", Schema.OPTIONAL_FLOAT64_SCHEMA).build();
        Struct row = new Struct(everyType).put("id", 1L).put("at", 0L).put("day", 1).put("price", new java.math.BigDecimal("1.25"))
                .put("zoned", "2024-01-31T10:11:12Z").put("flag", true).put("ratio", 0.5);
        fixture.putAndCommit(start(Map.of()), List.of(events.change("c", 1, position += 10, row)));
        fixture.putAndCommit(start(Map.of()), List.of(events.change("u", 1, position += 10, row)));
        assertThat(indexExists(alias + "_v2")).isFalse();
        assertThat(fixture.currentIndex()).isEqualTo(alias + "_v1");
    }

    private SinkRecord textQty(long id, String qty) {
        expected.put(String.valueOf(id), doc("{\"id\":%d,\"qty\":\"%s\",\"name\":\"x\"}", id, qty));
        return events.change("u", id, position += 10, new Struct(TEXT_QTY).put("id", id).put("qty", qty).put("name", "x"));
    }

    /** Writes the first {@link #ROWS} rows with the first schema and waits until Elasticsearch has them. */
    private void fill(ElasticsearchSinkTask task, LongFunction<Struct> row, LongFunction<JsonObject> expectedDocument) {
        List<SinkRecord> records = new ArrayList<>();
        for (long id = 1; id <= ROWS; id++) {
            records.add(events.change("c", id, position += 10, row.apply(id)));
            expected.put(String.valueOf(id), expectedDocument.apply(id));
        }
        fixture.putAndCommit(task, records);
        assertThat(es.count(alias)).isEqualTo(ROWS);
    }

    /**
     * Puts batches of rows of the new schema (updates of existing rows and new rows; the first one
     * starts the reindex) until the alias has moved, counting the alias's documents after each
     * batch. Returns how many batches went in while the copy ran.
     */
    private int writeWhileCopying(ElasticsearchSinkTask task, LongFunction<Struct> row,
            java.util.function.BiFunction<Long, Struct, JsonObject> expectedDocument) {
        List<Long> counts = new ArrayList<>();
        long nextNew = ROWS + 1;
        int batches = 0;
        long update = 1;
        do {
            List<SinkRecord> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++, update = update % ROWS + 37 % ROWS) {
                batch.add(write(update, row, expectedDocument));
            }
            batch.add(write(nextNew++, row, expectedDocument));
            task.put(batch);
            task.preCommit(Map.of());
            counts.add(es.count(alias));
            batches++;
        } while (fixture.currentIndex().equals(alias + "_v1") && batches < 5_000);
        fixture.putAndCommit(task, List.of(write(nextNew, row, expectedDocument)));
        task.preCommit(Map.of());
        assertThat(fixture.currentIndex()).isEqualTo(alias + "_v2");
        assertThat(counts).as("readers of the alias never see a missing or half-filled index")
                .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(ROWS));
        assertThat(es.count(alias)).isEqualTo(expected.size());
        return batches - 1;
    }

    private SinkRecord write(long id, LongFunction<Struct> row, java.util.function.BiFunction<Long, Struct, JsonObject> expectedDocument) {
        position += 10;
        Struct value = row.apply(id);
        expected.put(String.valueOf(id), expectedDocument.apply(id, value));
        return events.change("u", id, position, value);
    }

    private SinkRecord renameEvent(String from, String to, long at) {
        Schema sourceSchema = SchemaBuilder.struct().name("source").field("db", Schema.STRING_SCHEMA).build();
        TableId id = TableId.ofCatalogTable("shop", table);
        TableSchema after = TableSchema.builder(id).column("id", ColumnType.int64(), false).column(to, ColumnType.int32(), true)
                .column("name", ColumnType.string(), true).primaryKey("id").version(2).validFromPosition(at).build();
        SchemaChangeEvent event = SchemaChangeEvent.builder(id, SchemaChangeEvent.Type.ALTER)
                .source(new Struct(sourceSchema).put("db", "shop")).timestampMillis(System.currentTimeMillis()).position(at)
                .ddl("ALTER TABLE " + table + " RENAME COLUMN " + from + " TO " + to).tableSchema(after)
                .changes(List.of(new SchemaChange.RenameColumn(id, from, to))).build();
        SchemaChangeEventWriter writer = new SchemaChangeEventWriter(sourceSchema);
        return new SinkRecord("cdc.schema-changes", 0, writer.keySchema(), writer.key(event), writer.valueSchema(), writer.value(event), 0);
    }

    private static JsonObject doc(String format, Object... args) {
        return EsResponse.parse(String.format(format, args));
    }

    private boolean indexExists(String index) {
        return es.request("HEAD", "/" + index, null).status() == 200;
    }

    private JsonObject mappingProperties() {
        JsonObject mapping = es.mapping(alias);
        return mapping.getJsonObject(mapping.keySet().iterator().next()).getJsonObject("mappings").getJsonObject("properties");
    }

    private String fieldType(String field) {
        return mappingProperties().getJsonObject(field).getString("type");
    }
}
