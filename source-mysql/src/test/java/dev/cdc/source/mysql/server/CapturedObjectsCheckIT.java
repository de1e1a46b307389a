package dev.cdc.source.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.core.config.ConfigProblem;
import dev.cdc.source.mysql.config.ConnectionConfig;
import dev.cdc.testkit.TestStack;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The include-list check against the real MariaDB, as the connector user sees it. */
class CapturedObjectsCheckIT {
    private final TestStack stack = TestStack.get();
    private final String database = "captured_check_" + System.nanoTime();

    @BeforeEach
    void createTable() throws Exception {
        try (Connection connection = stack.mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            statement.execute("CREATE TABLE " + database + ".orders (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection connection = stack.mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private Map<String, String> properties(String tableIncludeList) {
        Map<String, String> properties = new HashMap<>();
        properties.put("database.hostname", stack.mysqlHost());
        properties.put("database.port", String.valueOf(stack.mysqlPort()));
        properties.put("database.user", stack.mysqlConnectorUser().user());
        properties.put("database.password", stack.mysqlConnectorUser().password());
        properties.put("database.server.id", "5998");
        properties.put("topic.prefix", "check");
        properties.put("table.include.list", tableIncludeList);
        return properties;
    }

    @Test
    void anExistingTableAndAPatternPassAnUnknownTableIsNamed() {
        Map<String, String> good = properties(database + ".orders," + database + "\\.future_.*");
        assertThat(CapturedObjectsCheck.check(ConnectionConfig.parse(good), good)).isEmpty();

        Map<String, String> bad = properties(database + ".orders," + database + ".nope");
        List<ConfigProblem> problems = CapturedObjectsCheck.check(ConnectionConfig.parse(bad), bad);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("table.include.list");
            assertThat(problem.message()).contains("table " + database + ".nope does not exist").contains("(tables of " + database + ": orders)");
        });
    }
}
