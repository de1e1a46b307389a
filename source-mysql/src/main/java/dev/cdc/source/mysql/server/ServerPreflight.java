package dev.cdc.source.mysql.server;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server check at start: inspects the server, logs each warning, and fails with every error
 * at once (each with its fix), so that one restart after fixing is enough.
 */
public final class ServerPreflight {
    private static final Logger LOG = LoggerFactory.getLogger(ServerPreflight.class);

    private ServerPreflight() {
    }

    /**
     * @return what was learned about the server, when it meets every requirement
     * @throws ConnectException listing every unmet requirement with its fix
     */
    public static ServerFacts run(JdbcConnections connections, long connectorServerId) {
        requireNonNull(connections, "connections is null");
        ServerFacts facts;
        try (Connection connection = connections.open()) {
            facts = new ServerInspector(connection).inspect();
        } catch (SQLException e) {
            throw new ConnectException("cannot inspect the server at " + connections.config().address() + " as "
                    + connections.config().server().user() + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
        List<ServerProblem> problems = ServerRequirements.check(facts, connectorServerId);
        problems.stream().filter(problem -> !problem.isError())
                .forEach(problem -> LOG.warn("Server {} at {}: {}", facts.version(), connections.config().address(), problem));
        List<ServerProblem> errors = problems.stream().filter(ServerProblem::isError).toList();
        if (!errors.isEmpty()) {
            throw new ConnectException(describe(facts, connections.config().address(), errors));
        }
        LOG.info("Server {} at {} meets the requirements: binlog ROW/FULL, GTIDs {}, user {}", facts.version(),
                connections.config().address(), facts.gtidFlavor(), facts.account());
        return facts;
    }

    static String describe(ServerFacts facts, String address, List<ServerProblem> errors) {
        return "the server " + facts.version() + " at " + address + " is not ready for change data capture ("
                + errors.size() + (errors.size() == 1 ? " problem" : " problems") + "):\n"
                + errors.stream().map(error -> "  - " + error).collect(Collectors.joining("\n"));
    }
}
