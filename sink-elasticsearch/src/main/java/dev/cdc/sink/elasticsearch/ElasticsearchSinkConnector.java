package dev.cdc.sink.elasticsearch;

import dev.cdc.core.Version;
import dev.cdc.sink.elasticsearch.bulk.Backoff;
import dev.cdc.sink.elasticsearch.bulk.Sleeper;
import dev.cdc.sink.elasticsearch.client.ElasticsearchClient;
import dev.cdc.sink.elasticsearch.config.ConnectionConfig;
import dev.cdc.sink.elasticsearch.config.ElasticsearchSinkConfig;
import dev.cdc.sink.elasticsearch.index.IndexAdmin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Kafka Connect sink that applies change events (ours or Debezium's) to Elasticsearch,
 * idempotently by source position. Validation runs in two stages: every field first, then,
 * when the fields are valid, a live check of the server whose error is attached to
 * {@code connection.url}.
 */
public class ElasticsearchSinkConnector extends SinkConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        ElasticsearchSinkConfig.parse(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ElasticsearchSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int task = 0; task < maxTasks; task++) {
            Map<String, String> config = new HashMap<>(props);
            config.put("task.id", String.valueOf(task));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return ElasticsearchSinkConfig.configDef();
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        if (config.configValues().stream().anyMatch(value -> !value.errorMessages().isEmpty())) {
            return config;
        }
        ElasticsearchSinkConfig parsed;
        try {
            parsed = ElasticsearchSinkConfig.parse(connectorConfigs);
        } catch (ConfigException e) {
            attach(config, ConnectionConfig.URL, e.getMessage());
            return config;
        }
        ConnectionConfig connection = parsed.connection();
        try (ElasticsearchClient client = ElasticsearchClient.create(connection, "es-sink-validate")) {
            SinkComponents.checkServer(new IndexAdmin(client, new Backoff(0, 0), 0, Sleeper.SYSTEM), parsed);
        } catch (ConnectException | IOException e) {
            attach(config, ConnectionConfig.URL, e.getMessage());
        }
        return config;
    }

    private static void attach(Config config, String key, String message) {
        config.configValues().stream()
                .filter(value -> value.name().equals(key))
                .findFirst()
                .ifPresent(value -> value.addErrorMessage(message));
    }

}
