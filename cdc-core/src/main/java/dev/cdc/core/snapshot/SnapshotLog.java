package dev.cdc.core.snapshot;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot's log: numbered steps ({@code Snapshot step 3: reading shop.orders in chunks of
 * 10,000 rows}) and progress lines at most every {@code interval} (default 10 s):
 * {@code Snapshot step 3: table shop.orders 45,000/100,000 rows (45%), 12,300 rows/s, ETA 4s}.
 * Each method also returns the line, for tests and the CLI. Lines do not repeat the connector name:
 * Connect's log context ({@code [name|task-0]}) carries it. Thread-safe.
 */
public final class SnapshotLog {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLog.class);

    private final SnapshotProgress progress;
    private final long intervalMillis;
    private int step;
    private long lastProgressMillis;

    /**
     * @param progress the progress to report; its clock times the interval
     * @param interval the least time between two progress lines
     */
    public SnapshotLog(SnapshotProgress progress, Duration interval) {
        this.progress = requireNonNull(progress, "progress is null");
        this.intervalMillis = requireNonNull(interval, "interval is null").toMillis();
        this.lastProgressMillis = progress.clock().millis();
    }

    /** Logs the next numbered step and returns the line. */
    public synchronized String step(String description) {
        requireNonNull(description, "description is null");
        step++;
        String line = prefix() + description;
        LOG.info(line);
        return line;
    }

    /** The number of the current step; 0 before the first. */
    public synchronized int currentStep() {
        return step;
    }

    /** Logs the progress of a table when {@code interval} passed since the last progress line. */
    public synchronized Optional<String> progressIfDue(String table) {
        long now = progress.clock().millis();
        if (now - lastProgressMillis < intervalMillis) {
            return Optional.empty();
        }
        lastProgressMillis = now;
        String line = progressLine(table);
        LOG.info(line);
        return Optional.of(line);
    }

    /** The progress line of a table, without logging it. */
    public synchronized String progressLine(String table) {
        TableProgress state = progress.table(table);
        StringBuilder line = new StringBuilder(prefix()).append("table ").append(table).append(' ')
                .append(number(state.rowsDone())).append('/')
                .append(state.estimatedRows() > 0 ? number(state.estimatedRows()) : "?").append(" rows");
        state.percent().ifPresent(percent -> line.append(" (").append(percent).append("%)"));
        line.append(", ").append(number(Math.round(state.rowsPerSecond()))).append(" rows/s, ETA ")
                .append(duration(state.etaSeconds()));
        return line.toString();
    }

    /** {@code 4s}, {@code 2m05s}, {@code 1h02m}, or {@code unknown}. */
    static String duration(OptionalLong seconds) {
        if (seconds.isEmpty()) {
            return "unknown";
        }
        long s = seconds.getAsLong();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    private static String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    private String prefix() {
        return "Snapshot step " + step + ": ";
    }
}
