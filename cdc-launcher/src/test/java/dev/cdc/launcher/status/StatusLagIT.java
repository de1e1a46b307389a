package dev.cdc.launcher.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.launcher.connect.ConnectClient;
import dev.cdc.testkit.TestStack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lag of {@code bin/cdc status} against the local Kafka: change events written as the worker
 * writes them (cdc-core envelope, JsonConverter), read back by {@link KafkaTopicView} and measured
 * by {@link TableDetails} with a fixed clock. No connector is deployed: the collecting classes are
 * driven directly, one uniquely named topic prefix per run.
 */
class StatusLagIT {
    private static final long NOW = 1_700_000_000_000L;

    private final TestStack stack = TestStack.get();
    private final String prefix = "statusit" + ThreadLocalRandom.current().nextInt(1_000_000);
    private final String topic = prefix + ".shop.things";
    private final String plainTopic = prefix + ".shop.plain";
    private final TopicPartition partition = new TopicPartition(topic, 0);
    private final SourceOffsets noOffsets = new SourceOffsets(Optional.empty(), Set.of());
    private Admin admin;

    @BeforeEach
    void writeChangeEvents() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(plainTopic, 1, (short) 1))).all().get();
        ChangeEvents events = new ChangeEvents(topic);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, events.key(1), events.insert(1, NOW - 30_000, NOW - 29_000))).get();
            producer.send(new ProducerRecord<>(topic, events.key(2), events.insert(2, NOW - 20_000, NOW - 19_000))).get();
            producer.send(new ProducerRecord<>(topic, events.key(3), events.insert(3, NOW - 10_000, NOW - 9_000))).get();
            producer.send(new ProducerRecord<>(topic, events.key(3), null)).get();
            producer.send(new ProducerRecord<>(plainTopic, null, "plain text".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    @AfterEach
    void deleteTopics() throws Exception {
        admin.deleteTopics(List.of(topic, plainTopic)).all().get();
        admin.close();
    }

    @Test
    void sourceLagIsReadFromTheLastChangeEventBeforeTheTombstone() throws Exception {
        try (KafkaTopicView kafka = new KafkaTopicView(stack.kafkaBootstrapServers())) {
            List<SourceTable> tables = details(kafka).source(prefix, noOffsets, kafka.topicNames());

            assertThat(tables).extracting(SourceTable::table).containsExactly("shop.plain", "shop.things");
            SourceTable things = tables.get(1);
            assertThat(things.eventsInTopic()).isEqualTo(4);
            assertThat(things.lastChangeMillis()).isEqualTo(NOW - 10_000);
            assertThat(things.millisBehindSource()).isEqualTo(10_000);
            assertThat(tables.get(0).millisBehindSource()).isNull();
            assertThat(tables.get(0).note()).isEqualTo("time unknown: value is not JSON");
        }
    }

    @Test
    void sinkLagStartsAtTheOldestEventItsGroupDidNotCommit() throws Exception {
        String connector = prefix + "-sink";
        commit("connect-" + connector, 1);
        try (KafkaTopicView kafka = new KafkaTopicView(stack.kafkaBootstrapServers())) {
            List<SinkTopic> topics = details(kafka).sink(connector, SinkTargets.ELASTICSEARCH, Map.of("topics.regex", prefix + "\\.shop\\.t.*"),
                    kafka.topicNames());

            assertThat(topics).containsExactly(new SinkTopic(topic, "index shop.things", 3L, 20_000L, null));
        }
    }

    @Test
    void unreachableKafkaIsReportedWhileConnectStillAnswers() {
        StatusReport report = new StatusCommand(new ConnectClient(URI.create(stack.connectUrl())), "127.0.0.1:1").collect();

        assertThat(report.unreachableReason()).isNull();
        String text = StatusRenderer.text(report);
        if (report.connectors().isEmpty()) {
            assertThat(text).startsWith("No connectors are deployed");
        } else {
            assertThat(report.kafkaProblem()).contains("127.0.0.1:1");
            assertThat(text.lines().filter(line -> line.contains("127.0.0.1:1"))).hasSize(1);
        }
    }

    private TableDetails details(KafkaTopicView kafka) {
        return new TableDetails(kafka, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    }

    private void commit(String group, long offset) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
