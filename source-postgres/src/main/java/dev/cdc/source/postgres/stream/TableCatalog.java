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
}
