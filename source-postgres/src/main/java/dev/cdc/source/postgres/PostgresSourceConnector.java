package dev.cdc.source.postgres;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.core.Version;
import dev.cdc.source.postgres.config.PostgresConnectorConfig;
import dev.cdc.source.postgres.server.ConnectionProbe;

/**
 * Kafka Connect source for PostgreSQL 10+ through logical replication with the built-in
 * {@code pgoutput} plugin. One task: a replication slot is read by one consumer.
 */
public class PostgresSourceConnector extends SourceConnector {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSourceConnector.class);

    private Map<String, String> properties;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        PostgresConnectorConfig config = PostgresConnectorConfig.parse(props);
        this.properties = Map.copyOf(props);
        LOG.info("PostgreSQL source {} configured: {}", config.common().topicPrefix(), config);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PostgresSourceTask.class;
    }

    /** One task whatever {@code tasks.max} says: a slot has one reader. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(properties);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return PostgresConnectorConfig.CONFIG_DEF;
    }

    /** Fields first, then a live login under {@code connect.timeout.ms}; see {@link ConnectorValidation}. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return new ConnectorValidation(ConnectionProbe::probe).validate(connectorConfigs);
    }
}
