package dev.cdc.sink.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import dev.cdc.core.Version;
import dev.cdc.sink.jdbc.config.ConnectionConfig;
import dev.cdc.sink.jdbc.config.JdbcSinkConfig;
import dev.cdc.sink.jdbc.dialect.Dialects;
import dev.cdc.sink.jdbc.write.SqlErrors;

/**
 * Kafka Connect sink that applies change events (ours and Debezium's) to PostgreSQL and
 * MySQL/MariaDB idempotently: upserts and deletes guarded by the source position, schema
 * evolution, batches in one transaction each. See the module README.
 *
 * <p>Validation runs in two stages, as Debezium's: every key alone and the rules between keys
 * first; when those pass, a live connection to the target, whose failure is attached to
 * {@code connection.url}.
 */
public class JdbcSinkConnector extends SinkConnector {
    private Map<String, String> properties;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        JdbcSinkConfig.parse(props);
        this.properties = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return JdbcSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(new HashMap<>(properties));
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return JdbcSinkConfig.configDef();
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        if (result.configValues().stream().anyMatch(value -> !value.errorMessages().isEmpty())) {
            return result;
        }
        JdbcSinkConfig config;
        try {
            config = JdbcSinkConfig.parse(connectorConfigs);
        } catch (ConfigException e) {
            attach(result, keyOf(e.getMessage()), e.getMessage());
            return result;
        }
        checkConnection(config.connection()).ifPresent(message -> attach(result, ConnectionConfig.URL, message));
        return result;
    }

    static java.util.Optional<String> checkConnection(ConnectionConfig connection) {
        try (Connection opened = Dialects.of(connection.dialect()).connect(connection, "cdc-sink-jdbc-validate")) {
            opened.rollback();
            return java.util.Optional.empty();
        } catch (SQLException | RuntimeException e) {
            return java.util.Optional.of("Cannot connect to " + connection.endpoint() + " as " + connection.username() + ": "
                    + SqlErrors.describe(e));
        }
    }

    /** The key a ConfigException names ({@code Invalid value v for configuration KEY: ...}), or the URL key. */
    static String keyOf(String message) {
        String marker = "for configuration ";
        int start = message == null ? -1 : message.indexOf(marker);
        if (start < 0) {
            return ConnectionConfig.URL;
        }
        int end = message.indexOf(':', start);
        return message.substring(start + marker.length(), end < 0 ? message.length() : end).trim();
    }

    private static void attach(Config result, String key, String message) {
        for (ConfigValue value : result.configValues()) {
            if (value.name().equals(key)) {
                value.addErrorMessage(message);
                return;
            }
        }
        result.configValues().get(0).addErrorMessage(message);
    }
}
