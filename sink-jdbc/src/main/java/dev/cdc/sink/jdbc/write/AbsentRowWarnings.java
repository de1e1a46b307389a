package dev.cdc.sink.jdbc.write;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.sink.jdbc.dialect.Dialect;
import dev.cdc.sink.jdbc.dialect.WriteColumn;
import dev.cdc.sink.jdbc.record.SinkChange;
import dev.cdc.sink.jdbc.table.TableBinding;
import dev.cdc.sink.jdbc.table.TableRef;

/**
 * Warns about upserts whose unchanged TOAST columns cannot keep a stored value because the table
 * has no row of the key yet (the update arrived first, e.g. after a gap between snapshot and
 * stream): such a row is inserted with NULL in those columns. Run inside the batch's transaction,
 * before the group's upsert, so it sees the rows of the changes written before it.
 */
final class AbsentRowWarnings {
    private static final Logger LOG = LoggerFactory.getLogger(AbsentRowWarnings.class);
    static final int MAX_KEYS_IN_MESSAGE = 20;

    private final Dialect dialect;

    AbsentRowWarnings(Dialect dialect) {
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    /**
     * Logs one warning for the changes of a group whose keys the table does not hold.
     *
     * @param columns the unavailable columns of the group
     * @param lookUp  whether to look the keys up; false writes new rows only (plain inserts)
     */
    void warnAboutAbsentRows(Connection connection, TableBinding binding, List<String> columns, List<PendingChange> changes,
            boolean lookUp) throws SQLException {
        List<PendingChange> absent = lookUp && !binding.keyColumns().isEmpty() ? absent(connection, binding, changes) : changes;
        if (!absent.isEmpty()) {
            LOG.warn(message(binding.table(), binding.keyColumnNames(), columns, absent));
        }
    }

    private List<PendingChange> absent(Connection connection, TableBinding binding, List<PendingChange> changes) throws SQLException {
        List<WriteColumn> keyColumns = binding.keyColumns();
        int perStatement = Math.max(1, Math.min(RowWriter.MAX_ROWS_PER_STATEMENT, dialect.maxParameters() / keyColumns.size()));
        List<PendingChange> absent = new ArrayList<>();
        for (int start = 0; start < changes.size(); start += perStatement) {
            List<PendingChange> chunk = changes.subList(start, Math.min(changes.size(), start + perStatement));
            try (PreparedStatement statement = connection.prepareStatement(dialect.absentKeys(binding.table(), keyColumns, chunk.size()))) {
                int index = 1;
                for (PendingChange change : chunk) {
                    Object[] key = change.change().key();
                    for (int i = 0; i < key.length; i++) {
                        dialect.bind(statement, index++, keyColumns.get(i), key[i]);
                    }
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        absent.add(chunk.get(rows.getInt(1)));
                    }
                }
            }
        }
        return absent;
    }

    static String message(TableRef table, List<String> keyColumns, List<String> columns, List<PendingChange> absent) {
        StringJoiner keys = new StringJoiner(", ");
        for (PendingChange change : absent.subList(0, Math.min(absent.size(), MAX_KEYS_IN_MESSAGE))) {
            keys.add(describeKey(keyColumns, change.change()));
        }
        String more = absent.size() > MAX_KEYS_IN_MESSAGE ? " and " + (absent.size() - MAX_KEYS_IN_MESSAGE) + " more" : "";
        return "Table " + table + " holds no row for " + absent.size() + " change(s) whose unchanged TOAST column(s) " + columns
                + " the source did not send; inserting them with NULL in those columns (the update came before the row, e.g. after a"
                + " gap between snapshot and stream; the next change carrying the values fixes them). Key(s): " + keys + more
                + "; first record at " + absent.get(0).change().coordinates();
    }

    private static String describeKey(List<String> keyColumns, SinkChange change) {
        if (keyColumns.isEmpty()) {
            return "(no key)";
        }
        StringJoiner key = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < keyColumns.size(); i++) {
            Object value = change.key()[i];
            key.add(keyColumns.get(i) + "=" + (value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value));
        }
        return key.toString();
    }
}
