package dev.cdc.source.postgres;

import dev.cdc.core.Version;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Placeholder task of {@link PostgresSourceConnector}; see issue #6. */
public class PostgresSourceTask extends SourceTask {
    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        throw new ConnectException("PostgresSourceTask is not implemented yet (issue #6)");
    }

    @Override
    public List<SourceRecord> poll() {
        return null;
    }

    @Override
    public void stop() {
    }
}
