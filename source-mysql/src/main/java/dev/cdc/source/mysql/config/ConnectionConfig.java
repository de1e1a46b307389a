package dev.cdc.source.mysql.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
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
    public static final String SERVER_ID = "database.server.id";
    public static final String CONNECT_TIMEOUT_MS = "connect.timeout.ms";

    public static final int DEFAULT_PORT = 3306;
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
    /** {@code server_id} is an unsigned 32-bit number; 0 is refused by a source for replicas. */
    public static final long MAX_SERVER_ID = 4_294_967_295L;

    private static final String GROUP = "Connection";

    private final String hostname;
    private final int port;
    private final String user;
    private final Password password;
    private final long serverId;
    private final Duration connectTimeout;

    ConnectionConfig(AbstractConfig config) {
        this.hostname = config.getString(HOSTNAME).trim();
        this.port = config.getInt(PORT);
        this.user = config.getString(USER);
        Password given = config.getPassword(PASSWORD);
        this.password = given == null ? new Password("") : given;
        this.serverId = config.getLong(SERVER_ID);
        this.connectTimeout = Duration.ofMillis(config.getInt(CONNECT_TIMEOUT_MS));
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.nonBlank("host name or IP address of the server"),
                        Importance.HIGH, "Host name or IP address of the MySQL or MariaDB server.", GROUP, ++order, Width.MEDIUM, "Host")
                .define(PORT, Type.INT, DEFAULT_PORT, ConfigValidators.between(1, 65_535),
                        Importance.HIGH, "Port of the MySQL or MariaDB server.", GROUP, ++order, Width.SHORT, "Port")
                .define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.nonBlank("user name"),
                        Importance.HIGH, "User the connector logs in as. It needs SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE and"
                                + " REPLICATION CLIENT (MariaDB: BINLOG MONITOR).", GROUP, ++order, Width.MEDIUM, "User")
                .define(PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                        "Password of the user; empty when not set.", GROUP, ++order, Width.MEDIUM, "Password")
                .define(SERVER_ID, Type.LONG, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.between(1, MAX_SERVER_ID),
                        Importance.HIGH, "Server id the connector registers with as a replica. Must differ from the server_id of"
                                + " every server and every other replica or connector of the same server.", GROUP, ++order, Width.SHORT, "Server id")
                .define(CONNECT_TIMEOUT_MS, Type.INT, DEFAULT_CONNECT_TIMEOUT_MS, ConfigValidators.between(1, Integer.MAX_VALUE),
                        Importance.LOW, "Milliseconds to wait for a connection to the server (validation, JDBC and binlog).",
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

    public long serverId() {
        return serverId;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@code host:port} for messages. */
    public String address() {
        return hostname + ":" + port;
    }

    @Override
    public String toString() {
        return user + "@" + address() + " (server id " + serverId + ")";
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
