package dev.cdc.source.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.core.config.ConfigProblem;
import dev.cdc.source.mysql.it.Endpoints;
import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/** The start-up checks against the real MariaDB of the local stack. */
class ServerPreflightIT {
    @Test
    void connectorUserOnTheLocalServerPasses() {
        Map<String, String> properties = Endpoints.connectorProperties();

        ServerFacts facts = ServerPreflight.run(new JdbcConnections(Endpoints.connection(properties)), 6999);

        assertThat(facts.version().isMariaDb()).isTrue();
        assertThat(facts.gtidFlavor()).isEqualTo(GtidFlavor.MARIADB);
        assertThat(facts.variable("binlog_format")).contains("ROW");
        assertThat(GtidFlavor.ofGtidSet(facts.variable("gtid_binlog_pos").orElseThrow())).isEqualTo(GtidFlavor.MARIADB);
        assertThat(facts.account()).isEqualTo("'" + TestStack.get().mysqlConnectorUser().user() + "'@'localhost'")
                .as("the local stack grants the connector user at localhost");
    }

    @Test
    void userWithoutReplicationPrivilegesGetsOneErrorPerPrivilegeWithItsGrant() throws SQLException {
        String user = "cdc_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = TestStack.get().mysqlAdminConnection(null); Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'");
            statement.execute("CREATE USER '" + user + "'@'localhost' IDENTIFIED BY 'pw'");
            statement.execute("GRANT SELECT ON *.* TO '" + user + "'@'localhost'");
            try {
                Map<String, String> properties = Endpoints.properties(new Credentials(user, "pw"));

                assertThatThrownBy(() -> ServerPreflight.run(new JdbcConnections(Endpoints.connection(properties)), 6999))
                        .isInstanceOf(ConnectException.class)
                        .hasMessageContaining("is not ready for change data capture (2 problems)")
                        .hasMessageContaining("GRANT REPLICATION SLAVE ON *.* TO '" + user + "'@'localhost';")
                        .hasMessageContaining("GRANT BINLOG MONITOR ON *.* TO '" + user + "'@'localhost';");
            } finally {
                statement.execute("DROP USER '" + user + "'@'%'");
                statement.execute("DROP USER '" + user + "'@'localhost'");
            }
        }
    }

    @Test
    void sharingTheServersIdIsRefused() throws SQLException {
        Map<String, String> properties = Endpoints.connectorProperties();
        long serverId;
        try (Connection admin = TestStack.get().mysqlAdminConnection(null); Statement statement = admin.createStatement();
                var rows = statement.executeQuery("SELECT @@server_id")) {
            rows.next();
            serverId = rows.getLong(1);
        }

        assertThatThrownBy(() -> ServerPreflight.run(new JdbcConnections(Endpoints.connection(properties)), serverId))
                .hasMessageContaining("database.server.id " + serverId + " is the server_id of the server itself");
    }

    @Test
    void probeAcceptsTheConnectorUser() {
        assertThat(ConnectionProbe.probe(Endpoints.connection(Endpoints.connectorProperties()))).isEmpty();
    }

    @Test
    void probeAttachesAWrongPasswordToUserAndPassword() {
        Map<String, String> properties = Endpoints.connectorProperties();
        properties.put("database.password", "wrong");

        List<ConfigProblem> problems = ConnectionProbe.probe(Endpoints.connection(properties));

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("database.user", "database.password");
        assertThat(problems.get(0).message()).contains("refused the login").contains("SQLSTATE 28000, error 1045");
    }
}
