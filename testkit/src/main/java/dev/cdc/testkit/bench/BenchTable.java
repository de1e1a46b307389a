package dev.cdc.testkit.bench;

/**
 * The table a source benchmark writes: an {@code orders}-like table whose rows are made from their
 * key, with {@code created_at} (epoch milliseconds in the events) set by the database at insert.
 */
public interface BenchTable {
    /** The database's name, for the report. */
    String name();

    /** How rows are loaded, for the report ({@code INSERT ... SELECT from generate_series}). */
    String loadMethod();

    /** How {@code created_at} is set by the steady writer, for the report ({@code NOW(3)}). */
    String createdBy();

    /** Inserts keys {@code from} to {@code to}, {@code batch} rows per transaction. */
    void insert(long from, long to, int batch) throws Exception;

    /** Updates keys {@code from} to {@code to}, {@code batch} rows per transaction. */
    void update(long from, long to, int batch) throws Exception;

    /** Inserts {@code total} rows from {@code firstKey} at {@code rate} rows/s ({@link SteadyWriter}); returns the elapsed nanoseconds. */
    long steadyInsert(long firstKey, long total, int rate, int rowsPerTransaction) throws Exception;
}
