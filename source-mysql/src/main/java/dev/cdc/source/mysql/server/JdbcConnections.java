package dev.cdc.source.mysql.server;

import static java.util.Objects.requireNonNull;

import dev.cdc.source.mysql.config.ConnectionConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens JDBC connections to the configured server through the MariaDB driver. */
public final class JdbcConnections {
    private final ConnectionConfig config;

    public JdbcConnections(ConnectionConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /**
     * A new connection in UTC with the configured connect timeout.
     *
     * @throws SQLException with the driver's SQLSTATE; the message names user and host:port
     */
    public Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", config.server().user());
        properties.setProperty("password", config.server().password());
        properties.setProperty("connectTimeout", Long.toString(config.server().connectTimeout().toMillis()));
        properties.setProperty("sessionVariables", "time_zone='+00:00'");
        try {
            return DriverManager.getConnection("jdbc:mariadb://" + config.address() + "/", properties);
        } catch (SQLException e) {
            throw new SQLException("cannot connect to " + config.address() + " as " + config.server().user() + ": " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    public ConnectionConfig config() {
        return config;
    }
}
