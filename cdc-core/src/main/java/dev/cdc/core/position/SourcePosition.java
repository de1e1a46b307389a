package dev.cdc.core.position;

/**
 * The 63-bit source position that orders all changes of one source; sinks use it as the version
 * of a document or row (Elasticsearch {@code version_type=external_gte}, JDBC guarded upserts).
 *
 * <h2>MySQL / MariaDB binlog</h2>
 * <pre>
 *  bit 63      62 ........................ 32   31 ............................ 0
 *  [0 sign]    [binlog file number, 31 bits]    [offset in the file, 32 bits]
 *  offset = start of the rows event + index of the row inside the event
 * </pre>
 * A binlog file is at most 4 GiB (event positions are 32-bit in binlog v4), so the event start
 * fits 32 bits. Every row image of a rows event takes at least one byte (its null bitmap), so
 * {@code eventStart + rowIndex} stays below the start of the next event: positions strictly
 * increase along the binlog, across events and files, without reserving bits for the row
 * index. The exception is a compressed event (MySQL 8 {@code TRANSACTION_PAYLOAD}, MariaDB
 * compressed rows events), which can hold more rows than it has bytes: there the offset
 * saturates at {@code nextEventStart - 1}, the tail rows share one position, and sinks, which
 * accept equal versions, keep the last of them by arrival order (the order of the binlog).
 *
 * <h2>PostgreSQL WAL</h2>
 * <pre>
 *  [0 sign] [commit LSN, 47 bits] [index of the change in its transaction, 16 bits]
 * </pre>
 * pgoutput sends transactions in commit order, but the LSNs of their changes interleave, so the
 * order comes from the commit LSN, with the change's index in its transaction breaking ties.
 * 47 bits of LSN cover 128 TiB of WAL. An index beyond 65,535 saturates at 65,535 (equal
 * versions, last by arrival wins, as above).
 *
 * <p>Snapshot reads carry the position of their chunk's low watermark.
 */
public final class SourcePosition {
    /** Bits of the offset inside a binlog file. */
    static final int MYSQL_OFFSET_BITS = 32;
    /** Largest binlog file number that fits. */
    public static final long MYSQL_MAX_FILE_NUMBER = (1L << (63 - MYSQL_OFFSET_BITS)) - 1;
    static final long MYSQL_MAX_OFFSET = (1L << MYSQL_OFFSET_BITS) - 1;

    static final int POSTGRES_INDEX_BITS = 16;
    /** Largest LSN that fits. */
    public static final long POSTGRES_MAX_LSN = (1L << (63 - POSTGRES_INDEX_BITS)) - 1;
    static final long POSTGRES_MAX_INDEX = (1L << POSTGRES_INDEX_BITS) - 1;

    private SourcePosition() {
    }

    /**
     * The position of one row of a binlog rows event.
     *
     * @param fileNumber     the numeric suffix of the binlog file ({@code mysql-bin.000042} is 42)
     * @param eventStart     byte offset of the event's first byte in the file
     * @param nextEventStart byte offset of the next event (the event header's {@code next_position})
     * @param rowIndex       index of the row inside the event, from 0
     */
    public static long mysql(long fileNumber, long eventStart, long nextEventStart, long rowIndex) {
        if (fileNumber < 0 || fileNumber > MYSQL_MAX_FILE_NUMBER) {
            throw new IllegalArgumentException("binlog file number " + fileNumber + " is outside 0.." + MYSQL_MAX_FILE_NUMBER);
        }
        if (eventStart < 0 || eventStart > MYSQL_MAX_OFFSET) {
            throw new IllegalArgumentException("binlog event position " + eventStart + " is outside 0.." + MYSQL_MAX_OFFSET);
        }
        if (rowIndex < 0) {
            throw new IllegalArgumentException("row index " + rowIndex + " is negative");
        }
        long lastOffsetOfEvent = Math.max(eventStart, Math.min(nextEventStart - 1, MYSQL_MAX_OFFSET));
        long offset = Math.min(eventStart + rowIndex, lastOffsetOfEvent);
        return (fileNumber << MYSQL_OFFSET_BITS) | offset;
    }

    /** The binlog file number of a MySQL position. */
    public static long mysqlFileNumber(long position) {
        return position >>> MYSQL_OFFSET_BITS;
    }

    /** The offset inside the binlog file of a MySQL position (event start plus row index). */
    public static long mysqlOffset(long position) {
        return position & MYSQL_MAX_OFFSET;
    }

    /**
     * The numeric suffix of a binlog file name: {@code mysql-bin.000042} gives 42.
     *
     * @throws IllegalArgumentException when the name has no numeric extension
     */
    public static long binlogFileNumber(String binlogFileName) {
        int dot = binlogFileName.lastIndexOf('.');
        String suffix = dot < 0 ? "" : binlogFileName.substring(dot + 1);
        if (suffix.isEmpty() || !suffix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("binlog file name '" + binlogFileName
                    + "' does not end in a numeric extension such as .000042");
        }
        return Long.parseLong(suffix);
    }

    /**
     * The position of one change of a PostgreSQL transaction.
     *
     * @param commitLsn          the LSN of the transaction's commit record
     * @param indexInTransaction index of the change in its transaction, from 0
     */
    public static long postgres(long commitLsn, long indexInTransaction) {
        if (commitLsn < 0 || commitLsn > POSTGRES_MAX_LSN) {
            throw new IllegalArgumentException("commit LSN " + Long.toUnsignedString(commitLsn) + " is outside 0.." + POSTGRES_MAX_LSN);
        }
        if (indexInTransaction < 0) {
            throw new IllegalArgumentException("change index " + indexInTransaction + " is negative");
        }
        return (commitLsn << POSTGRES_INDEX_BITS) | Math.min(indexInTransaction, POSTGRES_MAX_INDEX);
    }

    /** The commit LSN of a PostgreSQL position. */
    public static long postgresCommitLsn(long position) {
        return position >>> POSTGRES_INDEX_BITS;
    }

    /** The index in its transaction of a PostgreSQL position (saturated at 65,535). */
    public static long postgresIndex(long position) {
        return position & POSTGRES_MAX_INDEX;
    }
}
