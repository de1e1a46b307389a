package dev.cdc.source.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.core.config.ConfigProblem;
import dev.cdc.source.mysql.config.ConnectionConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionProbeTest {
    private static ConnectionConfig config(String host, int port, int timeoutMs) {
        return ConnectionConfig.parse(Map.of("database.hostname", host, "database.port", String.valueOf(port),
                "database.user", "cdc", "database.server.id", "1", "connect.timeout.ms", String.valueOf(timeoutMs)));
    }

    @Test
    void accessDeniedGoesToUserAndPassword() {
        SQLException denied = new SQLException("Access denied for user 'cdc'@'localhost'", "28000", 1045);

        List<ConfigProblem> problems = ConnectionProbe.classify(config("db", 3306, 1000), new RuntimeException(denied));

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("database.user", "database.password");
        assertThat(problems.get(0).message()).isEqualTo("the server at db:3306 refused the login of 'cdc'"
                + " (SQLSTATE 28000, error 1045): check the user and password");
    }

    @Test
    void hostNotAllowedGoesToUser() {
        SQLException notAllowed = new SQLException("Host '10.0.0.9' is not allowed to connect", "HY000", 1130);

        List<ConfigProblem> problems = ConnectionProbe.classify(config("db", 3306, 1000), notAllowed);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("database.user");
            assertThat(problem.message()).contains("error 1130").contains("CREATE USER 'cdc'@'%'");
        });
    }

    @Test
    void otherFailuresGoToHostAndPort() {
        SQLException refused = new SQLNonTransientConnectionException("Socket fail to connect", "08000");

        List<ConfigProblem> problems = ConnectionProbe.classify(config("db", 3306, 1000), refused);

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("database.hostname", "database.port");
        assertThat(problems.get(0).message()).isEqualTo("cannot connect to db:3306 as 'cdc': Socket fail to connect (SQLSTATE 08000)");
    }

    @Test
    void closedPortIsReportedOnHostAndPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        List<ConfigProblem> problems = ConnectionProbe.probe(config("127.0.0.1", port, 2000));

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("database.hostname", "database.port");
        assertThat(problems.get(0).message()).startsWith("cannot connect to 127.0.0.1:" + port + " as 'cdc': ");
    }

    @Test
    void silentServerTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            long started = System.nanoTime();

            List<ConfigProblem> problems = ConnectionProbe.probe(config("127.0.0.1", silent.getLocalPort(), 500));

            assertThat(problems).extracting(ConfigProblem::key).containsExactly("database.hostname", "database.port");
            assertThat(problems.get(0).message()).contains("127.0.0.1:" + silent.getLocalPort());
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        }
    }
}
