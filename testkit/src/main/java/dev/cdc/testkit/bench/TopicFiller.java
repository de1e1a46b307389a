package dev.cdc.testkit.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;

/** Fills a new topic with change events serialized by JsonConverter with schemas, as a source connector would. */
public final class TopicFiller {
    private TopicFiller() {
    }

    /** Creates the topic and writes events {@code 0 .. count-1}; returns the bytes of the values written. */
    public static long fill(String bootstrap, OrderChangeEvents events, int partitions, long count) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(events.topic(), partitions, (short) 1))).all().get();
        }
        JsonConverter keys = converter(true);
        JsonConverter values = converter(false);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20);
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                SourceRecord record = events.event(i);
                byte[] value = values.fromConnectData(events.topic(), record.valueSchema(), record.value());
                bytes += value.length;
                producer.send(new ProducerRecord<>(events.topic(), keys.fromConnectData(events.topic(), record.keySchema(), record.key()), value));
            }
            producer.flush();
        }
        return bytes;
    }

    private static JsonConverter converter(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), isKey);
        return converter;
    }
}
