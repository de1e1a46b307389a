package dev.cdc.source.postgres.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import dev.cdc.core.config.ServerConnectionConfig;
import dev.cdc.core.config.Validators;

/**
 * Where the server is and who the connector is to it: cdc-core's {@link ServerConnectionConfig}
 * keys ({@code database.hostname}, ...) and the database to capture, {@code database.dbname}.
 */
public final class ConnectionConfig {
    public static final String DBNAME = "database.dbname";

    public static final int DEFAULT_PORT = 5432;

    private final ServerConnectionConfig server;
    private final String database;

    ConnectionConfig(AbstractConfig config) {
        this.server = ServerConnectionConfig.from(config);
        this.database = config.getString(DBNAME);
    }

    static ConfigDef define(ConfigDef def) {
        return new ServerConnectionConfig.Definition(DEFAULT_PORT, "PostgreSQL server", "Role the connector logs in as. It needs"
                + " LOGIN and REPLICATION, SELECT on the captured tables, and CREATE on the database when the connector creates"
                + " the publication.", PostgresConnectorConfig.WORDING).define(def)
                .define(DBNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.nonBlank("database name", PostgresConnectorConfig.WORDING),
                        Importance.HIGH, "The database to capture; a logical replication slot belongs to one database.",
                        ServerConnectionConfig.GROUP, ServerConnectionConfig.SOURCE_KEY_ORDER, Width.MEDIUM, "Database");
    }

    /** Host, port, user, password and connect timeout. */
    public ServerConnectionConfig server() {
        return server;
    }

    public String database() {
        return database;
    }

    /** {@code host:port/database} for messages. */
    public String address() {
        return server.address() + "/" + database;
    }

    /** The pgjdbc URL of the database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + address();
    }

    /** Driver properties: user, password, timeouts, and application name {@code applicationName}. */
    public Properties driverProperties(String applicationName) {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        properties.setProperty("password", server.password());
        long timeoutSeconds = Math.max(1, server.connectTimeout().toSeconds());
        properties.setProperty("connectTimeout", Long.toString(timeoutSeconds));
        properties.setProperty("loginTimeout", Long.toString(timeoutSeconds));
        properties.setProperty("ApplicationName", requireNonNull(applicationName, "applicationName is null"));
        return properties;
    }

    @Override
    public String toString() {
        return server.user() + "@" + address();
    }

    /**
     * The connection keys alone, for checks that need nothing else.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming a bad or missing key
     */
    public static ConnectionConfig parse(Map<String, ?> properties) {
        requireNonNull(properties, "properties is null");
        return new ConnectionConfig(new AbstractConfig(define(new ConfigDef()), properties, false));
    }
}
