package dev.cdc.sink.elasticsearch;

import dev.cdc.testkit.connect.FakeSinkTaskContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cdc.sink.elasticsearch.toast.UnchangedColumns;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unchanged TOAST values against the real Elasticsearch: an update that lacks a column's value
 * (our header with null, or Debezium's placeholder) keeps the stored value.
 */
class UnchangedToastIT {
    private static final Schema ROW = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA).field("bio", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final String BIG = "t".repeat(5_000);

    private final ElasticsearchTestClient es = new ElasticsearchTestClient();
    private final List<ElasticsearchSinkTask> tasks = new ArrayList<>();
    private String alias;
    private String topic;
    private ChangeEvents events;

    @BeforeEach
    void uniqueTable() {
        String table = "toast" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

    private ElasticsearchSinkTask start() {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", es.url());
        props.put("index.name.template", "it-${db}.${table}");
        props.put("batch.size", "3");
        ElasticsearchSinkTask task = new ElasticsearchSinkTask();
        task.initialize(new FakeSinkTaskContext(new RecordingErrantRecordReporter()));
        task.start(props);
        tasks.add(task);
        return task;
    }

    private void putAndCommit(ElasticsearchSinkTask task, SinkRecord... records) {
        task.put(List.of(records));
        long next = records[records.length - 1].kafkaOffset() + 1;
        await().atMost(Duration.ofSeconds(30)).until(() -> committed(task) == next);
    }

    private long committed(ElasticsearchSinkTask task) {
        OffsetAndMetadata offset = task.preCommit(Map.of()).get(new TopicPartition(topic, 0));
        return offset == null ? 0 : offset.offset();
    }

    private static Struct row(long id, String name, String bio) {
        return new Struct(ROW).put("id", id).put("name", name).put("bio", bio);
    }

    private SinkRecord insert(long id, long position, String name, String bio) {
        return events.change("c", id, position, row(id, name, bio));
    }

    /** An update as source-postgres writes it when the bio's TOASTed value did not change. */
    private SinkRecord updateWithHeader(long id, long position, String name) {
        SinkRecord record = events.change("u", id, position, row(id, name, null));
        record.headers().addString(UnchangedColumns.HEADER, "bio");
        return record;
    }

    private SinkRecord updateWithPlaceholder(long id, long position, String name) {
        return events.change("u", id, position, row(id, name, UnchangedColumns.PLACEHOLDER));
    }

    private JsonObject document(long id) {
        JsonObject doc = es.get(alias, Long.toString(id));
        assertThat(doc).isNotNull();
        return doc;
    }

    private void assertDocument(long id, String name, String bio, long version) {
        JsonObject doc = document(id);
        JsonObject source = doc.getJsonObject("_source");
        assertThat(source.getString("name")).isEqualTo(name);
        if (bio == null) {
            assertThat(source.get("bio")).isEqualTo(JsonValue.NULL);
        } else {
            assertThat(source.getString("bio")).isEqualTo(bio);
        }
        assertThat(doc.getJsonNumber("_version").longValue()).isEqualTo(version);
    }

    @Test
    void anUpdateWithTheHeaderKeepsTheStoredText() {
        ElasticsearchSinkTask task = start();
        putAndCommit(task, insert(1, 100, "Ada", BIG));
        putAndCommit(task, updateWithHeader(1, 110, "Ada L."));
        assertDocument(1, "Ada L.", BIG, 110);
    }

    @Test
    void anUpdateWithDebeziumsPlaceholderKeepsTheStoredText() {
        ElasticsearchSinkTask task = start();
        putAndCommit(task, insert(1, 100, "Ada", BIG));
        putAndCommit(task, updateWithPlaceholder(1, 110, "Ada L."));
        assertDocument(1, "Ada L.", BIG, 110);
    }

    @Test
    void anInsertAndItsUpdateInOnePutKeepTheText() {
        ElasticsearchSinkTask task = start();
        putAndCommit(task, insert(1, 100, "Ada", BIG), updateWithHeader(1, 110, "Ada L."), insert(2, 120, "Bob", BIG),
                updateWithPlaceholder(2, 130, "Bob B."), updateWithHeader(2, 140, "Bob C."));
        assertDocument(1, "Ada L.", BIG, 110);
        assertDocument(2, "Bob C.", BIG, 140);
    }

    @Test
    void updatesOfManyDocumentsAcrossBatchesAndPutsKeepTheirTexts() {
        ElasticsearchSinkTask task = start();
        List<SinkRecord> inserts = new ArrayList<>();
        List<SinkRecord> updates = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            inserts.add(insert(id, 100 + id, "v1", BIG + id));
        }
        for (long id = 1; id <= 10; id++) {
            updates.add(id % 2 == 0 ? updateWithHeader(id, 200 + id, "v2") : updateWithPlaceholder(id, 200 + id, "v2"));
        }
        task.put(inserts);
        putAndCommit(task, updates.toArray(SinkRecord[]::new));
        for (long id = 1; id <= 10; id++) {
            assertDocument(id, "v2", BIG + id, 200 + id);
        }
    }

    @Test
    void anUpdateOfADocumentNotThereYetWritesNull() {
        ElasticsearchSinkTask task = start();
        putAndCommit(task, insert(1, 100, "Ada", BIG));
        putAndCommit(task, updateWithHeader(2, 110, "Bob"), updateWithPlaceholder(3, 120, "Cy"));
        assertDocument(2, "Bob", null, 110);
        assertDocument(3, "Cy", null, 120);
    }

    @Test
    void aStaleUpdateChangesNothing() {
        ElasticsearchSinkTask task = start();
        putAndCommit(task, insert(1, 100, "Ada", BIG), events.change("u", 1, 130, row(1, "Ada L.", "newer")));
        putAndCommit(task, updateWithHeader(1, 120, "stale"));
        assertDocument(1, "Ada L.", "newer", 130);
    }
}
