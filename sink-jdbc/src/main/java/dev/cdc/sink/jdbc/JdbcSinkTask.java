package dev.cdc.sink.jdbc;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

import dev.cdc.core.Version;
import dev.cdc.sink.jdbc.config.JdbcSinkConfig;
import dev.cdc.sink.jdbc.write.Backoff;
import dev.cdc.sink.jdbc.write.ChangeApplier;
import dev.cdc.sink.jdbc.write.PipelinedApplier;
import dev.cdc.sink.jdbc.write.Sleeper;

/**
 * Applies change records to the target. {@link #put} hands the records to a writer thread
 * ({@link PipelinedApplier}), which applies them with the {@link ChangeApplier} and commits, while
 * Connect fetches and converts the next ones. {@link #preCommit} waits for the records in flight,
 * so the offsets Connect commits (those of every record {@code put} accepted) are all written.
 */
public class JdbcSinkTask extends SinkTask {
    private ChangeApplier applier;
    private PipelinedApplier pipeline;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        JdbcSinkConfig config = JdbcSinkConfig.parse(props);
        ChangeApplier changes = JdbcSinkFactory.create(config, props, context);
        applier = changes;
        pipeline = new PipelinedApplier(changes::apply, config.retry().maxRetries(),
                new Backoff(config.retry().backoffMillis(), config.retry().maxBackoffMillis()), Sleeper.REAL,
                "cdc-sink-jdbc-" + props.getOrDefault("name", "connector") + "-writer");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (!records.isEmpty()) {
            pipeline.submit(records);
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        pipeline.awaitWritten();
        return super.preCommit(currentOffsets);
    }

    @Override
    public void stop() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
        if (applier != null) {
            applier.close();
            applier = null;
        }
    }
}
