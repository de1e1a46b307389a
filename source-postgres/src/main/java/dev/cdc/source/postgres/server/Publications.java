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
 */
public final class Publications {
    private static final Logger LOG = LoggerFactory.getLogger(Publications.class);
    private static final String TABLES = "SELECT schemaname, tablename FROM pg_catalog.pg_publication_tables WHERE pubname = ?";

    private Publications() {
    }

    /** Makes sure the publication exists as the mode wants it. */
    public static void ensure(Connection plain, String name, PublicationAutocreateMode mode, boolean exists, List<TableInfo> tables)
            throws SQLException {
        requireNonNull(mode, "mode is null");
        if (mode == PublicationAutocreateMode.DISABLED) {
            return;
        }
        String tableList = tables.stream().map(TableInfo::quotedName).collect(Collectors.joining(", "));
        try (Statement statement = plain.createStatement()) {
            if (!exists) {
                String sql = mode == PublicationAutocreateMode.ALL_TABLES ? "CREATE PUBLICATION " + Sql.quote(name) + " FOR ALL TABLES"
                        : "CREATE PUBLICATION " + Sql.quote(name) + (tables.isEmpty() ? "" : " FOR TABLE " + tableList);
                LOG.info("Creating the publication: {}", sql);
                statement.execute(sql);
            } else if (mode == PublicationAutocreateMode.FILTERED && !publishedTables(plain, name).equals(names(tables)) && !tables.isEmpty()) {
                String sql = "ALTER PUBLICATION " + Sql.quote(name) + " SET TABLE " + tableList;
                LOG.info("Aligning the publication with the filters: {}", sql);
                statement.execute(sql);
            }
        }
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
