package dev.cdc.core.snapshot;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Progress of one connector's snapshot: per table rows done against the estimated total, rows per
 * second over a sliding window ({@value #DEFAULT_RATE_WINDOW_SECONDS} s by default), and the ETA.
 * Fed by the snapshot reader, read by {@link SnapshotLog}, {@link SnapshotMetrics} and the CLI.
 * Thread-safe; times come from the injected clock.
 */
public final class SnapshotProgress {
    public static final long DEFAULT_RATE_WINDOW_SECONDS = 30;

    private final Clock clock;
    private final long rateWindowMillis;
    private final Map<String, TableState> tables = new LinkedHashMap<>();
    private RateWindow overallRate;
    private long totalRows;
    private long startedMillis = -1;
    private long endedMillis = -1;
    private boolean running;
    private boolean completed;
    private boolean aborted;
    private String currentTable;

    public SnapshotProgress(Clock clock) {
        this(clock, Duration.ofSeconds(DEFAULT_RATE_WINDOW_SECONDS));
    }

    public SnapshotProgress(Clock clock, Duration rateWindow) {
        this.clock = requireNonNull(clock, "clock is null");
        this.rateWindowMillis = requireNonNull(rateWindow, "rateWindow is null").toMillis();
        this.overallRate = new RateWindow(rateWindowMillis, clock.millis());
    }

    public Clock clock() {
        return clock;
    }

    /** The snapshot starts, of these tables with their estimated row counts (0 = unknown), in order. */
    public synchronized void snapshotStarted(Map<String, Long> estimatedRowsByTable) {
        requireNonNull(estimatedRowsByTable, "estimatedRowsByTable is null");
        long now = clock.millis();
        tables.clear();
        estimatedRowsByTable.forEach((table, estimate) -> tables.put(table, new TableState(estimate, rateWindowMillis, now)));
        overallRate = new RateWindow(rateWindowMillis, now);
        totalRows = 0;
        startedMillis = now;
        endedMillis = -1;
        running = true;
        completed = false;
        aborted = false;
        currentTable = null;
    }

    /** A table's snapshot starts (its rate window starts now). */
    public synchronized void tableStarted(String table) {
        TableState state = state(table);
        state.rate = new RateWindow(rateWindowMillis, clock.millis());
        currentTable = table;
    }

    /** A better estimate of a table's rows. */
    public synchronized void estimate(String table, long estimatedRows) {
        state(table).estimatedRows = estimatedRows;
    }

    /** {@code rows} more rows of {@code table} were emitted. */
    public synchronized void rowsScanned(String table, long rows) {
        TableState state = state(table);
        long now = clock.millis();
        state.rowsDone += rows;
        state.rate.record(now, state.rowsDone);
        totalRows += rows;
        overallRate.record(now, totalRows);
    }

    public synchronized void tableCompleted(String table) {
        state(table).completed = true;
    }

    public synchronized void snapshotCompleted() {
        end(true);
    }

    public synchronized void snapshotAborted() {
        end(false);
    }

    /** The progress of a table. */
    public synchronized TableProgress table(String table) {
        TableState state = state(table);
        return new TableProgress(table, state.rowsDone, state.estimatedRows,
                state.completed ? 0 : state.rate.rowsPerSecond(clock.millis(), state.rowsDone), state.completed);
    }

    /** The table most recently started. */
    public synchronized Optional<String> currentTable() {
        return Optional.ofNullable(currentTable);
    }

    public synchronized List<TableProgress> tables() {
        return tables.keySet().stream().map(this::table).toList();
    }

    public synchronized int totalTableCount() {
        return tables.size();
    }

    public synchronized int remainingTableCount() {
        return (int) tables.values().stream().filter(state -> !state.completed).count();
    }

    public synchronized Map<String, Long> rowsScanned() {
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach((table, state) -> rows.put(table, state.rowsDone));
        return Collections.unmodifiableMap(rows);
    }

    /** Rows per second of the whole snapshot over the rate window; 0 when not running. */
    public synchronized double rowsPerSecond() {
        return running ? overallRate.rowsPerSecond(clock.millis(), totalRows) : 0;
    }

    /** Seconds left for all tables at the current rate; empty when unknown. */
    public synchronized OptionalLong etaSeconds() {
        if (!running) {
            return completed ? OptionalLong.of(0) : OptionalLong.empty();
        }
        double rate = rowsPerSecond();
        boolean unknownEstimate = tables.values().stream().anyMatch(state -> !state.completed && state.estimatedRows <= 0);
        if (rate <= 0 || unknownEstimate) {
            return OptionalLong.empty();
        }
        long remaining = tables.values().stream().filter(state -> !state.completed)
                .mapToLong(state -> Math.max(0, state.estimatedRows - state.rowsDone)).sum();
        return OptionalLong.of((long) Math.ceil(remaining / rate));
    }

    public synchronized boolean running() {
        return running;
    }

    public synchronized boolean completed() {
        return completed;
    }

    public synchronized boolean aborted() {
        return aborted;
    }

    /** Seconds since the snapshot started (until it ended); 0 before. */
    public synchronized long durationSeconds() {
        if (startedMillis < 0) {
            return 0;
        }
        return ((endedMillis < 0 ? clock.millis() : endedMillis) - startedMillis) / 1000;
    }

    private void end(boolean success) {
        running = false;
        completed = success;
        aborted = !success;
        endedMillis = clock.millis();
    }

    private TableState state(String table) {
        requireNonNull(table, "table is null");
        TableState state = tables.get(table);
        if (state == null) {
            throw new IllegalArgumentException("table " + table + " is not part of the snapshot of " + tables.keySet());
        }
        return state;
    }

    private static final class TableState {
        private long estimatedRows;
        private long rowsDone;
        private boolean completed;
        private RateWindow rate;

        private TableState(long estimatedRows, long rateWindowMillis, long nowMillis) {
            this.estimatedRows = estimatedRows;
            this.rate = new RateWindow(rateWindowMillis, nowMillis);
        }
    }
}
