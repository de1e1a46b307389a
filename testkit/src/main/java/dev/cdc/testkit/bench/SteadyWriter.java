package dev.cdc.testkit.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/** Writes rows at a steady rate for the latency phase of the source benchmarks. */
public final class SteadyWriter {
    private SteadyWriter() {
    }

    /**
     * Inserts {@code rate} rows per second from key {@code firstKey} on, {@code rowsPerTransaction}
     * rows per statement at a fixed period, until {@code total} rows are written. Returns when done.
     *
     * @param insertSql the statement inserting keys {@code from} to {@code to}
     * @return the writer's elapsed nanoseconds
     */
    public static long run(Connection connection, long firstKey, long total, int rate, int rowsPerTransaction,
            BiFunction<Long, Long, String> insertSql) throws Exception {
        long periodNanos = 1_000_000_000L * rowsPerTransaction / rate;
        AtomicLong next = new AtomicLong(firstKey);
        long last = firstKey + total - 1;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-steady-writer");
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            Object done = new Object();
            scheduler.scheduleAtFixedRate(() -> {
                long from = next.get();
                if (from > last || failure.get() != null) {
                    synchronized (done) {
                        done.notifyAll();
                    }
                    throw new IllegalStateException("done");
                }
                long to = Math.min(last, from + rowsPerTransaction - 1);
                try {
                    statement.execute(insertSql.apply(from, to));
                    next.set(to + 1);
                } catch (SQLException e) {
                    failure.set(e);
                }
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            synchronized (done) {
                while (next.get() <= last && failure.get() == null) {
                    done.wait(1000);
                }
            }
            scheduler.shutdown();
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } finally {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("steady writer failed", failure.get());
        }
        return System.nanoTime() - started;
    }
}
