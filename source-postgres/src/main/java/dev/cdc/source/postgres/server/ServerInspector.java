package dev.cdc.source.postgres.server;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cdc.schema.TableId;
import dev.cdc.source.postgres.config.CaptureFilter;
import dev.cdc.source.postgres.replication.Lsn;

/** Reads {@link ServerFacts} and other catalog facts over a plain connection. */
public final class ServerInspector {
    private static final String ROLE = "SELECT current_user, rolsuper, rolreplication FROM pg_catalog.pg_roles WHERE rolname = current_user";
    private static final String SLOT = "SELECT slot_name, plugin, database, active, coalesce(active_pid, 0),"
            + " confirmed_flush_lsn::text, restart_lsn::text, %s FROM pg_catalog.pg_replication_slots WHERE slot_name = ?";
    /** Ordinary and partitioned tables; partitions are captured under their root's name, never as tables of their own. */
    private static final String TABLES = "SELECT c.oid, n.nspname, c.relname, c.relreplident, c.reltuples::bigint, c.relkind = 'p'"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY n.nspname, c.relname";
    /** PostgreSQL 13 added {@code publish_via_partition_root}. */
    static final int VIA_ROOT_VERSION = 130000;
    private static final String PRIMARY_KEY = "SELECT a.attname FROM pg_catalog.pg_index i"
            + " JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE i.indrelid = ? AND i.indisprimary ORDER BY k.ord";

    private static final String COLUMNS = "SELECT a.attname, a.atttypid, a.atttypmod, a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid)"
            + " FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
    private static final String TABLE_OID = "SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
            + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";

    private final Connection connection;

    public ServerInspector(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** Everything the start-up checks look at. */
    public ServerFacts inspect(String slotName, String publicationName, CaptureFilter filter) throws SQLException {
        int version = Integer.parseInt(setting("server_version_num"));
        try (Statement statement = connection.createStatement(); ResultSet role = statement.executeQuery(ROLE)) {
            role.next();
            boolean superuser = role.getBoolean(2);
            return new ServerFacts(version, setting("wal_level"), role.getString(1), superuser, superuser || role.getBoolean(3),
                    Integer.parseInt(setting("max_replication_slots")), slotsInUse(), slot(slotName, version),
                    publicationExists(publicationName), capturedTables(filter),
                    version >= VIA_ROOT_VERSION && publicationViaRoot(publicationName));
        }
    }

    /** A statement on the inspected connection, for one-off queries. */
    public PreparedStatement connectionStatement(String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    public String setting(String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    public int slotsInUse() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_catalog.pg_replication_slots")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The slot, when it exists. */
    public Optional<SlotState> slot(String slotName, int serverVersionNumber) throws SQLException {
        String walStatus = serverVersionNumber >= 130000 ? "wal_status" : "NULL::text";
        try (PreparedStatement statement = connection.prepareStatement(String.format(SLOT, walStatus))) {
            statement.setString(1, slotName);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SlotState(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBoolean(4),
                        rows.getInt(5), lsn(rows.getString(6)), lsn(rows.getString(7)), rows.getString(8)));
            }
        }
    }

    public boolean publicationExists(String publicationName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = ?")) {
            statement.setString(1, publicationName);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Whether the publication exists with {@code publish_via_partition_root = true} (PostgreSQL 13 or later). */
    public boolean publicationViaRoot(String publicationName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pubviaroot FROM pg_catalog.pg_publication WHERE pubname = ?")) {
            statement.setString(1, publicationName);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** The ordinary and partitioned tables (not the partitions) of the database that the filter captures, by schema and name. */
    public List<TableInfo> capturedTables(CaptureFilter filter) throws SQLException {
        String database = connection.getCatalog();
        List<TableInfo> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(TABLES)) {
            while (rows.next()) {
                String schema = rows.getString(2);
                String table = rows.getString(3);
                if (filter.includesTable(schema, table)) {
                    tables.add(new TableInfo(rows.getLong(1), TableId.of(database, schema, table), rows.getString(4).charAt(0),
                            List.of(), Math.max(0, rows.getLong(5)), rows.getBoolean(6)));
                }
            }
        }
        List<TableInfo> withKeys = new ArrayList<>(tables.size());
        for (TableInfo table : tables) {
            withKeys.add(new TableInfo(table.oid(), table.id(), table.replicaIdentity(), primaryKey(table.oid()), table.estimatedRows(),
                    table.partitioned()));
        }
        return withKeys;
    }

    /** Primary key column names of a table in key order; empty when it has none. */
    public List<String> primaryKey(long tableOid) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PRIMARY_KEY)) {
            statement.setLong(1, tableOid);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    /** The columns of a table as the catalog has them now, in column order. */
    public List<ColumnInfo> columns(long tableOid) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setLong(1, tableOid);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new ColumnInfo(rows.getString(1), (int) rows.getLong(2), rows.getInt(3), rows.getBoolean(4),
                            rows.getString(5)));
                }
            }
        }
        return columns;
    }

    /** Whether the table is a partition of a partitioned table; false when it does not exist. */
    public boolean isPartition(long tableOid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT relispartition FROM pg_catalog.pg_class WHERE oid = ?")) {
            statement.setLong(1, tableOid);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** The oid of a table by schema and name, when it exists. */
    public Optional<Long> tableOid(String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TABLE_OID)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long lsn(String text) {
        return text == null ? 0 : Lsn.parse(text);
    }
}
