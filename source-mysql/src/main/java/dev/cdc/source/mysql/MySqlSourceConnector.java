package dev.cdc.source.mysql;

import dev.cdc.core.Version;
import java.util.List;
import java.util.Map;
import dev.cdc.source.mysql.config.MySqlConnectorConfig;
import dev.cdc.source.mysql.server.CapturedObjectsCheck;
import dev.cdc.source.mysql.server.ConnectionProbe;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * The MySQL/MariaDB source connector: one task reads the binlog (a server has one binlog, read in
 * order), so {@code tasks.max} above 1 still gives one task. Validation is {@link ConnectorValidation}'s.
 */
public class MySqlSourceConnector extends SourceConnector {
    private Map<String, String> properties;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        MySqlConnectorConfig.parse(props);
        this.properties = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MySqlSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return properties == null ? List.of() : List.of(properties);
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
        return new ConnectorValidation(ConnectionProbe::probe, CapturedObjectsCheck::check).validate(connectorConfigs);
    }
}
