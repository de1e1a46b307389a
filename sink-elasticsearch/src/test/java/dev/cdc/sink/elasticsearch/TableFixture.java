package dev.cdc.sink.elasticsearch;

import static org.awaitility.Awaitility.await;

import dev.cdc.testkit.connect.FakeSinkTaskContext;
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
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One table of an integration test against the real Elasticsearch: a unique table name, its topic
 * {@code cdc.shop.<table>} and alias {@code it-shop.<table>}, the tasks started on it, and what a
 * test asks of them. {@link #close()} stops the tasks and deletes the indexes.
 */
final class TableFixture implements AutoCloseable {
    final ElasticsearchTestClient es = new ElasticsearchTestClient();
    final String table;
    final String alias;
    final String topic;
    final ChangeEvents events;
    private final List<ElasticsearchSinkTask> tasks = new ArrayList<>();

    TableFixture(String prefix) {
        table = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        alias = "it-shop." + table;
        topic = "cdc.shop." + table;
        events = new ChangeEvents(topic, "shop", table);
    }

    /** A started task writing to {@code it-<db>.<table>}, with {@code extra} settings. */
    ElasticsearchSinkTask start(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", es.url());
        props.put("index.name.template", "it-${db}.${table}");
        props.put("batch.size", "500");
        props.putAll(extra);
        ElasticsearchSinkTask task = new ElasticsearchSinkTask();
        task.initialize(new FakeSinkTaskContext(null));
        task.start(props);
        tasks.add(task);
        return task;
    }

    void stop(ElasticsearchSinkTask task) {
        task.stop();
        tasks.remove(task);
    }

    /** Puts the records and waits until the offset after the last record of the table's topic is committable. */
    void putAndCommit(ElasticsearchSinkTask task, List<SinkRecord> records) {
        task.put(records);
        long next = records.stream().filter(record -> record.topic().equals(topic)).mapToLong(SinkRecord::kafkaOffset).max().orElseThrow() + 1;
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            OffsetAndMetadata offset = task.preCommit(Map.of()).get(new TopicPartition(topic, 0));
            return offset != null && offset.offset() == next;
        });
    }

    /** Every live document through the alias (refreshed first), by {@code _id}. */
    Map<String, JsonObject> documents() {
        es.request("POST", "/" + alias + "/_refresh", null);
        Map<String, JsonObject> documents = new HashMap<>();
        for (JsonValue hit : es.search(alias, "{\"size\":10000,\"query\":{\"match_all\":{}}}").getJsonArray("hits")) {
            documents.put(hit.asJsonObject().getString("_id"), hit.asJsonObject().getJsonObject("_source"));
        }
        return documents;
    }

    /** The index the alias points at. */
    String currentIndex() {
        return es.request("GET", "/_alias/" + alias, null).json().keySet().iterator().next();
    }

    @Override
    public void close() throws Exception {
        tasks.forEach(ElasticsearchSinkTask::stop);
        es.deleteIndexes(alias);
        es.close();
    }
}
