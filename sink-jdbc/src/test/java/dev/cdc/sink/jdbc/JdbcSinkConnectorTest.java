package dev.cdc.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class JdbcSinkConnectorTest {
    private static ConfigValue value(Config config, String key) {
        return config.configValues().stream().filter(value -> value.name().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aRuleBetweenKeysIsAttachedToTheKeyItNames() {
        Config result = new JdbcSinkConnector().validate(Map.of("connection.url", "jdbc:postgresql://127.0.0.1:1/x",
                "primary.key.mode", "none"));
        assertThat(value(result, "insert.mode").errorMessages()).singleElement().asString()
                .contains("with primary.key.mode=none only insert.mode=insert is possible");
    }

    @Test
    void anUnreachableTargetIsAttachedToTheUrl() {
        Config result = new JdbcSinkConnector().validate(Map.of("connection.url", "jdbc:postgresql://127.0.0.1:1/x",
                "connection.username", "nobody"));
        assertThat(value(result, "connection.url").errorMessages()).singleElement().asString()
                .contains("Cannot connect to 127.0.0.1:1/x as nobody").contains("SQLSTATE 08");
    }

    @Test
    void everyTaskGetsTheConnectorsProperties() {
        JdbcSinkConnector connector = new JdbcSinkConnector();
        connector.start(Map.of("connection.url", "jdbc:mariadb://h:3306/d"));
        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(config -> assertThat(config)
                .containsEntry("connection.url", "jdbc:mariadb://h:3306/d"));
        assertThat(connector.taskClass()).isEqualTo(JdbcSinkTask.class);
    }

    @Test
    void theKeyOfAConfigExceptionMessage() {
        assertThat(JdbcSinkConnector.keyOf("Invalid value x for configuration batch.size: must be ...")).isEqualTo("batch.size");
        assertThat(JdbcSinkConnector.keyOf("something else")).isEqualTo("connection.url");
    }
}
