package dev.cdc.source.postgres.server;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import dev.cdc.source.postgres.config.PostgresConnectorConfig;
import dev.cdc.source.postgres.config.PublicationAutocreateMode;
import dev.cdc.source.postgres.config.SnapshotMode;
import dev.cdc.source.postgres.replication.Lsn;

/**
 * The checks made before the connector touches the slot, each a clear message with the fix. Pure:
 * it judges {@link ServerFacts} read before, so every rule is unit-tested without a server.
 *
 * <ol>
 *   <li>server version 10 or later;</li>
 *   <li>{@code wal_level=logical};</li>
 *   <li>the role has REPLICATION;</li>
 *   <li>a free slot when the connector's slot does not exist yet;</li>
 *   <li>the slot, when it exists: pgoutput, this database, not invalidated, not ahead of the offset;</li>
 *   <li>a slot dropped while an offset exists: changes were lost (re-snapshot with {@code snapshot.mode=when_needed});</li>
 *   <li>the publication can be used or created;</li>
 *   <li>partitioned tables: their changes must be published under their own name;</li>
 *   <li>replica identity of the captured tables: NOTHING is an error, DEFAULT gives key-only before images;</li>
 *   <li>message key columns outside the primary key need REPLICA IDENTITY FULL for the key of deletes.</li>
 * </ol>
 */
public final class StartupChecks {
    /** PostgreSQL 10 introduced pgoutput. */
    static final int MINIMUM_VERSION = 100000;
    /** PostgreSQL 14 lets pgoutput send logical messages, which heartbeats use. */
    static final int MESSAGES_VERSION = 140000;

    private StartupChecks() {
    }

    /**
     * @param facts         what the server said
     * @param config        the connector's configuration
     * @param offsetLsn     the LSN of the committed offset, empty when the connector has none
     * @param address       {@code host:port/db} for messages
     */
    public static List<ServerProblem> problems(ServerFacts facts, PostgresConnectorConfig config, OptionalLong offsetLsn, String address) {
        requireNonNull(facts, "facts is null");
        requireNonNull(config, "config is null");
        requireNonNull(offsetLsn, "offsetLsn is null");
        List<ServerProblem> problems = new ArrayList<>();
        version(facts, config, problems);
        walLevel(facts, address, problems);
        replicationPrivilege(facts, problems);
        slot(facts, config, offsetLsn, problems);
        publication(facts, config, problems);
        partitionedTables(facts, config, problems);
        replicaIdentity(facts, problems);
        messageKeyColumns(facts, config, problems);
        return List.copyOf(problems);
    }

    private static void version(ServerFacts facts, PostgresConnectorConfig config, List<ServerProblem> problems) {
        if (facts.serverVersionNumber() < MINIMUM_VERSION) {
            problems.add(ServerProblem.error("version", "PostgreSQL " + facts.serverVersionNumber() + " has no pgoutput plugin;"
                    + " the connector needs PostgreSQL 10 or later (tested with 15)"));
        } else if (facts.serverVersionNumber() < MESSAGES_VERSION && config.common().heartbeat().enabled()) {
            problems.add(ServerProblem.warning("version", "PostgreSQL " + facts.serverVersionNumber() + " cannot send logical"
                    + " messages through pgoutput (14+); heartbeats will not advance the slot while the captured tables are idle"));
        }
    }

    private static void walLevel(ServerFacts facts, String address, List<ServerProblem> problems) {
        if (!"logical".equals(facts.walLevel())) {
            problems.add(ServerProblem.error("wal_level", "wal_level is '" + facts.walLevel() + "' on " + address
                    + "; logical decoding needs 'logical': run ALTER SYSTEM SET wal_level = logical; as a superuser and restart"
                    + " PostgreSQL"));
        }
    }

    private static void replicationPrivilege(ServerFacts facts, List<ServerProblem> problems) {
        if (!facts.replication()) {
            problems.add(ServerProblem.error("replication privilege", "role '" + facts.user() + "' has neither REPLICATION nor"
                    + " SUPERUSER, which logical replication needs: run ALTER ROLE " + Sql.quote(facts.user()) + " REPLICATION;"
                    + " as a superuser"));
        }
    }

    private static void slot(ServerFacts facts, PostgresConnectorConfig config, OptionalLong offsetLsn, List<ServerProblem> problems) {
        String slotName = config.replication().slotName();
        boolean whenNeeded = config.snapshot().mode() == SnapshotMode.WHEN_NEEDED;
        if (facts.slot().isEmpty()) {
            if (facts.slotsInUse() >= facts.maxReplicationSlots()) {
                problems.add(ServerProblem.error("free slots", "all " + facts.maxReplicationSlots() + " replication slots are in use"
                        + " and slot '" + slotName + "' does not exist yet: drop an unused slot (SELECT"
                        + " pg_drop_replication_slot('<name>') after checking pg_replication_slots) or raise max_replication_slots"
                        + " (needs a restart)"));
            }
            if (offsetLsn.isPresent()) {
                problems.add(new ServerProblem("slot dropped", whenNeeded ? ServerProblem.Severity.WARNING : ServerProblem.Severity.ERROR,
                        "replication slot '" + slotName + "' does not exist, but the connector has an offset at LSN "
                        + Lsn.format(offsetLsn.getAsLong()) + ": the slot was dropped and the changes made since are lost."
                        + (whenNeeded ? " snapshot.mode=when_needed: creating a new slot and snapshotting again."
                                : " Recovery: re-snapshot, with snapshot.mode=when_needed (or delete the connector's offsets)")));
            }
            return;
        }
        SlotState slot = facts.slot().orElseThrow();
        String database = config.connection().database();
        if (slot.plugin() == null || !slot.plugin().equals("pgoutput")) {
            problems.add(ServerProblem.error("slot plugin", "replication slot '" + slotName + "' uses plugin '" + slot.plugin()
                    + "', not pgoutput: choose another slot.name or drop it (SELECT pg_drop_replication_slot('" + slotName + "'))"));
        }
        if (slot.database() != null && !slot.database().equals(database)) {
            problems.add(ServerProblem.error("slot database", "replication slot '" + slotName + "' belongs to database '"
                    + slot.database() + "', not '" + database + "': each database needs its own slot.name"));
        }
        if (slot.isInvalidated()) {
            problems.add(new ServerProblem("slot invalidated", whenNeeded ? ServerProblem.Severity.WARNING : ServerProblem.Severity.ERROR,
                    "replication slot '" + slotName + "' was invalidated (wal_status=lost): the server removed WAL it still"
                    + " needed (max_slot_wal_keep_size), so changes were lost. Recovery: drop the slot (SELECT"
                    + " pg_drop_replication_slot('" + slotName + "')) and re-snapshot with snapshot.mode=when_needed"
                    + (whenNeeded ? "; snapshot.mode=when_needed: dropping it and snapshotting again" : "")));
        }
        OptionalLong confirmed = slot.confirmedFlush();
        if (offsetLsn.isPresent() && confirmed.isPresent() && confirmed.getAsLong() > offsetLsn.getAsLong()) {
            problems.add(new ServerProblem("slot ahead of offset", whenNeeded ? ServerProblem.Severity.WARNING : ServerProblem.Severity.ERROR,
                    "replication slot '" + slotName + "' confirmed LSN " + Lsn.format(confirmed.getAsLong())
                    + ", past the connector's committed offset " + Lsn.format(offsetLsn.getAsLong()) + ": another consumer used"
                    + " the slot or the offsets were reset, and the changes in between cannot be streamed again. Recovery:"
                    + " re-snapshot with snapshot.mode=when_needed, or give this connector its own slot.name"));
        }
    }

    private static void publication(ServerFacts facts, PostgresConnectorConfig config, List<ServerProblem> problems) {
        String name = config.replication().publicationName();
        PublicationAutocreateMode mode = config.replication().publicationAutocreateMode();
        if (facts.publicationExists()) {
            return;
        }
        if (mode == PublicationAutocreateMode.DISABLED) {
            problems.add(ServerProblem.error("publication", "publication '" + name + "' does not exist and"
                    + " publication.autocreate.mode=disabled: create it (CREATE PUBLICATION " + Sql.quote(name)
                    + " FOR TABLE ...;) or set publication.autocreate.mode=filtered"));
        } else if (mode == PublicationAutocreateMode.ALL_TABLES && !facts.superuser()) {
            problems.add(ServerProblem.error("publication", "publication '" + name + "' does not exist, and creating it FOR ALL"
                    + " TABLES (publication.autocreate.mode=all_tables) needs a superuser, which '" + facts.user() + "' is not:"
                    + " run CREATE PUBLICATION " + Sql.quote(name) + " FOR ALL TABLES; as a superuser, or set"
                    + " publication.autocreate.mode=filtered (the role must own the captured tables)"));
        }
    }

    /**
     * A partitioned table is snapshot under its own name; the stream names it so only when the
     * publication has {@code publish_via_partition_root = true}. The connector sets it on
     * publications it creates and on {@code filtered} ones; for others, a warning with the fix.
     */
    private static void partitionedTables(ServerFacts facts, PostgresConnectorConfig config, List<ServerProblem> problems) {
        List<String> partitioned = facts.partitionedTables().stream().map(TableInfo::displayName).toList();
        if (partitioned.isEmpty()) {
            return;
        }
        String name = config.replication().publicationName();
        PublicationAutocreateMode mode = config.replication().publicationAutocreateMode();
        if (facts.serverVersionNumber() < ServerInspector.VIA_ROOT_VERSION) {
            problems.add(ServerProblem.warning("partitioned tables", "PostgreSQL " + facts.serverVersionNumber() + " cannot publish"
                    + " the partitioned tables " + partitioned + " under their own name (publish_via_partition_root came with 13):"
                    + " the snapshot reads them, but their changes arrive under the partitions' names, as tables of their own"
                    + " (captured when the filters include them)"));
        } else if (facts.publicationExists() && !facts.publicationViaRoot() && mode != PublicationAutocreateMode.FILTERED) {
            problems.add(ServerProblem.warning("partitioned tables", "publication '" + name + "' publishes the partitions of "
                    + partitioned + " under their own names (publish_via_partition_root = false): the snapshot reads the"
                    + " partitioned tables, but their changes arrive as changes of the partitions, on the partitions' topics"
                    + " (when the filters include them). Fix: ALTER PUBLICATION " + Sql.quote(name)
                    + " SET (publish_via_partition_root = true);"));
        }
    }

    private static void replicaIdentity(ServerFacts facts, List<ServerProblem> problems) {
        List<String> nothing = new ArrayList<>();
        List<String> noKey = new ArrayList<>();
        List<String> keyOnly = new ArrayList<>();
        for (TableInfo table : facts.tables()) {
            switch (table.replicaIdentity()) {
                case 'n' -> nothing.add(table.displayName());
                case 'd' -> (table.primaryKey().isEmpty() ? noKey : keyOnly).add(table.displayName());
                case 'i' -> keyOnly.add(table.displayName());
                default -> { }
            }
        }
        if (!nothing.isEmpty()) {
            problems.add(ServerProblem.error("replica identity", "tables " + nothing + " have REPLICA IDENTITY NOTHING: their"
                    + " updates and deletes cannot be captured (PostgreSQL even refuses them once the table is published). Run"
                    + " ALTER TABLE <table> REPLICA IDENTITY DEFAULT (with a primary key) or REPLICA IDENTITY FULL, or exclude"
                    + " them with table.exclude.list"));
        }
        if (!noKey.isEmpty()) {
            problems.add(ServerProblem.warning("replica identity", "tables " + noKey + " have no primary key and REPLICA IDENTITY"
                    + " DEFAULT: only their inserts can be captured, PostgreSQL refuses UPDATE and DELETE on them once published,"
                    + " and their events have a null key. Add a primary key or run ALTER TABLE <table> REPLICA IDENTITY FULL"));
        }
        if (!keyOnly.isEmpty()) {
            problems.add(ServerProblem.warning("replica identity", "tables " + keyOnly + " have REPLICA IDENTITY DEFAULT (or"
                    + " INDEX): before images of updates and deletes carry the key columns only, and unchanged TOASTed values"
                    + " are absent from updates (header cdc.unchanged.toast). For full before images: ALTER TABLE <table>"
                    + " REPLICA IDENTITY FULL"));
        }
    }

    /**
     * A delete (or an update of the key) sends the old row's replica identity only; unless it is FULL,
     * message key columns outside the primary key have no value there, and the event's key has nulls.
     */
    private static void messageKeyColumns(ServerFacts facts, PostgresConnectorConfig config, List<ServerProblem> problems) {
        List<String> tables = new ArrayList<>();
        for (TableInfo table : facts.tables()) {
            config.messageKeys().columns().columnsFor(table.id().schema().orElseThrow(), table.id().table())
                    .filter(columns -> table.replicaIdentity() != 'f' && !table.primaryKey().containsAll(columns))
                    .ifPresent(columns -> tables.add(table.displayName() + columns));
        }
        if (!tables.isEmpty()) {
            problems.add(ServerProblem.warning("message key columns", "message.key.columns gives " + tables + " key columns outside"
                    + " the primary key, but the tables' replica identity is not FULL: the old row of a delete (and of an update"
                    + " that changes the primary key) carries only the replica identity, so those key columns are null in its"
                    + " event's key. Fix: ALTER TABLE <table> REPLICA IDENTITY FULL"));
        }
    }

    /** The errors joined into one message, or empty. */
    public static String describeErrors(List<ServerProblem> problems) {
        return problems.stream().filter(ServerProblem::isError).map(ServerProblem::toString).collect(Collectors.joining("; "));
    }
}
