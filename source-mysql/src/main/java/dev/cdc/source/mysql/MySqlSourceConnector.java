package dev.cdc.source.mysql;

import dev.cdc.core.Version;
import java.util.List;
import java.util.Map;
import dev.cdc.source.mysql.config.MySqlConnectorConfig;
import dev.cdc.source.mysql.server.ConnectionProbe;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Placeholder registered so that a Connect worker lists the plugin; the connector itself is the
 * work of issue #3 and refuses to start until then.
 */
public class MySqlSourceConnector extends SourceConnector {
    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        throw new ConnectException(getClass().getSimpleName() + " " + version()
                + " is not implemented yet (issue #3); nothing was started");
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MySqlSourceTask.class;
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
        return MySqlConnectorConfig.CONFIG_DEF;
    }

    /** Fields first, then a live login under {@code connect.timeout.ms}; see {@link ConnectorValidation}. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return new ConnectorValidation(ConnectionProbe::probe).validate(connectorConfigs);
    }
}
