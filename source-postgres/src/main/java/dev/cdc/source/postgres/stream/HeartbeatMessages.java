package dev.cdc.source.postgres.stream;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes the heartbeat's logical message with {@code pg_logical_emit_message} on a plain
 * connection to the captured database. pgoutput (PostgreSQL 14+, option {@code messages}) sends it
 * back through the slot even when no captured table changes, so the connector learns an LSN it
 * may confirm and the slot releases the WAL that other tables write.
 */
public final class HeartbeatMessages {
    private static final String EMIT = "SELECT pg_catalog.pg_logical_emit_message(false, '" + ChangeStreamHandler.HEARTBEAT_PREFIX + "', '')";

    private final Connection connection;
    private final boolean supported;

    /**
     * @param supported false before PostgreSQL 14, where pgoutput does not send messages
     */
    public HeartbeatMessages(Connection connection, boolean supported) {
        this.connection = requireNonNull(connection, "connection is null");
        this.supported = supported;
    }

    public void emit() throws SQLException {
        if (!supported) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(EMIT);
        }
    }
}
