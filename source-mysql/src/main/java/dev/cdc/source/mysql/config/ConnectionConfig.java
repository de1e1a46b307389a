package dev.cdc.source.mysql.config;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.config.ServerConnectionConfig;
import dev.cdc.core.config.Validators;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * Where the server is and who the connector is to it: cdc-core's {@link ServerConnectionConfig}
 * keys ({@code database.hostname}, ...) and the replica's {@code database.server.id}.
 */
public final class ConnectionConfig {
    public static final String SERVER_ID = "database.server.id";

    public static final int DEFAULT_PORT = 3306;
    /** {@code server_id} is an unsigned 32-bit number; 0 is refused by a source for replicas. */
    public static final long MAX_SERVER_ID = 4_294_967_295L;

    private final ServerConnectionConfig server;
    private final long serverId;

    ConnectionConfig(AbstractConfig config) {
        this.server = ServerConnectionConfig.from(config);
        this.serverId = config.getLong(SERVER_ID);
    }

    static ConfigDef define(ConfigDef def) {
        return new ServerConnectionConfig.Definition(DEFAULT_PORT, "MySQL or MariaDB server", "User the connector logs in as."
                + " It needs SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE and REPLICATION CLIENT (MariaDB: BINLOG MONITOR).",
                MySqlConnectorConfig.WORDING).define(def)
                .define(SERVER_ID, Type.LONG, ConfigDef.NO_DEFAULT_VALUE, Validators.between(1, MAX_SERVER_ID, MySqlConnectorConfig.WORDING),
                        Importance.HIGH, "Server id the connector registers with as a replica. Must differ from the server_id of"
                                + " every server and every other replica or connector of the same server.",
                        ServerConnectionConfig.GROUP, ServerConnectionConfig.SOURCE_KEY_ORDER, Width.SHORT, "Server id");
    }

    /** Host, port, user, password and connect timeout. */
    public ServerConnectionConfig server() {
        return server;
    }

    public long serverId() {
        return serverId;
    }

    /** {@code host:port} for messages. */
    public String address() {
        return server.address();
    }

    @Override
    public String toString() {
        return server + " (server id " + serverId + ")";
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
