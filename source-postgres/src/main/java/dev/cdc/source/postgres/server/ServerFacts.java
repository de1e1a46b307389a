package dev.cdc.source.postgres.server;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the start-up checks need to know about the server, read once by {@link ServerInspector}.
 *
 * @param serverVersionNumber {@code server_version_num}, e.g. 150018
 * @param walLevel            {@code wal_level}
 * @param user                the connector's role
 * @param superuser           whether it is a superuser
 * @param replication         whether it has REPLICATION (or is a superuser)
 * @param maxReplicationSlots {@code max_replication_slots}
 * @param slotsInUse          slots that exist, of all kinds and databases
 * @param slot                the connector's slot, when it exists
 * @param publicationExists   whether the connector's publication exists
 * @param tables              the tables the filters capture
 * @param publicationViaRoot  whether the existing publication has {@code publish_via_partition_root = true}
 *                            (false when it does not exist, or before PostgreSQL 13)
 */
public record ServerFacts(int serverVersionNumber, String walLevel, String user, boolean superuser, boolean replication,
        int maxReplicationSlots, int slotsInUse, Optional<SlotState> slot, boolean publicationExists, List<TableInfo> tables,
        boolean publicationViaRoot) {
    public ServerFacts {
        requireNonNull(walLevel, "walLevel is null");
        requireNonNull(user, "user is null");
        requireNonNull(slot, "slot is null");
        tables = List.copyOf(tables);
    }

    /** Facts without partitioned-table publishing (an existing publication publishes partitions under their own names). */
    public ServerFacts(int serverVersionNumber, String walLevel, String user, boolean superuser, boolean replication,
            int maxReplicationSlots, int slotsInUse, Optional<SlotState> slot, boolean publicationExists, List<TableInfo> tables) {
        this(serverVersionNumber, walLevel, user, superuser, replication, maxReplicationSlots, slotsInUse, slot, publicationExists,
                tables, false);
    }

    /** The captured tables that are partitioned. */
    public List<TableInfo> partitionedTables() {
        return tables.stream().filter(TableInfo::partitioned).toList();
    }
}
