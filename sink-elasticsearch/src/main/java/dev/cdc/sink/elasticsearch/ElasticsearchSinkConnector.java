package dev.cdc.sink.elasticsearch;

import dev.cdc.core.Version;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Placeholder registered so that a Connect worker lists the plugin; the connector itself is the
 * work of issue #4 and refuses to start until then.
 */
public class ElasticsearchSinkConnector extends SinkConnector {
    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        throw new ConnectException(getClass().getSimpleName() + " " + version()
                + " is not implemented yet (issue #4); nothing was started");
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ElasticsearchSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of();
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }
}
