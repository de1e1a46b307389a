package dev.cdc.launcher.pipeline;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A writer for the crash test: inserts, updates, deletes and multi-row transactions against one
 * table for at least a set time and until asked to stop, with one {@code ALTER TABLE ... ADD
 * COLUMN} halfway through the set time. Single writer, so
 * it knows which ids are live. Seeded: the same seed gives the same sequence of operations.
 */
final class MixedWorkload implements Runnable {
    static final String CREATE_TABLE = "CREATE TABLE items (id BIGINT PRIMARY KEY, grp INT NOT NULL,"
            + " name VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL, amount DECIMAL(12,2) NOT NULL, updated_at DATETIME(3) NOT NULL, doc JSON NULL)";

    private final Supplier<Connection> connections;
    private final Duration duration;
    private final SplittableRandom random;
    private final List<Long> live = new ArrayList<>();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong nextId = new AtomicLong(1);
    private boolean altered;
    private volatile Throwable failure;
    private volatile boolean stopRequested;

    MixedWorkload(Supplier<Connection> connections, Duration duration, long seed) {
        this.connections = connections;
        this.duration = duration;
        this.random = new SplittableRandom(seed);
    }

    long operations() {
        return operations.get();
    }

    long highestId() {
        return nextId.get() - 1;
    }

    Throwable failure() {
        return failure;
    }

    /** Ends the workload once its minimum duration has passed too. */
    void requestStop() {
        stopRequested = true;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        try (Connection connection = connections.get()) {
            while (System.nanoTime() < end || !stopRequested) {
                if (!altered && System.nanoTime() - started > duration.toNanos() / 2) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("ALTER TABLE items ADD COLUMN note VARCHAR(32) NULL");
                    }
                    altered = true;
                }
                step(connection);
                operations.incrementAndGet();
                Thread.sleep(4);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        }
    }

    private void step(Connection connection) throws SQLException {
        int dice = random.nextInt(100);
        if (dice < 45 || live.size() < 20) {
            insert(connection, 1 + (random.nextInt(4) == 0 ? random.nextInt(20) : 0));
        } else if (dice < 75) {
            update(connection, pickLive());
        } else if (dice < 90) {
            delete(connection, pickLive());
        } else {
            mixedTransaction(connection);
        }
    }

    private void insert(Connection connection, int rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(altered
                ? "INSERT INTO items (id, grp, name, amount, updated_at, doc, note) VALUES (?, ?, ?, ?, NOW(3), ?, ?)"
                : "INSERT INTO items (id, grp, name, amount, updated_at, doc) VALUES (?, ?, ?, ?, NOW(3), ?)")) {
            List<Long> added = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                long id = nextId.getAndIncrement();
                statement.setLong(1, id);
                statement.setInt(2, random.nextInt(10));
                statement.setString(3, "item " + id + (id % 7 == 0 ? " ☕" : ""));
                statement.setBigDecimal(4, BigDecimal.valueOf(random.nextLong(1, 10_000_000), 2));
                statement.setString(5, random.nextInt(5) == 0 ? null : "{\"v\": " + random.nextInt(1000) + ", \"tags\": [\"a\", \"b\"]}");
                if (altered) {
                    statement.setString(6, "n" + random.nextInt(1000));
                }
                statement.addBatch();
                added.add(id);
            }
            statement.executeBatch();
            connection.commit();
            live.addAll(added);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void update(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE items SET amount = ?, grp = grp + 1, updated_at = NOW(3)" + (altered ? ", note = 'u'" : "") + " WHERE id = ?")) {
            statement.setBigDecimal(1, BigDecimal.valueOf(random.nextLong(1, 10_000_000), 2));
            statement.setLong(2, id);
            statement.executeUpdate();
        }
    }

    private void delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM items WHERE id = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
        live.remove(id);
    }

    /** Several changes in one transaction, some to the same row. */
    private void mixedTransaction(Connection connection) throws SQLException {
        long updated = pickLive();
        long deleted = pickLive();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            long id = nextId.getAndIncrement();
            statement.executeUpdate("INSERT INTO items (id, grp, name, amount, updated_at) VALUES (" + id + ", 1, 'tx " + id + "', 1.00, NOW(3))");
            statement.executeUpdate("UPDATE items SET amount = amount + 1, updated_at = NOW(3) WHERE id = " + id);
            statement.executeUpdate("UPDATE items SET name = CONCAT(name, '+'), updated_at = NOW(3) WHERE id = " + updated);
            if (deleted != updated) {
                statement.executeUpdate("DELETE FROM items WHERE id = " + deleted);
            }
            connection.commit();
            live.add(id);
            if (deleted != updated) {
                live.remove(deleted);
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private long pickLive() {
        return live.get(random.nextInt(live.size()));
    }
}
