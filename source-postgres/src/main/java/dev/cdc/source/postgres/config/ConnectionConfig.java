package dev.cdc.source.postgres.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/** Where the server is and who the connector is to it: Debezium's {@code database.*} keys. */
public final class ConnectionConfig {
    public static final String HOSTNAME = "database.hostname";
    public static final String PORT = "database.port";
    public static final String USER = "database.user";
    public static final String PASSWORD = "database.password";
    public static final String DBNAME = "database.dbname";
    public static final String CONNECT_TIMEOUT_MS = "connect.timeout.ms";

    public static final int DEFAULT_PORT = 5432;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

    private static final String GROUP = "Connection";

    private final String hostname;
    private final int port;
    private final String user;
    private final Password password;
    private final String database;
    private final Duration connectTimeout;

    ConnectionConfig(AbstractConfig config) {
        this.hostname = config.getString(HOSTNAME).trim();
        this.port = config.getInt(PORT);
        this.user = config.getString(USER);
        Password given = config.getPassword(PASSWORD);
        this.password = given == null ? new Password("") : given;
        this.database = config.getString(DBNAME);
        this.connectTimeout = Duration.ofMillis(config.getInt(CONNECT_TIMEOUT_MS));
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.nonBlank("host name or IP address of the server"),
                        Importance.HIGH, "Host name or IP address of the PostgreSQL server.", GROUP, ++order, Width.MEDIUM, "Host")
                .define(PORT, Type.INT, DEFAULT_PORT, ConfigValidators.between(1, 65_535),
                        Importance.HIGH, "Port of the PostgreSQL server.", GROUP, ++order, Width.SHORT, "Port")
                .define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.nonBlank("user name"),
                        Importance.HIGH, "Role the connector logs in as. It needs LOGIN and REPLICATION, SELECT on the captured"
                                + " tables, and CREATE on the database when the connector creates the publication.",
                        GROUP, ++order, Width.MEDIUM, "User")
                .define(PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                        "Password of the role; empty when not set.", GROUP, ++order, Width.MEDIUM, "Password")
                .define(DBNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.nonBlank("database name"),
                        Importance.HIGH, "The database to capture; a logical replication slot belongs to one database.",
                        GROUP, ++order, Width.MEDIUM, "Database")
                .define(CONNECT_TIMEOUT_MS, Type.INT, DEFAULT_CONNECT_TIMEOUT_MS, ConfigValidators.between(1, Integer.MAX_VALUE),
                        Importance.LOW, "Milliseconds to wait for a connection to the server (validation, queries and replication).",
                        GROUP, ++order, Width.SHORT, "Connect timeout");
    }

    public String hostname() {
        return hostname;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** The password; never printed by {@link #toString()}. */
    public String password() {
        return password.value();
    }

    public String database() {
        return database;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@code host:port/database} for messages. */
    public String address() {
        return hostname + ":" + port + "/" + database;
    }

    /** The pgjdbc URL of the database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostname + ":" + port + "/" + database;
    }

    /** Driver properties: user, password, timeouts, and application name {@code applicationName}. */
    public Properties driverProperties(String applicationName) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password.value());
        long timeoutSeconds = Math.max(1, connectTimeout.toSeconds());
        properties.setProperty("connectTimeout", Long.toString(timeoutSeconds));
        properties.setProperty("loginTimeout", Long.toString(timeoutSeconds));
        properties.setProperty("ApplicationName", requireNonNull(applicationName, "applicationName is null"));
        return properties;
    }

    @Override
    public String toString() {
        return user + "@" + address();
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
