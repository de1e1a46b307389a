package dev.cdc.sink.elasticsearch;

import dev.cdc.testkit.connect.FakeSinkTaskContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cdc.sink.elasticsearch.document.ColumnKind;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task against the real Elasticsearch of the test stack; each test has its own index. */
class ElasticsearchSinkTaskIT {
    private static final Schema ROW = SchemaBuilder.struct().name("row").optional()
            .field("id", Schema.INT64_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();

    private final ElasticsearchTestClient es = new ElasticsearchTestClient();
    private final List<ElasticsearchSinkTask> tasks = new ArrayList<>();
    private String table;
    private String alias;
    private String topic;
    private ChangeEvents events;

    @BeforeEach
    void uniqueTable() {
        table = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        alias = "it-shop." + table;
        topic = "cdc.shop." + table;
        events = new ChangeEvents(topic, "shop", table);
    }

    @AfterEach
    void cleanUp() throws Exception {
        tasks.forEach(ElasticsearchSinkTask::stop);
        es.deleteIndexes(alias);
        es.close();
    }

    private ElasticsearchSinkTask start(RecordingErrantRecordReporter reporter, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", es.url());
        props.put("index.name.template", "it-${db}.${table}");
        props.put("batch.size", "3");
        props.put("max.retries", "2");
        props.putAll(extra);
        ElasticsearchSinkTask task = new ElasticsearchSinkTask();
        task.initialize(new FakeSinkTaskContext(reporter));
        task.start(props);
        tasks.add(task);
        return task;
    }

    private ElasticsearchSinkTask start() {
        return start(new RecordingErrantRecordReporter(), Map.of());
    }

    private static Struct row(long id, String name) {
        return new Struct(ROW).put("id", id).put("name", name);
    }

    /** Puts records, then waits until every offset is committable, as the worker's commit would. */
    private void putAndCommit(ElasticsearchSinkTask task, List<SinkRecord> records) {
        task.put(records);
        long next = records.get(records.size() - 1).kafkaOffset() + 1;
        await().atMost(Duration.ofSeconds(30)).until(() -> committed(task) == next);
    }

    private long committed(ElasticsearchSinkTask task) {
        Map<TopicPartition, OffsetAndMetadata> offsets = task.preCommit(Map.of());
        OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, 0));
        return offset == null ? 0 : offset.offset();
    }

    private String name(String id) {
        JsonObject doc = es.get(alias, id);
        return doc == null || !doc.getBoolean("found") ? null : doc.getJsonObject("_source").getString("name", null);
    }

    private long version(String id) {
        return es.get(alias, id).getJsonNumber("_version").longValue();
    }

    @Test
    void createUpdateDeleteAndReplaysNeverMoveADocumentBackwards() {
        ElasticsearchSinkTask task = start();
        List<SinkRecord> history = List.of(
                events.change("c", 1, 100, row(1, "one")),
                events.change("c", 2, 110, row(2, "two")),
                events.change("u", 1, 120, row(1, "one v2")),
                events.change("c", 3, 130, row(3, "three")),
                events.change("d", 2, 140, null),
                events.tombstone(2),
                events.change("u", 3, 150, row(3, "three v2")));
        putAndCommit(task, history);
        assertThat(name("1")).isEqualTo("one v2");
        assertThat(version("1")).isEqualTo(120);
        assertThat(name("3")).isEqualTo("three v2");
        assertThat(es.count(alias)).as("the deleted row is hidden from readers of the alias").isEqualTo(2);
        assertThat(es.get(alias, "2").getJsonObject("_source").getBoolean("__cdc_deleted")).isTrue();
        assertThat(version("2")).isEqualTo(140);

        // deletes older than ES's gc_deletes window: the window is 0 s from now on
        es.request("PUT", "/" + alias + "/_settings", "{\"index\":{\"gc_deletes\":\"0s\"}}");
        putAndCommit(task, history); // a replay from offset 0
        putAndCommit(start(), List.of(events.change("u", 2, 135, row(2, "late older write"))));

        assertThat(name("1")).isEqualTo("one v2");
        assertThat(version("1")).isEqualTo(120);
        assertThat(name("3")).isEqualTo("three v2");
        assertThat(name("2")).as("a late older write never resurrects a deleted row").isNull();
        assertThat(es.count(alias)).isEqualTo(2);
        assertThat(es.search(alias, "{\"query\":{\"match_all\":{}}}").getJsonArray("hits"))
                .extracting(hit -> hit.asJsonObject().getString("_id")).containsExactlyInAnyOrder("1", "3");
    }

    @Test
    void aNewerPositionReplacesAndEqualPositionsKeepTheLastArrival() {
        ElasticsearchSinkTask task = start();
        putAndCommit(task, List.of(events.change("c", 1, 100, row(1, "a"))));
        putAndCommit(task, List.of(events.change("u", 1, 100, row(1, "b"))));
        assertThat(name("1")).isEqualTo("b");
        putAndCommit(task, List.of(events.change("u", 1, 99, row(1, "older"))));
        assertThat(name("1")).isEqualTo("b");
    }

    @Test
    void mappingIsExplicitAndANewColumnIsMappedBeforeItsFirstDocument() {
        ElasticsearchSinkTask task = start();
        putAndCommit(task, List.of(events.change("c", 1, 100, row(1, "one"))));
        JsonObject first = es.mapping(alias);
        String index = first.keySet().iterator().next();
        assertThat(index).isEqualTo(alias + "_v1");
        JsonObject properties = first.getJsonObject(index).getJsonObject("mappings").getJsonObject("properties");
        assertThat(properties.getJsonObject("id").getString("type")).isEqualTo("long");
        assertThat(properties.getJsonObject("name").getString("type")).isEqualTo("text");
        assertThat(properties.containsKey("price")).isFalse();

        Schema wider = SchemaBuilder.struct().name("row").optional()
                .field("id", Schema.INT64_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA)
                .field("price", Decimal.builder(2).optional().build())
                .field("created", SchemaBuilder.int64().name(ColumnKind.DEBEZIUM_MICRO_TIMESTAMP).optional().build())
                .field("day", SchemaBuilder.int32().name(ColumnKind.DEBEZIUM_DATE).optional().build())
                .field("at", SchemaBuilder.int64().name(ColumnKind.DEBEZIUM_MICRO_TIME).optional().build())
                .build();
        Struct row = new Struct(wider).put("id", 2L).put("name", "two").put("price", new BigDecimal("12345678901234567.89"))
                .put("created", 1_706_695_872_123_456L).put("day", 19_753).put("at", 36_672_123_456L);
        putAndCommit(task, List.of(events.change("c", 2, 200, row)));

        JsonObject after = es.mapping(alias).getJsonObject(index).getJsonObject("mappings").getJsonObject("properties");
        assertThat(after.getJsonObject("price").getString("type")).isEqualTo("keyword");
        assertThat(after.getJsonObject("created").getString("type")).isEqualTo("date");
        assertThat(after.getJsonObject("day").getString("format")).isEqualTo("strict_date");
        assertThat(after.getJsonObject("at").getString("type")).isEqualTo("keyword");
        JsonObject source = es.get(alias, "2").getJsonObject("_source");
        assertThat(source.getString("price")).isEqualTo("12345678901234567.89");
        assertThat(source.getString("created")).isEqualTo("2024-01-31T10:11:12.123456");
        JsonObject hits = es.search(alias, "{\"query\":{\"bool\":{\"filter\":["
                + "{\"range\":{\"created\":{\"gte\":\"2024-01-31T10:11:12.000\",\"lt\":\"2024-01-31T10:11:13\"}}},"
                + "{\"term\":{\"day\":\"2024-01-31\"}},{\"term\":{\"price\":\"12345678901234567.89\"}}]}}}");
        assertThat(hits.getJsonArray("hits")).hasSize(1);
    }

    @Test
    void poisonRecordsGoToTheReporterWithTheReasonAndTheRestIsWritten() {
        RecordingErrantRecordReporter reporter = new RecordingErrantRecordReporter();
        ElasticsearchSinkTask task = start(reporter, Map.of());
        Schema timestamps = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
                .field("created", SchemaBuilder.int64().name(ColumnKind.DEBEZIUM_MICRO_TIMESTAMP).optional().build()).build();
        long year10000 = 253_402_300_800_000_000L;
        putAndCommit(task, List.of(
                events.change("c", 1, 100, new Struct(timestamps).put("id", 1L).put("created", 0L)),
                events.change("c", 2, 110, new Struct(timestamps).put("id", 2L).put("created", year10000)),
                events.change("x", 3, 120, new Struct(timestamps).put("id", 3L).put("created", 0L)),
                events.change("c", 4, 130, new Struct(timestamps).put("id", 4L).put("created", 0L))));
        assertThat(reporter.reports).hasSize(2);
        assertThat(reporter.reports.get(0).record().kafkaOffset()).isEqualTo(2);
        assertThat(reporter.reports.get(0).error()).hasMessage("op 'x' is not one of c, u, r, d, t");
        assertThat(reporter.reports.get(1).record().kafkaOffset()).isEqualTo(1);
        assertThat(reporter.reports.get(1).error().getMessage())
                .startsWith("Elasticsearch rejected document _id=2 in index " + alias + "_v1 with HTTP 400: document_parsing_exception");
        assertThat(es.count(alias)).isEqualTo(2);
    }

    @Test
    void withoutAReporterAPoisonRecordStopsTheTaskNamingTopicPartitionOffsetAndTheError() {
        ElasticsearchSinkTask task = start(null, Map.of());
        Schema timestamps = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
                .field("created", SchemaBuilder.int64().name(ColumnKind.DEBEZIUM_MICRO_TIMESTAMP).optional().build()).build();
        task.put(List.of(
                events.change("c", 1, 100, new Struct(timestamps).put("id", 1L).put("created", 0L)),
                events.change("c", 2, 110, new Struct(timestamps).put("id", 2L).put("created", 253_402_300_800_000_000L))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThatThrownBy(() -> task.preCommit(Map.of()))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("record at topic " + topic + " partition 0 offset 1: Elasticsearch rejected document _id=2")
                .hasMessageContaining("document_parsing_exception"));
    }

    @Test
    void aTruncateEmptiesTheIndexAndOlderChangesStayOut() {
        ElasticsearchSinkTask task = start();
        putAndCommit(task, List.of(events.change("c", 1, 100, row(1, "one")), events.change("c", 2, 110, row(2, "two"))));
        assertThat(es.count(alias)).isEqualTo(2);
        putAndCommit(task, List.of(events.change("t", 0, 200, null)));
        assertThat(es.count(alias)).isZero();
        assertThat(es.request("GET", "/_alias/" + alias, null).json().keySet()).containsExactly(alias + "_v2");

        ElasticsearchSinkTask restarted = start();
        events.rewind();
        putAndCommit(restarted, List.of(events.change("c", 1, 100, row(1, "one")), events.change("c", 2, 110, row(2, "two")),
                events.change("t", 0, 200, null), events.change("c", 3, 210, row(3, "three"))));
        assertThat(es.count(alias)).isEqualTo(1);
        assertThat(name("3")).isEqualTo("three");
        assertThat(es.request("GET", "/_alias/" + alias, null).json().keySet()).containsExactly(alias + "_v2");
    }

    @Test
    void unreachableElasticsearchAtStartIsAClearError() {
        ElasticsearchSinkTask task = new ElasticsearchSinkTask();
        task.initialize(new FakeSinkTaskContext(null));
        assertThatThrownBy(() -> task.start(Map.of("connection.url", "http://127.0.0.1:1", "max.retries", "0",
                "connection.timeout.ms", "500")))
                .isInstanceOf(ConnectException.class)
                .hasMessageStartingWith("cannot reach Elasticsearch at http://127.0.0.1:1: ")
                .hasMessageContaining("Connection refused")
                .hasMessageEndingWith("check connection.url, the credentials and that the server runs");
    }

    @Test
    void connectorValidationAttachesServerProblemsToConnectionUrl() {
        ElasticsearchSinkConnector connector = new ElasticsearchSinkConnector();
        var good = connector.validate(Map.of("connection.url", es.url(), "decimal.mapping", "keyword"));
        assertThat(good.configValues()).allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
        var scaled = connector.validate(Map.of("connection.url", es.url(), "decimal.mapping", "scaled_float"));
        boolean serverHasScaledFloat = es.request("GET", "/_nodes/plugins?filter_path=nodes.*.modules.name", null).body()
                .toLowerCase(Locale.ROOT).contains("mapper-extras");
        var urlErrors = scaled.configValues().stream().filter(v -> v.name().equals("connection.url")).findFirst().orElseThrow().errorMessages();
        if (serverHasScaledFloat) {
            assertThat(urlErrors).isEmpty();
        } else {
            assertThat(urlErrors).singleElement().asString().contains("decimal.mapping=scaled_float needs the mapper-extras module");
        }
    }
}
