package dev.cdc.launcher.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.core.event.ChangeRecordFactory;
import dev.cdc.core.event.CommonSourceFields;
import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.SnapshotMarker;
import dev.cdc.core.event.SourceInfoSchema;
import dev.cdc.launcher.connect.ConnectClient;
import dev.cdc.launcher.elasticsearch.ElasticsearchHttp;
import dev.cdc.launcher.status.StatusCommand;
import dev.cdc.launcher.status.StatusReport;
import dev.cdc.testkit.TestStack;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Elasticsearch sink on the real Connect worker, fed through Kafka with JSON-with-schema
 * change events: good records land, a value Elasticsearch refuses goes to the dead letter queue
 * (errors.tolerance=all) and {@code bin/cdc status} counts it.
 */
class ElasticsearchSinkOnWorkerIT {
    private final TestStack stack = TestStack.get();
    private final long run = System.nanoTime() % 1_000_000_000L;
    private final String database = "shop" + run;
    private final String topic = "sinkit" + run + "." + database + ".things";
    private final String deadLetters = "sinkit" + run + ".dlq";
    private final String connector = "sink-it-" + run;
    private final String index = database + ".things";
    private final ConnectClient connect = new ConnectClient(URI.create(stack.connectUrl()));

    @AfterEach
    void cleanUp() throws Exception {
        connect.delete(connector);
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(stack.elasticsearchUrl() + "/" + index + "_v*?ignore_unavailable=true&allow_no_indices=true")).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void goodRecordsLandAndARejectedValueGoesToTheDeadLetterQueue() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        // a type change (say INT to VARCHAR) would make the sink reindex; a value Elasticsearch cannot
        // parse under an unchanged schema is what it must refuse: a timestamp that is not one
        Schema zoned = SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").version(1).optional().build();
        Schema rows = SchemaBuilder.struct().name(topic + ".Value").optional()
                .field("id", Schema.INT64_SCHEMA).field("n", Schema.OPTIONAL_INT32_SCHEMA).field("at", zoned).build();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (long id = 1; id <= 50; id++) {
                send(producer, rows, new Struct(rows).put("id", id).put("n", (int) id * 2).put("at", "2024-05-0" + (1 + id % 9) + "T10:15:30.123Z"), id);
            }
            send(producer, rows, new Struct(rows).put("id", 51L).put("n", 102).put("at", "not a timestamp"), 51);
            producer.flush();
        }

        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "dev.cdc.sink.elasticsearch.ElasticsearchSinkConnector");
        config.put("topics", topic);
        config.put("connection.url", stack.elasticsearchUrl());
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", deadLetters);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        connect.putConfig(connector, config);

        ElasticsearchHttp elasticsearch = new ElasticsearchHttp(URI.create(stack.elasticsearchUrl()));
        StatusCommand status = new StatusCommand(connect, stack.kafkaBootstrapServers());
        Awaitility.await("50 documents and 1 dead letter").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    StatusReport report = status.collect();
                    StatusReport.DeadLetters dead = report.deadLetters().get(connector);
                    return elasticsearch.count(index, "{\"match_all\":{}}").orElse(0L) == 50 && dead != null && Long.valueOf(1).equals(dead.records());
                });
        assertThat(elasticsearch.source(index, "7")).hasValueSatisfying(doc -> assertThat(doc.path("n").asInt()).isEqualTo(14));
        assertThat(elasticsearch.source(index, "51")).isEmpty();
        assertThat(status.collect().connectors()).filteredOn(c -> c.name().equals(connector)).singleElement()
                .satisfies(c -> assertThat(c.healthy()).as("the sink keeps running with errors.tolerance=all").isTrue());
    }

    private void send(KafkaProducer<byte[], byte[]> producer, Schema rowSchema, Struct row, long id) throws Exception {
        Schema keySchema = SchemaBuilder.struct().name(topic + ".Key").field("id", Schema.INT64_SCHEMA).build();
        Schema sourceSchema = SourceInfoSchema.builder("dev.cdc.test.Source").field("table", Schema.OPTIONAL_STRING_SCHEMA).build();
        ChangeRecordFactory factory = new ChangeRecordFactory(topic, keySchema, rowSchema, sourceSchema, Clock.systemUTC());
        Struct source = new CommonSourceFields("test", "sinkit", System.currentTimeMillis(), SnapshotMarker.FALSE, database, 1000 + id)
                .newStruct(sourceSchema);
        source.put("table", "things");
        SourceRecord record = factory.create(new Struct(keySchema).put("id", id), row,
                new EventContext(Map.of(), Map.of(), SourceInfo.of(source), null));
        JsonConverter keys = converter(true);
        JsonConverter values = converter(false);
        producer.send(new ProducerRecord<>(topic, keys.fromConnectData(topic, record.keySchema(), record.key()),
                values.fromConnectData(topic, record.valueSchema(), record.value()))).get();
    }

    private static JsonConverter converter(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), isKey);
        return converter;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
