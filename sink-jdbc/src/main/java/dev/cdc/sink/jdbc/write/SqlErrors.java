package dev.cdc.sink.jdbc.write;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.connect.errors.DataException;

import dev.cdc.core.errors.CauseChain;

/**
 * Classifies write failures, in one place, by the SQLSTATEs and vendor codes found anywhere in the
 * cause chain (and in {@link SQLException#getNextException()} chains, where pgjdbc puts the real
 * error of a batch). The first rule that matches wins:
 * <ol>
 *   <li>TRANSIENT: SQLSTATE class 08 (connection), 40 (rollback: serialization failure, deadlock),
 *   53 (insufficient resources), 57P (operator intervention: shutdown, crash recovery); MySQL
 *   1213 (deadlock), 1205 (lock wait timeout), 2006/2013 (server gone, connection lost); a
 *   {@link SQLTransientException} or {@link SQLRecoverableException};</li>
 *   <li>BAD_ROW: SQLSTATE class 22 (data exception) and 23 (integrity constraint), MySQL data
 *   errors with a generic SQLSTATE (1366 incorrect value, 1292 incorrect date, 1265 truncated,
 *   1264 out of range, 1406 too long, 1048 null, 3140 invalid JSON, 4025 check constraint), and a
 *   Connect {@link DataException} (a value that cannot be converted);</li>
 *   <li>FATAL: everything else.</li>
 * </ol>
 */
public final class SqlErrors {
    private static final Set<Integer> MYSQL_TRANSIENT = Set.of(1213, 1205, 2006, 2013);
    private static final Set<Integer> MYSQL_BAD_ROW = Set.of(1366, 1292, 1265, 1264, 1406, 1048, 3140, 4025, 1062);

    private SqlErrors() {
    }

    public static SqlErrorKind classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(SqlErrors::isTransient)) {
            return SqlErrorKind.TRANSIENT;
        }
        if (chain.stream().anyMatch(SqlErrors::isBadRow)) {
            return SqlErrorKind.BAD_ROW;
        }
        return SqlErrorKind.FATAL;
    }

    /** {@code SQLSTATE 23505, error code 0: duplicate key ...} of the first SQL exception in the chain, or the chain described. */
    public static String describe(Throwable failure) {
        for (Throwable link : chain(failure)) {
            if (link instanceof SQLException sql && sql.getSQLState() != null) {
                return "SQLSTATE " + sql.getSQLState() + ", error code " + sql.getErrorCode() + ": " + CauseChain.describe(failure);
            }
        }
        return CauseChain.describe(failure);
    }

    private static boolean isTransient(Throwable link) {
        if (link instanceof SQLTransientException || link instanceof SQLRecoverableException) {
            return true;
        }
        if (!(link instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57P")
                || MYSQL_TRANSIENT.contains(sql.getErrorCode()) && !state.startsWith("42");
    }

    private static boolean isBadRow(Throwable link) {
        if (link instanceof DataException) {
            return true;
        }
        if (!(link instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return state.startsWith("22") || state.startsWith("23") || MYSQL_BAD_ROW.contains(sql.getErrorCode()) && !state.startsWith("42");
    }

    /** The cause chain with every SQLException's next-exception chain spliced in. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable link : CauseChain.of(failure)) {
            all.add(link);
            if (link instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                for (int i = 0; next != null && i < CauseChain.MAX_DEPTH; i++, next = next.getNextException()) {
                    if (next != sql) {
                        all.addAll(CauseChain.of(next));
                    }
                }
            }
        }
        return all;
    }
}
