package dev.cdc.sink.jdbc.dialect;

import dev.cdc.sink.jdbc.table.TableStates;

/**
 * The upsert condition that keeps a truncated table truncated: no row older than the table's last
 * truncate (or drop) recorded in its table-state table may be written, so a replay of changes from
 * before the truncate cannot bring rows back. A change at the truncate's own position applies, as
 * equal positions do everywhere (changes of one transaction may share a position).
 */
final class TableStateGuard {
    private TableStateGuard() {
    }

    /**
     * {@code NOT EXISTS (SELECT 1 FROM __cdc_tables s WHERE s.table_name = 't' AND s.truncated_position > <incoming>)}.
     *
     * @param alias            the alias of the state table
     * @param incomingPosition the SQL expression of the incoming row's position
     */
    static String notTruncatedAfter(Dialect dialect, RowShape shape, String alias, String incomingPosition) {
        return "NOT EXISTS (SELECT 1 FROM " + dialect.qualified(shape.tableStates()) + " " + alias + " WHERE " + alias + "."
                + dialect.quote(TableStates.NAME_COLUMN) + " = " + dialect.literal(shape.table().name()) + " AND " + alias + "."
                + dialect.quote(TableStates.TRUNCATED_COLUMN) + " > " + incomingPosition + ")";
    }
}
