package dev.cdc.sink.elasticsearch;

import dev.cdc.core.Version;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Placeholder task of {@link ElasticsearchSinkConnector}; see issue #4. */
public class ElasticsearchSinkTask extends SinkTask {
    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        throw new ConnectException("ElasticsearchSinkTask is not implemented yet (issue #4)");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        throw new ConnectException("ElasticsearchSinkTask is not implemented yet (issue #4)");
    }

    @Override
    public void stop() {
    }
}
