package dev.cdc.sink.jdbc;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

import dev.cdc.core.Version;
import dev.cdc.sink.jdbc.config.JdbcSinkConfig;
import dev.cdc.sink.jdbc.write.ChangeApplier;

/**
 * Applies change records to the target. {@link #put} writes and commits synchronously (see
 * {@link ChangeApplier}), so when it returns the records' offsets may be committed: Connect's
 * default {@code preCommit} commits exactly the offsets of the records {@code put} accepted.
 */
public class JdbcSinkTask extends SinkTask {
    private ChangeApplier applier;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        JdbcSinkConfig config = JdbcSinkConfig.parse(props);
        applier = JdbcSinkFactory.create(config, props, context);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (!records.isEmpty()) {
            applier.apply(records);
        }
    }

    @Override
    public void stop() {
        if (applier != null) {
            applier.close();
            applier = null;
        }
    }
}
