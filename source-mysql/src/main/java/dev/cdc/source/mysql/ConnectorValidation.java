package dev.cdc.source.mysql;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.config.CommonSourceConfig;
import dev.cdc.core.config.ConfigProblem;
import dev.cdc.core.config.ServerConnectionConfig;
import dev.cdc.source.mysql.config.ConnectionConfig;
import dev.cdc.source.mysql.config.MySqlConnectorConfig;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Validation in two stages, as Debezium does it. Stage 1 checks the fields: each key through the
 * validator of its definition, then the rules between keys. Stage 2 runs only when the connection
 * keys are clean: a live login under a timeout, whose failure is attached to the keys to fix.
 */
final class ConnectorValidation {
    /** The keys {@link ConnectionConfig} parses; the live check needs all of them clean. */
    private static final List<String> CONNECTION_KEYS = List.of(ServerConnectionConfig.HOSTNAME, ServerConnectionConfig.PORT,
            ServerConnectionConfig.USER, ServerConnectionConfig.PASSWORD, ConnectionConfig.SERVER_ID, ServerConnectionConfig.CONNECT_TIMEOUT_MS);

    private final Function<ConnectionConfig, List<ConfigProblem>> probe;
    private final BiFunction<ConnectionConfig, Map<String, String>, List<ConfigProblem>> capturedObjects;

    ConnectorValidation(Function<ConnectionConfig, List<ConfigProblem>> probe) {
        this(probe, (config, properties) -> List.of());
    }

    /**
     * @param capturedObjects runs after a successful login: checks that plainly named databases
     *                        and tables of the include lists exist
     */
    ConnectorValidation(Function<ConnectionConfig, List<ConfigProblem>> probe,
            BiFunction<ConnectionConfig, Map<String, String>, List<ConfigProblem>> capturedObjects) {
        this.probe = requireNonNull(probe, "probe is null");
        this.capturedObjects = requireNonNull(capturedObjects, "capturedObjects is null");
    }

    Config validate(Map<String, String> properties) {
        requireNonNull(properties, "properties is null");
        Map<String, ConfigValue> values = MySqlConnectorConfig.CONFIG_DEF.validateAll(properties);
        attach(values, MySqlConnectorConfig.crossFieldProblems(properties));
        if (CONNECTION_KEYS.stream().allMatch(key -> values.get(key).errorMessages().isEmpty())) {
            ConnectionConfig connection = ConnectionConfig.parse(properties);
            List<ConfigProblem> loginProblems = probe.apply(connection);
            attach(values, loginProblems);
            if (loginProblems.isEmpty()) {
                attach(values, capturedObjects.apply(connection, properties));
            }
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
