package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * Where a database server is and who the connector logs in as, with Debezium's key names:
 * {@code database.hostname}, {@code database.port}, {@code database.user}, {@code database.password}
 * and {@code connect.timeout.ms}. A source declares them with its {@link Definition} (default port,
 * server name, privileges) and composes this class with the key that says what it connects to
 * (a database name, a replica server id), declared at {@link #SOURCE_KEY_ORDER} of {@link #GROUP}.
 * Immutable; {@link #toString()} never shows the password.
 */
public final class ServerConnectionConfig {
    public static final String HOSTNAME = "database.hostname";
    public static final String PORT = "database.port";
    public static final String USER = "database.user";
    public static final String PASSWORD = "database.password";
    public static final String CONNECT_TIMEOUT_MS = "connect.timeout.ms";

    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
    public static final int MAX_PORT = 65_535;

    /** The group of the connection keys in the generated documentation. */
    public static final String GROUP = "Connection";
    /** The place in {@link #GROUP} for the source's own connection key, between the password and the timeout. */
    public static final int SOURCE_KEY_ORDER = 5;

    private final String hostname;
    private final int port;
    private final String user;
    private final Password password;
    private final Duration connectTimeout;

    /** @param password empty when the server needs none */
    public ServerConnectionConfig(String hostname, int port, String user, String password, Duration connectTimeout) {
        this.hostname = requireNonNull(hostname, "hostname is null").trim();
        this.port = port;
        this.user = requireNonNull(user, "user is null");
        this.password = new Password(requireNonNull(password, "password is null"));
        this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout is null");
    }

    /** The values of a parsed config; an unset password is empty, the host name is trimmed. */
    public static ServerConnectionConfig from(AbstractConfig config) {
        Password password = config.getPassword(PASSWORD);
        return new ServerConnectionConfig(config.getString(HOSTNAME), config.getInt(PORT), config.getString(USER),
                password == null ? "" : password.value(), Duration.ofMillis(config.getInt(CONNECT_TIMEOUT_MS)));
    }

    /**
     * What differs between the sources' connection keys.
     *
     * @param defaultPort       the port of the server when {@code database.port} is not set
     * @param serverName        the kind of server, for the documentation, e.g. {@code "ACME DB server"}
     * @param userDocumentation the documentation of {@code database.user}: the privileges the user needs
     * @param wording           how the messages of missing values are worded
     */
    public record Definition(int defaultPort, String serverName, String userDocumentation, MessageWording wording) {
        public Definition {
            if (defaultPort < 1 || defaultPort > MAX_PORT) {
                throw new IllegalArgumentException("defaultPort is " + defaultPort + "; a port is from 1 to " + MAX_PORT);
            }
            requireNonNull(serverName, "serverName is null");
            requireNonNull(userDocumentation, "userDocumentation is null");
            requireNonNull(wording, "wording is null");
        }

        /** Declares the five keys in {@code definition} and returns it. */
        public ConfigDef define(ConfigDef definition) {
            return definition
                    .define(HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                            Validators.nonBlank("host name or IP address of the server", wording), Importance.HIGH,
                            "Host name or IP address of the " + serverName + ".", GROUP, 1, Width.MEDIUM, "Host")
                    .define(PORT, Type.INT, defaultPort, Validators.between(1, MAX_PORT, wording), Importance.HIGH,
                            "Port of the " + serverName + ".", GROUP, 2, Width.SHORT, "Port")
                    .define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.nonBlank("user name", wording),
                            Importance.HIGH, userDocumentation, GROUP, 3, Width.MEDIUM, "User")
                    .define(PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                            "Password of the user; empty when not set.", GROUP, 4, Width.MEDIUM, "Password")
                    .define(CONNECT_TIMEOUT_MS, Type.INT, DEFAULT_CONNECT_TIMEOUT_MS,
                            Validators.between(1, Integer.MAX_VALUE, wording), Importance.LOW,
                            "Milliseconds to wait for a connection to the server (validation, queries and replication).",
                            GROUP, SOURCE_KEY_ORDER + 1, Width.SHORT, "Connect timeout");
        }
    }

    /** Trimmed. */
    public String hostname() {
        return hostname;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** The password, empty when not set; never printed by {@link #toString()}. */
    public String password() {
        return password.value();
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@code host:port}, for messages. */
    public String address() {
        return hostname + ":" + port;
    }

    /** {@code user@host:port}. */
    @Override
    public String toString() {
        return user + "@" + address();
    }
}
