package dev.cdc.source.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerRequirementsTest {
    private static final String CONNECTOR_GRANTS =
            "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `cdc`@`%`";

    private static Map<String, String> goodMariaDb() {
        Map<String, String> variables = new HashMap<>();
        variables.put("log_bin", "ON");
        variables.put("binlog_format", "ROW");
        variables.put("binlog_row_image", "FULL");
        variables.put("binlog_row_metadata", "FULL");
        variables.put("server_id", "1");
        variables.put("gtid_binlog_pos", "0-1-12");
        return variables;
    }

    private static ServerFacts facts(String version, Map<String, String> variables, String... grants) {
        return new ServerFacts(ServerVersion.parse(version, null), variables, GrantedPrivileges.parse(List.of(grants)), "'cdc'@'%'");
    }

    private static List<ServerProblem> check(ServerFacts facts) {
        return ServerRequirements.check(facts, 5400);
    }

    @Test
    void readyMariaDbHasNoProblems() {
        assertThat(check(facts("10.11.19-MariaDB-log", goodMariaDb(), CONNECTOR_GRANTS))).isEmpty();
    }

    @Test
    void binlogOffIsOneErrorThatNeedsARestart() {
        Map<String, String> variables = goodMariaDb();
        variables.put("log_bin", "OFF");
        variables.put("binlog_format", "MIXED");

        List<ServerProblem> problems = check(facts("10.11.19-MariaDB-log", variables, CONNECTOR_GRANTS));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.what()).isEqualTo("binary logging is off on MariaDB 10.11.19 (log_bin=OFF)");
            assertThat(problem.fix()).startsWith("add 'log_bin=mysql-bin' (and a server_id) under [mysqld]");
        });
    }

    @Test
    void eachWrongBinlogSettingIsItsOwnErrorWithItsSql() {
        Map<String, String> variables = goodMariaDb();
        variables.put("binlog_format", "MIXED");
        variables.put("binlog_row_image", "MINIMAL");
        variables.put("binlog_row_metadata", "MINIMAL");

        List<ServerProblem> problems = check(facts("10.11.19-MariaDB-log", variables, CONNECTOR_GRANTS));

        assertThat(problems).extracting(ServerProblem::fix).allSatisfy(fix -> assertThat(fix).contains("under [mysqld]"));
        assertThat(problems).extracting(problem -> problem.fix().substring(0, problem.fix().indexOf(';') + 1)).containsExactly(
                "SET GLOBAL binlog_format = 'ROW';",
                "SET GLOBAL binlog_row_image = 'FULL';",
                "SET GLOBAL binlog_row_metadata = 'FULL';");
        assertThat(problems.get(0).what()).startsWith("binlog_format is MIXED on MariaDB 10.11.19, ROW is required");
    }

    @Test
    void rowMetadataMissingOnOldServersIsAWarning() {
        Map<String, String> variables = goodMariaDb();
        variables.remove("binlog_row_metadata");

        List<ServerProblem> problems = check(facts("10.4.32-MariaDB", variables, CONNECTOR_GRANTS));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.what()).contains("MariaDB 10.4.32 has no binlog_row_metadata");
        });
    }

    @Test
    void serverIdZeroIsRefused() {
        Map<String, String> variables = goodMariaDb();
        variables.put("server_id", "0");

        assertThat(check(facts("10.11.19-MariaDB", variables, CONNECTOR_GRANTS)))
                .singleElement().extracting(ServerProblem::what).asString().contains("server_id is 0");
    }

    @Test
    void connectorCannotShareTheServersId() {
        Map<String, String> variables = goodMariaDb();
        variables.put("server_id", "5400");

        assertThat(check(facts("10.11.19-MariaDB", variables, CONNECTOR_GRANTS))).singleElement().satisfies(problem -> {
            assertThat(problem.what()).startsWith("database.server.id 5400 is the server_id of the server itself");
            assertThat(problem.fix()).contains("set database.server.id");
        });
    }

    @Test
    void missingPrivilegesEachWithItsGrant() {
        List<ServerProblem> problems = check(facts("10.11.19-MariaDB", goodMariaDb(), "GRANT USAGE ON *.* TO `cdc`@`%`"));

        assertThat(problems).extracting(ServerProblem::fix).containsExactly(
                "GRANT REPLICATION SLAVE ON *.* TO 'cdc'@'%';",
                "GRANT BINLOG MONITOR ON *.* TO 'cdc'@'%';",
                "GRANT SELECT ON *.* TO 'cdc'@'%'; (or on each captured database)");
    }

    @Test
    void mySqlAsksForReplicationClient() {
        Map<String, String> variables = goodMariaDb();
        variables.put("gtid_mode", "ON");

        List<ServerProblem> problems = check(facts("8.0.36", variables, "GRANT SELECT, REPLICATION SLAVE ON *.* TO `cdc`@`%`"));

        assertThat(problems).singleElement().extracting(ServerProblem::fix).isEqualTo("GRANT REPLICATION CLIENT ON *.* TO 'cdc'@'%';");
    }

    @Test
    void selectOnSomeDatabasesOnlyIsAWarning() {
        List<ServerProblem> problems = check(facts("10.11.19-MariaDB", goodMariaDb(),
                "GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `cdc`@`%`", "GRANT SELECT ON `shop`.* TO `cdc`@`%`"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.what()).contains("SELECT on some databases only");
        });
    }

    @Test
    void rolesAreMentionedWhenPrivilegesAreMissing() {
        List<ServerProblem> problems = check(facts("10.11.19-MariaDB", goodMariaDb(),
                "GRANT SELECT, BINLOG MONITOR ON *.* TO `cdc`@`%`", "GRANT `replication` TO `cdc`@`%`"));

        assertThat(problems).singleElement().extracting(ServerProblem::what).asString()
                .contains("lacks REPLICATION SLAVE").contains("roles [replication] were not examined");
    }

    @Test
    void mySqlPermissiveGtidModeIsAWarning() {
        Map<String, String> variables = goodMariaDb();
        variables.put("gtid_mode", "ON_PERMISSIVE");

        List<ServerProblem> problems = check(facts("8.0.36", variables, "GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `cdc`@`%`"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.fix()).isEqualTo("finish the GTID migration: SET GLOBAL gtid_mode = 'ON';");
        });
    }

    @Test
    void gtidFlavorOfFacts() {
        Map<String, String> variables = goodMariaDb();
        variables.put("GTID_MODE", "ON");

        assertThat(facts("8.0.36", variables).gtidFlavor()).isEqualTo(GtidFlavor.MYSQL);
        assertThat(facts("10.11.19-MariaDB", goodMariaDb()).gtidFlavor()).isEqualTo(GtidFlavor.MARIADB);
    }

    @Test
    void accountQuoting() {
        assertThat(ServerFacts.quoteAccount("cdc@localhost")).isEqualTo("'cdc'@'localhost'");
        assertThat(ServerFacts.quoteAccount("cdc@%")).isEqualTo("'cdc'@'%'");
    }
}
