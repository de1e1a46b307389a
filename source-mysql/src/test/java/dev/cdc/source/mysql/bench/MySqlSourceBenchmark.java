package dev.cdc.source.mysql.bench;

import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import dev.cdc.testkit.bench.BenchSettings;
import dev.cdc.testkit.bench.SourceBenchmark;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The MySQL source benchmark of issue #3, through the real Connect worker of the local stack (not a
 * test: it runs only with {@code -Dbench=true}, which CI does not set; see the module README,
 * section "Benchmark", for the command and the figures, and testkit's {@link SourceBenchmark} for
 * the phases).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class MySqlSourceBenchmark {
    private final BenchSettings settings = BenchSettings.fromSystem();
    private final TestStack stack = TestStack.get();

    @Test
    void snapshotStreamingLatencyAndMemory() throws Exception {
        try (OrdersDatabase database = OrdersDatabase.create()) {
            String suffix = database.name().substring("bench_".length());
            String prefix = "bench" + suffix;
            new SourceBenchmark("MySQL source benchmark", "mysql-source-bench", settings).run(database, "bench-mysql-" + suffix, prefix,
                    prefix + "." + database.name() + "." + OrdersDatabase.TABLE, connectorConfig(database.name(), prefix));
        }
    }

    private Map<String, String> connectorConfig(String databaseName, String prefix) {
        Credentials user = stack.mysqlConnectorUser();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "dev.cdc.source.mysql.MySqlSourceConnector");
        config.put("database.hostname", stack.mysqlHost());
        config.put("database.port", String.valueOf(stack.mysqlPort()));
        config.put("database.user", user.user());
        config.put("database.password", user.password());
        config.put("database.server.id", String.valueOf(8000 + ThreadLocalRandom.current().nextInt(1000)));
        config.put("topic.prefix", prefix);
        config.put("database.include.list", databaseName);
        config.put("table.include.list", databaseName + "\\." + OrdersDatabase.TABLE);
        config.putAll(settings.connectorSettings());
        return config;
    }
}
