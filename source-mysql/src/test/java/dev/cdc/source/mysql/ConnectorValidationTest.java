package dev.cdc.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.core.config.ConfigProblem;
import dev.cdc.source.mysql.config.ConnectionConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ConnectorValidationTest {
    private final List<ConnectionConfig> probed = new ArrayList<>();

    private static Map<String, String> valid() {
        Map<String, String> properties = new HashMap<>();
        properties.put("database.hostname", "db.example.com");
        properties.put("database.user", "cdc");
        properties.put("database.password", "cdc");
        properties.put("database.server.id", "5400");
        properties.put("topic.prefix", "shop");
        return properties;
    }

    private Config validate(Map<String, String> properties, List<ConfigProblem> probeAnswer) {
        return new ConnectorValidation(config -> {
            probed.add(config);
            return probeAnswer;
        }).validate(properties);
    }

    private static List<String> errors(Config config, String key) {
        return config.configValues().stream().filter(value -> value.name().equals(key)).findFirst()
                .map(ConfigValue::errorMessages).orElseThrow();
    }

    @Test
    void cleanConfigIsProbedOnceAndHasNoErrors() {
        Config config = validate(valid(), List.of());

        assertThat(ConnectorValidation.describeErrors(config)).isEmpty();
        assertThat(probed).singleElement().extracting(ConnectionConfig::address).isEqualTo("db.example.com:3306");
    }

    @Test
    void includeListsAreCheckedOnlyAfterASuccessfulLogin() {
        List<String> checked = new java.util.ArrayList<>();
        ConfigProblem unknown = new ConfigProblem("table.include.list", "table shop.nope does not exist");
        Config refused = new ConnectorValidation(config -> List.of(new ConfigProblem("database.password", "refused")),
                (config, properties) -> {
                    checked.add("after refused login");
                    return List.of(unknown);
                }).validate(valid());
        Config accepted = new ConnectorValidation(config -> List.of(), (config, properties) -> List.of(unknown)).validate(valid());

        assertThat(checked).isEmpty();
        assertThat(errors(refused, "table.include.list")).isEmpty();
        assertThat(errors(accepted, "table.include.list")).containsExactly("table shop.nope does not exist");
    }

    @Test
    void probeFailureIsAttachedToItsKeys() {
        Config config = validate(valid(), List.of(new ConfigProblem("database.password", "refused")));

        assertThat(errors(config, "database.password")).containsExactly("refused");
        assertThat(errors(config, "database.hostname")).isEmpty();
    }

    @Test
    void badConnectionFieldSkipsTheLiveCheck() {
        Map<String, String> properties = valid();
        properties.put("database.port", "70000");

        Config config = validate(properties, List.of());

        assertThat(probed).isEmpty();
        assertThat(errors(config, "database.port")).singleElement().asString().contains("must be from 1 to 65535");
    }

    @Test
    void badServerIdIsReportedWithoutThrowing() {
        Map<String, String> properties = valid();
        properties.put("database.server.id", "0");

        Config config = validate(properties, List.of());

        assertThat(probed).isEmpty();
        assertThat(errors(config, "database.server.id")).singleElement().asString().contains("must be from 1 to 4294967295");
    }

    @Test
    void missingHostnameSkipsTheLiveCheck() {
        Map<String, String> properties = valid();
        properties.remove("database.hostname");

        Config config = validate(properties, List.of());

        assertThat(probed).isEmpty();
        assertThat(errors(config, "database.hostname")).isNotEmpty();
    }

    @Test
    void badFieldOutsideTheConnectionStillProbes() {
        Map<String, String> properties = valid();
        properties.put("snapshot.mode", "always");

        Config config = validate(properties, List.of());

        assertThat(probed).hasSize(1);
        assertThat(errors(config, "snapshot.mode")).singleElement().asString().contains("'always' is not a snapshot mode");
    }

    @Test
    void crossFieldProblemsAreAttachedToBothKeys() {
        Map<String, String> properties = valid();
        properties.put("database.include.list", "shop");
        properties.put("database.exclude.list", "tmp");

        Config config = validate(properties, List.of());

        assertThat(errors(config, "database.include.list")).singleElement().asString().contains("cannot both be set");
        assertThat(errors(config, "database.exclude.list")).singleElement().asString().contains("cannot both be set");
    }

    @Test
    void queueSmallerThanBatchIsAttachedToQueueSize() {
        Map<String, String> properties = valid();
        properties.put("max.batch.size", "500");
        properties.put("max.queue.size", "100");

        Config config = validate(properties, List.of());

        assertThat(errors(config, "max.queue.size")).singleElement().asString().contains("must be larger than max.batch.size (500)");
    }

    @Test
    void connectorUsesItsConfigDef() {
        assertThat(new MySqlSourceConnector().config().names()).contains("database.hostname", "snapshot.mode");
    }
}
