package dev.cdc.source.postgres.server;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import dev.cdc.source.postgres.config.ConnectionConfig;

/**
 * Opens the connector's connections: plain ones (catalog queries, snapshot reads, heartbeat
 * messages) and replication ones ({@code replication=database}, for slots and streaming). Every
 * session gets {@link #SESSION_OPTIONS}, the output formats the value converters expect.
 */
public final class JdbcConnections {
    /**
     * Session settings of every connection, so that pgoutput and {@code ::text} produce the formats
     * the converters parse, whatever the server's defaults: ISO dates, postgres-style intervals,
     * hex bytea, C-locale money, shortest exact floats.
     */
    public static final String SESSION_OPTIONS = "-c DateStyle=ISO -c IntervalStyle=postgres -c bytea_output=hex"
            + " -c lc_monetary=C -c extra_float_digits=3";

    private final ConnectionConfig config;
    private final String applicationName;

    /**
     * @param applicationName shown in {@code pg_stat_activity}, e.g. {@code inventory-postgres-source}
     */
    public JdbcConnections(ConnectionConfig config, String applicationName) {
        this.config = requireNonNull(config, "config is null");
        this.applicationName = requireNonNull(applicationName, "applicationName is null");
    }

    public ConnectionConfig config() {
        return config;
    }

    /** A plain connection in auto-commit mode. */
    public Connection open() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), properties());
    }

    /** A logical replication connection to the database (simple query protocol, as walsenders require). */
    public Connection openReplication() throws SQLException {
        Properties properties = properties();
        properties.setProperty("replication", "database");
        properties.setProperty("assumeMinServerVersion", "10");
        properties.setProperty("preferQueryMode", "simple");
        return DriverManager.getConnection(config.jdbcUrl(), properties);
    }

    private Properties properties() {
        Properties properties = config.driverProperties(applicationName);
        properties.setProperty("options", SESSION_OPTIONS);
        return properties;
    }
}
