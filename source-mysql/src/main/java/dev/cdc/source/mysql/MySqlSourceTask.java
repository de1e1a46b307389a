package dev.cdc.source.mysql;

import dev.cdc.core.Version;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Placeholder task of {@link MySqlSourceConnector}; see issue #3. */
public class MySqlSourceTask extends SourceTask {
    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        throw new ConnectException("MySqlSourceTask is not implemented yet (issue #3)");
    }

    @Override
    public List<SourceRecord> poll() {
        return null;
    }

    @Override
    public void stop() {
    }
}
