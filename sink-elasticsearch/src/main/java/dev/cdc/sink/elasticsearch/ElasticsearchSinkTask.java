package dev.cdc.sink.elasticsearch;

import dev.cdc.core.Version;
import dev.cdc.sink.elasticsearch.config.ElasticsearchSinkConfig;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies change events to Elasticsearch. {@code put()} queues the records' actions into bulk
 * requests sent in the background; {@code preCommit()} commits only the offsets whose records
 * Elasticsearch acknowledged (or that were skipped or reported as errant), never the offsets the
 * worker merely handed over.
 */
public class ElasticsearchSinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkTask.class);
    private SinkComponents components;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        ElasticsearchSinkConfig config = ElasticsearchSinkConfig.parse(props);
        String name = "es-sink-" + props.getOrDefault("name", "task") + "-" + props.getOrDefault("task.id", "0");
        components = SinkComponents.start(config, errantRecordReporter(), name);
        LOG.info("Started {} writing to {}", name, config.connection().describeUrls());
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context == null ? null : context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a worker older than Kafka 2.6
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        ChangeWriter writer = running().writer();
        for (SinkRecord record : records) {
            writer.write(record);
        }
        writer.resolveUnchangedColumns();
        components.indexes().finishReindexes();
        components.bulk().sendIfLingered();
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        SinkComponents running = running();
        running.writer().resolveUnchangedColumns();
        running.indexes().finishReindexes();
        running.bulk().sendPending();
        return running.offsets().committable();
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        running().writer().resolveUnchangedColumns();
        running().bulk().awaitAll();
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (components != null) {
            components.offsets().forget(partitions);
        }
    }

    @Override
    public void stop() {
        if (components != null) {
            components.close();
            components = null;
        }
    }

    private SinkComponents running() {
        if (components == null) {
            throw new ConnectException("the Elasticsearch sink task is not started");
        }
        return components;
    }
}
