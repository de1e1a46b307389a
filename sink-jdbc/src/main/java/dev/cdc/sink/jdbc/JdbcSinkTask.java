package dev.cdc.sink.jdbc;

import dev.cdc.core.Version;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Placeholder task of {@link JdbcSinkConnector}; see issue #7. */
public class JdbcSinkTask extends SinkTask {
    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        throw new ConnectException("JdbcSinkTask is not implemented yet (issue #7)");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        throw new ConnectException("JdbcSinkTask is not implemented yet (issue #7)");
    }

    @Override
    public void stop() {
    }
}
