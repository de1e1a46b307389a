package dev.cdc.source.postgres.bench;

import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import dev.cdc.testkit.bench.BenchSettings;
import dev.cdc.testkit.bench.SourceBenchmark;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The PostgreSQL source benchmark through the real Connect worker of the local stack, the same
 * phases as the MySQL source's (testkit's {@link SourceBenchmark}): 1,000,000-row snapshot, 500,000
 * streamed inserts and 200,000 updates, latency at 1,000 rows/s, worker memory. Not a test: it runs
 * only with {@code -Dbench=true}; see the module README, section "Benchmark".
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PostgresSourceWorkerBenchmark {
    private final BenchSettings settings = BenchSettings.fromSystem();
    private final TestStack stack = TestStack.get();

    @Test
    void snapshotStreamingLatencyAndMemory() throws Exception {
        try (OrdersTable table = OrdersTable.create()) {
            String prefix = table.name().replace("cdc_it_", "");
            new SourceBenchmark("PostgreSQL source benchmark", "postgres-source-bench", settings).run(table, "bench-pg-" + prefix, prefix,
                    prefix + ".public." + OrdersTable.TABLE, connectorConfig(table, prefix));
        }
    }

    private Map<String, String> connectorConfig(OrdersTable table, String prefix) {
        Credentials user = stack.postgresConnectorUser();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "dev.cdc.source.postgres.PostgresSourceConnector");
        config.put("database.hostname", stack.postgresHost());
        config.put("database.port", String.valueOf(stack.postgresPort()));
        config.put("database.user", user.user());
        config.put("database.password", user.password());
        config.put("database.dbname", table.name());
        config.put("topic.prefix", prefix);
        config.put("slot.name", table.database().slotName());
        config.put("publication.name", table.name() + "_pub");
        config.put("publication.autocreate.mode", "filtered");
        config.put("table.include.list", "public\\." + OrdersTable.TABLE);
        config.putAll(settings.connectorSettings());
        return config;
    }
}
