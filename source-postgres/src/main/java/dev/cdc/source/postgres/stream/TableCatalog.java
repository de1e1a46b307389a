package dev.cdc.source.postgres.stream;

import java.sql.SQLException;
import java.util.List;

import dev.cdc.source.postgres.server.ColumnInfo;

/** What the stream asks the catalog about a table that pgoutput does not say: nullability, defaults, primary key. */
public interface TableCatalog {
    /** The table's columns now; empty when the table no longer exists. */
    List<ColumnInfo> columns(long tableOid) throws SQLException;

    /** The table's primary key now; empty when it has none or no longer exists. */
    List<String> primaryKey(long tableOid) throws SQLException;

    /**
     * True when the table is a partition whose changes the publication sends under its
     * partitioned table's name ({@code publish_via_partition_root}): pgoutput still sends the
     * partition's own Relation message, which then describes no change and is not a table to capture.
     */
    boolean publishedViaRoot(long tableOid) throws SQLException;
}
