package dev.cdc.sink.jdbc.write;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import dev.cdc.sink.jdbc.config.DeleteMode;
import dev.cdc.sink.jdbc.config.InsertMode;
import dev.cdc.sink.jdbc.config.JdbcSinkConfig;
import dev.cdc.sink.jdbc.dialect.Dialect;
import dev.cdc.sink.jdbc.dialect.RowShape;
import dev.cdc.sink.jdbc.dialect.WriteColumn;
import dev.cdc.sink.jdbc.record.SinkChange;
import dev.cdc.sink.jdbc.record.UnavailableValue;
import dev.cdc.sink.jdbc.table.TableBinding;

/**
 * Writes changes inside the caller's transaction: groups them by table binding, kind and the set of
 * unavailable (TOAST) columns, and writes each group in multi-row statements of at most
 * {@value #MAX_ROWS_PER_STATEMENT} rows (fewer when the columns would pass the dialect's parameter
 * limit). Columns whose values are unavailable (unchanged TOAST) are left out of the update of an
 * existing row, so the stored values stay; a new row gets NULL there, with a warning
 * ({@link AbsentRowWarnings}); {@code insert.mode=update} leaves them out altogether.
 * Hard deletes delete guarded by position and record the delete positions in the tombstone table;
 * soft deletes upsert the key with the flag set. The caller reduces, commits and rolls back.
 */
public final class RowWriter {
    static final int MAX_ROWS_PER_STATEMENT = 500;

    private final Dialect dialect;
    private final InsertMode insertMode;
    private final DeleteMode deleteMode;
    private final AbsentRowWarnings absentRows;

    public RowWriter(Dialect dialect, JdbcSinkConfig config) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.absentRows = new AbsentRowWarnings(dialect);
        this.insertMode = config.write().insertMode();
        this.deleteMode = config.delete().mode();
    }

    public void write(Connection connection, List<PendingChange> changes) throws SQLException {
        Map<GroupKey, List<PendingChange>> groups = new LinkedHashMap<>();
        for (PendingChange change : changes) {
            groups.computeIfAbsent(GroupKey.of(change), key -> new ArrayList<>()).add(change);
        }
        for (Map.Entry<GroupKey, List<PendingChange>> group : groups.entrySet()) {
            GroupKey key = group.getKey();
            if (key.kind() == SinkChange.Kind.UPSERT) {
                writeRows(connection, key.binding(), key.unavailable(), group.getValue());
            } else if (deleteMode == DeleteMode.SOFT) {
                softDelete(connection, key.binding(), group.getValue());
            } else {
                hardDelete(connection, key.binding(), group.getValue());
            }
        }
    }

    private void writeRows(Connection connection, TableBinding binding, BitSet unavailable, List<PendingChange> changes)
            throws SQLException {
        // update mode leaves unavailable columns out; upsert and insert write them (NULL) into new rows only
        boolean omitUnavailable = insertMode == InsertMode.UPDATE;
        List<WriteColumn> columns = new ArrayList<>(binding.keyColumns());
        Set<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < binding.valueColumns().size(); i++) {
            if (!unavailable.get(i) || !omitUnavailable) {
                columns.add(binding.valueColumns().get(i));
            }
            if (unavailable.get(i)) {
                kept.add(binding.valueColumns().get(i).name());
            }
        }
        if (binding.softDeleteColumn() != null) {
            columns.add(binding.softDeleteColumn());
        }
        columns.add(binding.positionColumn());
        RowShape shape = new RowShape(binding.table(), columns, binding.keyColumnNames(), binding.positionColumn().name(),
                binding.tombstones(), binding.tableStates(), insertMode == InsertMode.UPSERT ? kept : Set.of());
        if (!kept.isEmpty() && !omitUnavailable) {
            absentRows.warnAboutAbsentRows(connection, binding, List.copyOf(kept), changes, insertMode == InsertMode.UPSERT);
        }
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (PendingChange pending : changes) {
            SinkChange change = pending.change();
            List<Object> row = new ArrayList<>(columns.size());
            row.addAll(List.of(change.key()));
            for (int i = 0; i < change.row().length; i++) {
                if (!unavailable.get(i)) {
                    row.add(change.row()[i]);
                } else if (!omitUnavailable) {
                    row.add(null);
                }
            }
            if (binding.softDeleteColumn() != null) {
                row.add(Boolean.FALSE);
            }
            row.add(change.position());
            rows.add(row.toArray());
        }
        switch (insertMode) {
            case UPSERT -> executeMultiRow(connection, shape, rows, dialect::upsert);
            case INSERT -> executeMultiRow(connection, shape, rows, dialect::insert);
            case UPDATE -> executeUpdates(connection, shape, rows);
        }
    }

    private void hardDelete(Connection connection, TableBinding binding, List<PendingChange> changes) throws SQLException {
        List<WriteColumn> columns = new ArrayList<>(binding.keyColumns());
        columns.add(binding.positionColumn());
        List<Object[]> rows = keyAndPositionRows(changes, null);
        executeMultiRow(connection, new RowShape(binding.table(), columns, binding.keyColumnNames(), binding.positionColumn().name(), null),
                rows, dialect::delete);
        if (binding.tombstones() != null) {
            List<WriteColumn> tombstoneColumns = new ArrayList<>(binding.tombstoneKeyColumns());
            tombstoneColumns.add(binding.positionColumn());
            executeMultiRow(connection, new RowShape(binding.tombstones(), tombstoneColumns, binding.keyColumnNames(),
                    binding.positionColumn().name(), null), rows, dialect::recordTombstones);
        }
    }

    private void softDelete(Connection connection, TableBinding binding, List<PendingChange> changes) throws SQLException {
        List<WriteColumn> columns = new ArrayList<>(binding.keyColumns());
        columns.add(binding.softDeleteColumn());
        columns.add(binding.positionColumn());
        executeMultiRow(connection, new RowShape(binding.table(), columns, binding.keyColumnNames(), binding.positionColumn().name(), null,
                binding.tableStates()), keyAndPositionRows(changes, Boolean.TRUE), dialect::upsert);
    }

    private static List<Object[]> keyAndPositionRows(List<PendingChange> changes, Object flag) {
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (PendingChange pending : changes) {
            Object[] key = pending.change().key();
            int extra = flag == null ? 1 : 2;
            Object[] row = new Object[key.length + extra];
            System.arraycopy(key, 0, row, 0, key.length);
            if (flag != null) {
                row[key.length] = flag;
            }
            row[row.length - 1] = pending.change().position();
            rows.add(row);
        }
        return rows;
    }

    private void executeMultiRow(Connection connection, RowShape shape, List<Object[]> rows, BiFunction<RowShape, Integer, String> sql)
            throws SQLException {
        int perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, dialect.maxParameters() / shape.columns().size()));
        for (int start = 0; start < rows.size(); start += perStatement) {
            List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + perStatement));
            try (PreparedStatement statement = connection.prepareStatement(sql.apply(shape, chunk.size()))) {
                int index = 1;
                for (Object[] row : chunk) {
                    for (int i = 0; i < row.length; i++) {
                        dialect.bind(statement, index++, shape.columns().get(i), row[i]);
                    }
                }
                statement.executeUpdate();
            }
        }
    }

    private void executeUpdates(Connection connection, RowShape shape, List<Object[]> rows) throws SQLException {
        List<Integer> order = dialect.updateParameterOrder(shape);
        try (PreparedStatement statement = connection.prepareStatement(dialect.update(shape))) {
            for (Object[] row : rows) {
                int index = 1;
                for (int column : order) {
                    dialect.bind(statement, index++, shape.columns().get(column), row[column]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Changes written by one statement shape: same binding (by identity), kind and unavailable columns. */
    private record GroupKey(TableBinding binding, SinkChange.Kind kind, BitSet unavailable) {
        static GroupKey of(PendingChange pending) {
            BitSet unavailable = new BitSet();
            Object[] row = pending.change().row();
            for (int i = 0; i < row.length; i++) {
                if (row[i] == UnavailableValue.INSTANCE) {
                    unavailable.set(i);
                }
            }
            return new GroupKey(pending.binding(), pending.change().kind(), unavailable);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupKey other && binding == other.binding && kind == other.kind && unavailable.equals(other.unavailable);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(binding) * 31 * 31 + kind.hashCode() * 31 + unavailable.hashCode();
        }
    }
}
