package dev.cdc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerConnectionConfigTest {
    private static final ServerConnectionConfig.Definition CONNECT =
            new ServerConnectionConfig.Definition(7000, "test server", "User of the test server.", MessageWording.CONNECT);
    private static final ServerConnectionConfig.Definition KEY_FIRST =
            new ServerConnectionConfig.Definition(7000, "test server", "User of the test server.", MessageWording.KEY_FIRST);

    private static Map<String, String> minimal() {
        Map<String, String> properties = new HashMap<>();
        properties.put("database.hostname", "db.example.com");
        properties.put("database.user", "cdc");
        return properties;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> properties = minimal();
        properties.put(key, value);
        return properties;
    }

    private static ServerConnectionConfig parse(ServerConnectionConfig.Definition definition, Map<String, ?> properties) {
        return ServerConnectionConfig.from(new AbstractConfig(definition.define(new ConfigDef()), properties, false));
    }

    @Test
    void defaults() {
        ServerConnectionConfig config = parse(CONNECT, minimal());

        assertThat(config.port()).isEqualTo(7000);
        assertThat(config.password()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void everyKey() {
        Map<String, String> properties = minimal();
        properties.put("database.hostname", " 10.0.0.7 ");
        properties.put("database.port", "7001");
        properties.put("database.user", "replicator");
        properties.put("database.password", "s3cret");
        properties.put("connect.timeout.ms", "2500");

        ServerConnectionConfig config = parse(CONNECT, properties);

        assertThat(config.hostname()).isEqualTo("10.0.0.7");
        assertThat(config.port()).isEqualTo(7001);
        assertThat(config.user()).isEqualTo("replicator");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.address()).isEqualTo("10.0.0.7:7001");
    }

    @Test
    void declaresExactlyTheFiveKeysInTheConnectionGroupAroundTheSourceKey() {
        ConfigDef definition = CONNECT.define(new ConfigDef());

        assertThat(definition.names()).containsExactlyInAnyOrder("database.hostname", "database.port", "database.user",
                "database.password", "connect.timeout.ms");
        assertThat(definition.configKeys().values()).allSatisfy(key -> assertThat(key.group).isEqualTo("Connection"));
        assertThat(definition.configKeys().get("database.password").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(definition.configKeys().get("database.password").orderInGroup).isLessThan(ServerConnectionConfig.SOURCE_KEY_ORDER);
        assertThat(definition.configKeys().get("connect.timeout.ms").orderInGroup).isGreaterThan(ServerConnectionConfig.SOURCE_KEY_ORDER);
        assertThat(definition.configKeys().get("database.hostname").documentation).isEqualTo("Host name or IP address of the test server.");
        assertThat(definition.configKeys().get("database.user").documentation).isEqualTo("User of the test server.");
    }

    @Test
    void passwordNeverPrinted() {
        assertThat(parse(CONNECT, with("database.password", "s3cret")).toString()).isEqualTo("cdc@db.example.com:7000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"database.hostname", "database.user"})
    void requiredKeys(String key) {
        Map<String, String> properties = minimal();
        properties.remove(key);

        assertThatThrownBy(() -> parse(CONNECT, properties)).isInstanceOf(ConfigException.class)
                .hasMessage("Missing required configuration \"" + key + "\" which has no default value.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "database.hostname  | '  '  | Invalid value  for configuration database.hostname: is required: give the host name or IP address of the server",
        "database.user      | ''    | Invalid value  for configuration database.user: is required: give the user name",
        "database.port      | 0     | Invalid value 0 for configuration database.port: must be from 1 to 65535",
        "database.port      | 65536 | Invalid value 65536 for configuration database.port: must be from 1 to 65535",
        "database.port      | -1    | Invalid value -1 for configuration database.port: must be from 1 to 65535",
        "database.port      | abc   | Invalid value abc for configuration database.port: Not a number of type INT",
        "connect.timeout.ms | 0     | Invalid value 0 for configuration connect.timeout.ms: must be from 1 to 2147483647",
    })
    void badValueMessagesInConnectWording(String key, String value, String message) {
        assertThatThrownBy(() -> parse(CONNECT, with(key, value))).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "database.hostname  | '  '  | Invalid value  for configuration database.hostname: database.hostname is required: give the host name or IP address of the server",
        "database.user      | ''    | Invalid value  for configuration database.user: database.user is required: give the user name",
        "database.port      | 0     | Invalid value 0 for configuration database.port: must be from 1 to 65535",
    })
    void badValueMessagesInKeyFirstWording(String key, String value, String message) {
        assertThatThrownBy(() -> parse(KEY_FIRST, with(key, value))).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void anExplicitNullNumberSaysWhatToGiveInEitherWording() {
        Map<String, String> properties = with("database.port", null);

        assertThatThrownBy(() -> parse(CONNECT, properties))
                .hasMessage("Invalid value null for configuration database.port: is required: give a number from 1 to 65535");
        assertThatThrownBy(() -> parse(KEY_FIRST, properties)).hasMessage(
                "Invalid value null for configuration database.port: database.port is required: give a number from 1 to 65535");
    }

    @Test
    void definitionRefusesADefaultPortThatIsNoPort() {
        assertThatThrownBy(() -> new ServerConnectionConfig.Definition(0, "test server", "User.", MessageWording.CONNECT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("defaultPort is 0; a port is from 1 to 65535");
    }
}
