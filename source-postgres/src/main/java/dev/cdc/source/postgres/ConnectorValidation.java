package dev.cdc.source.postgres;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

import dev.cdc.core.config.CommonSourceConfig;
import dev.cdc.core.config.ConfigProblem;
import dev.cdc.core.config.ServerConnectionConfig;
import dev.cdc.source.postgres.config.ConnectionConfig;
import dev.cdc.source.postgres.config.PostgresConnectorConfig;

/**
 * Validation in two stages, as Debezium does it. Stage 1 checks the fields: each key through the
 * validator of its definition, then the rules between keys. Stage 2 runs only when the connection
 * keys are clean: a live login under {@code connect.timeout.ms} that also checks {@code wal_level}
 * and the REPLICATION attribute, its problems attached to the keys to fix.
 */
final class ConnectorValidation {
    private static final List<String> CONNECTION_KEYS = List.of(ServerConnectionConfig.HOSTNAME, ServerConnectionConfig.PORT,
            ServerConnectionConfig.USER, ServerConnectionConfig.PASSWORD, ConnectionConfig.DBNAME, ServerConnectionConfig.CONNECT_TIMEOUT_MS);

    private final Function<ConnectionConfig, List<ConfigProblem>> probe;

    ConnectorValidation(Function<ConnectionConfig, List<ConfigProblem>> probe) {
        this.probe = requireNonNull(probe, "probe is null");
    }

    Config validate(Map<String, String> properties) {
        requireNonNull(properties, "properties is null");
        Map<String, ConfigValue> values = PostgresConnectorConfig.CONFIG_DEF.validateAll(properties);
        attach(values, PostgresConnectorConfig.crossFieldProblems(properties));
        if (CONNECTION_KEYS.stream().allMatch(key -> values.get(key).errorMessages().isEmpty())) {
            attach(values, probe.apply(ConnectionConfig.parse(properties)));
        }
        return CommonSourceConfig.validateAcrossKeys(new Config(List.copyOf(values.values())));
    }

    private static void attach(Map<String, ConfigValue> values, List<ConfigProblem> problems) {
        for (ConfigProblem problem : problems) {
            ConfigValue value = values.computeIfAbsent(problem.key(), ConfigValue::new);
            if (!value.errorMessages().contains(problem.message())) {
                value.addErrorMessage(problem.message());
            }
        }
    }

    /** Every error of a validation, {@code key: message} per line, for logs and tests. */
    static String describeErrors(Config config) {
        return config.configValues().stream()
                .flatMap(value -> value.errorMessages().stream().map(message -> value.name() + ": " + message))
                .collect(Collectors.joining("\n"));
    }
}
