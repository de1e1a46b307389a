package dev.cdc.source.postgres.server;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.source.postgres.config.PublicationAutocreateMode;

/**
 * Creates or aligns the publication, by {@code publication.autocreate.mode}: {@code all_tables}
 * creates it {@code FOR ALL TABLES} when missing; {@code filtered} creates it for the captured
 * tables when missing and otherwise sets its table list to them; {@code disabled} uses it as it is.
 * The connector filters changes itself as well, so a publication wider than the filters is harmless.
 *
 * <p>On PostgreSQL 13 and later a publication the connector creates has
 * {@code publish_via_partition_root = true}, so the changes of a partitioned table arrive under the
 * partitioned table's name (as the snapshot reads it), not under its partitions' names; with
 * {@code filtered} an existing publication gets the option too when a partitioned table is captured. A publication of {@code all_tables}
 * that exists, or one of {@code disabled}, is left as it is (see the start-up checks' warning).
 */
public final class Publications {
    private static final Logger LOG = LoggerFactory.getLogger(Publications.class);
    private static final String TABLES = "SELECT schemaname, tablename FROM pg_catalog.pg_publication_tables WHERE pubname = ?";
    private static final String VIA_ROOT = "publish_via_partition_root";

    private Publications() {
    }

    /**
     * Makes sure the publication exists as the mode wants it.
     *
     * @param facts  whether it exists, with which options, on which server version
     * @param tables the tables a {@code filtered} publication holds
     * @return whether the publication now publishes partitions under their partitioned table's name
     */
    public static boolean ensure(Connection plain, String name, PublicationAutocreateMode mode, ServerFacts facts, List<TableInfo> tables)
            throws SQLException {
        requireNonNull(mode, "mode is null");
        if (mode == PublicationAutocreateMode.DISABLED) {
            return facts.publicationViaRoot();
        }
        try (Statement statement = plain.createStatement()) {
            if (!facts.publicationExists()) {
                return create(statement, name, mode, facts, tables);
            }
            return mode == PublicationAutocreateMode.FILTERED ? align(statement, name, facts, tables) : facts.publicationViaRoot();
        }
    }

    private static boolean create(Statement statement, String name, PublicationAutocreateMode mode, ServerFacts facts,
            List<TableInfo> tables) throws SQLException {
        boolean viaRoot = facts.serverVersionNumber() >= ServerInspector.VIA_ROOT_VERSION;
        String sql = "CREATE PUBLICATION " + Sql.quote(name) + (mode == PublicationAutocreateMode.ALL_TABLES ? " FOR ALL TABLES"
                : tables.isEmpty() ? "" : " FOR TABLE " + tableList(tables)) + (viaRoot ? " WITH (" + VIA_ROOT + " = true)" : "");
        LOG.info("Creating the publication: {}", sql);
        statement.execute(sql);
        return viaRoot;
    }

    /** {@code filtered}: the captured tables, and the partitioned ones among them published under their own names. */
    private static boolean align(Statement statement, String name, ServerFacts facts, List<TableInfo> tables) throws SQLException {
        if (!tables.isEmpty() && !publishedTables(statement.getConnection(), name).equals(names(tables))) {
            String sql = "ALTER PUBLICATION " + Sql.quote(name) + " SET TABLE " + tableList(tables);
            LOG.info("Aligning the publication with the filters: {}", sql);
            statement.execute(sql);
        }
        if (facts.serverVersionNumber() < ServerInspector.VIA_ROOT_VERSION || facts.publicationViaRoot()
                || facts.partitionedTables().isEmpty()) {
            return facts.publicationViaRoot();
        }
        String sql = "ALTER PUBLICATION " + Sql.quote(name) + " SET (" + VIA_ROOT + " = true)";
        LOG.info("Publishing the partitioned tables {} under their own names: {}",
                facts.partitionedTables().stream().map(TableInfo::displayName).toList(), sql);
        statement.execute(sql);
        return true;
    }

    private static String tableList(List<TableInfo> tables) {
        return tables.stream().map(TableInfo::quotedName).collect(Collectors.joining(", "));
    }

    private static Set<String> publishedTables(Connection plain, String name) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (PreparedStatement statement = plain.prepareStatement(TABLES)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1) + "." + rows.getString(2));
                }
            }
        }
        return tables;
    }

    private static Set<String> names(List<TableInfo> tables) {
        return tables.stream().map(TableInfo::displayName).collect(Collectors.toCollection(TreeSet::new));
    }
}
