package dev.cdc.source.mysql.config;

import static dev.cdc.source.mysql.config.ConfigFixtures.minimal;
import static dev.cdc.source.mysql.config.ConfigFixtures.with;
import static dev.cdc.source.mysql.config.ConfigFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionConfigTest {
    @Test
    void defaults() {
        ConnectionConfig config = ConnectionConfig.parse(minimal());

        assertThat(config.server().port()).isEqualTo(3306);
        assertThat(config.server().password()).isEmpty();
        assertThat(config.server().connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void everyKey() {
        Map<String, String> properties = minimal();
        properties.put("database.hostname", " 10.0.0.7 ");
        properties.put("database.port", "3307");
        properties.put("database.user", "replicator");
        properties.put("database.password", "s3cret");
        properties.put("database.server.id", "4294967295");
        properties.put("connect.timeout.ms", "2500");

        ConnectionConfig config = ConnectionConfig.parse(properties);

        assertThat(config.server().hostname()).isEqualTo("10.0.0.7");
        assertThat(config.server().port()).isEqualTo(3307);
        assertThat(config.server().user()).isEqualTo("replicator");
        assertThat(config.server().password()).isEqualTo("s3cret");
        assertThat(config.serverId()).isEqualTo(4_294_967_295L);
        assertThat(config.server().connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.address()).isEqualTo("10.0.0.7:3307");
    }

    @Test
    void passwordNeverPrinted() {
        ConnectionConfig config = ConnectionConfig.parse(with("database.password", "s3cret"));

        assertThat(config.toString()).doesNotContain("s3cret").contains("cdc@db.example.com:3306");
        assertThat(MySqlConnectorConfig.parse(with("database.password", "s3cret")).toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"database.hostname", "database.user", "database.server.id"})
    void requiredKeys(String key) {
        assertThatThrownBy(() -> ConnectionConfig.parse(without(key)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void blankHostname() {
        assertThatThrownBy(() -> ConnectionConfig.parse(with("database.hostname", "  ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.hostname is required: give the host name or IP address of the server");
    }

    @Test
    void blankUser() {
        assertThatThrownBy(() -> ConnectionConfig.parse(with("database.user", "")))
                .hasMessageContaining("database.user is required: give the user name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1"})
    void portOutOfRange(String port) {
        assertThatThrownBy(() -> ConnectionConfig.parse(with("database.port", port)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value " + port + " for configuration database.port: must be from 1 to 65535");
    }

    @Test
    void portNotANumber() {
        assertThatThrownBy(() -> ConnectionConfig.parse(with("database.port", "mysql")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.port").hasMessageContaining("mysql");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "4294967296"})
    void serverIdOutOfRange(String serverId) {
        assertThatThrownBy(() -> ConnectionConfig.parse(with("database.server.id", serverId)))
                .hasMessage("Invalid value " + serverId + " for configuration database.server.id: must be from 1 to 4294967295");
    }

    @Test
    void connectTimeoutMustBePositive() {
        assertThatThrownBy(() -> ConnectionConfig.parse(with("connect.timeout.ms", "0")))
                .hasMessage("Invalid value 0 for configuration connect.timeout.ms: must be from 1 to 2147483647");
    }
}
