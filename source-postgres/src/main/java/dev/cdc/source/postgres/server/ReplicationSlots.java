package dev.cdc.source.postgres.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.cdc.source.postgres.replication.Lsn;

/** Creates and drops the connector's logical replication slot. */
public final class ReplicationSlots {
    private ReplicationSlots() {
    }

    /**
     * A slot just created.
     *
     * @param consistentPoint the LSN from which the slot streams every transaction that commits later
     * @param snapshotName    the exported snapshot that shows the database exactly at the consistent point;
     *                        valid until the replication connection runs its next command
     */
    public record CreatedSlot(long consistentPoint, String snapshotName) {
    }

    /**
     * Creates a pgoutput slot on a replication connection and exports its snapshot.
     *
     * @param replication a connection opened with {@code replication=database}; it must stay idle
     *                    until the snapshot was imported with {@code SET TRANSACTION SNAPSHOT}
     * @param temporary   dropped by the server when the connection ends (initial_only)
     */
    public static CreatedSlot createExportingSnapshot(Connection replication, String slotName, boolean temporary) throws SQLException {
        try (Statement statement = replication.createStatement();
                ResultSet rows = statement.executeQuery("CREATE_REPLICATION_SLOT " + Sql.quote(slotName)
                        + (temporary ? " TEMPORARY" : "") + " LOGICAL pgoutput EXPORT_SNAPSHOT")) {
            rows.next();
            return new CreatedSlot(Lsn.parse(rows.getString("consistent_point")), rows.getString("snapshot_name"));
        }
    }

    /** Drops a slot that no walsender uses; returns false when it did not exist. */
    public static boolean drop(Connection plain, String slotName) throws SQLException {
        try (PreparedStatement statement = plain.prepareStatement(
                "SELECT pg_catalog.pg_drop_replication_slot(slot_name) FROM pg_catalog.pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, slotName);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
