package dev.cdc.sink.jdbc.write;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.sink.jdbc.config.JdbcSinkConfig;
import dev.cdc.sink.jdbc.dialect.Dialect;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.sink.jdbc.record.ChangeDecoder;
import dev.cdc.sink.jdbc.record.SchemaChangeDecoder;
import dev.cdc.sink.jdbc.record.SinkChange;
import dev.cdc.sink.jdbc.table.TableBinding;
import dev.cdc.sink.jdbc.table.TableManager;
import dev.cdc.sink.jdbc.table.SchemaEventApplier;
import dev.cdc.sink.jdbc.table.TableTruncator;

/**
 * Applies the records of {@code put()} to the target, synchronously: when {@link #apply} returns,
 * every change is committed (or reported as errant), so Connect may commit the records' offsets.
 *
 * <p>Steps for each record: (1) decode it (a record that cannot be decoded goes to the
 * {@link ErrantRecords}); a schema-change event is no row: the held changes are written, then its
 * DDL runs ({@link SchemaEventApplier}); (2) make its table fit ({@link TableManager}; DDL first writes the changes
 * held so far); (3) hold the change; at {@code batch.size} changes, at a truncate and at the end
 * (4) write the held changes: reduce them to the last per key, write them in one transaction, commit.
 *
 * <p>Failures of step 4: transient ones (see {@link SqlErrors}) roll back and retry the whole
 * batch after an exponential backoff, reconnecting when the connection is gone, up to
 * {@code max.retries}; then the task fails. When the target rejects a row, the batch is rolled back
 * and written again change by change, unreduced and in order, each under a savepoint, so that
 * only the rejected records go to the errant-record reporter. Anything else stops the task with
 * the SQLSTATE and the first record of the batch. Used by the task thread only.
 */
public final class ChangeApplier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);

    private final JdbcSinkConfig config;
    private final Dialect dialect;
    private final ChangeDecoder decoder;
    private final TableManager tables;
    private final RowWriter writer;
    private final TableTruncator truncator;
    private final SchemaChangeDecoder schemaChanges;
    private final SchemaEventApplier schemaEvents;
    private final ErrantRecords errantRecords;
    private final ConnectionSupplier connections;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final List<PendingChange> pending = new ArrayList<>();
    private Connection connection;

    /** Opens connections; a seam for tests. */
    @FunctionalInterface
    public interface ConnectionSupplier {
        Connection open() throws SQLException;
    }

    public ChangeApplier(JdbcSinkConfig config, Dialect dialect, ChangeDecoder decoder, TableManager tables, RowWriter writer,
                         ErrantRecords errantRecords, ConnectionSupplier connections, Sleeper sleeper) {
        this.config = requireNonNull(config, "config is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.decoder = requireNonNull(decoder, "decoder is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.truncator = new TableTruncator(dialect, tables, config);
        this.schemaChanges = new SchemaChangeDecoder(config.table().nameFormat());
        this.schemaEvents = new SchemaEventApplier(dialect, tables, config);
        this.errantRecords = requireNonNull(errantRecords, "errantRecords is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.backoff = new Backoff(config.retry().backoffMillis(), config.retry().maxBackoffMillis());
    }

    /** Applies and commits every record, or throws. */
    public void apply(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            if (SchemaChangeDecoder.isSchemaChange(record)) {
                flush();
                applySchemaChange(record);
                continue;
            }
            Optional<SinkChange> change = decode(record);
            if (change.isEmpty()) {
                continue;
            }
            if (change.get().kind() == SinkChange.Kind.TRUNCATE) {
                flush();
                truncate(change.get());
                continue;
            }
            TableBinding binding = bind(change.get());
            if (binding != null) {
                pending.add(new PendingChange(change.get(), binding));
                if (pending.size() >= config.write().batchSize()) {
                    flush();
                }
            }
        }
        flush();
    }

    private Optional<SinkChange> decode(SinkRecord record) {
        try {
            return decoder.decode(record);
        } catch (DataException e) {
            errantRecords.rejected(record, e);
            return Optional.empty();
        }
    }

    private TableBinding bind(SinkChange change) {
        try {
            return tables.binding(connection(), change.shape(), this::flush);
        } catch (SQLException e) {
            rollbackQuietly();
            throw failure("making table " + change.table() + " fit the record at " + change.coordinates(), e);
        }
    }

    /** Writes the held changes in one transaction, with retries; see the class comment. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<PendingChange> batch = List.copyOf(pending);
        pending.clear();
        runWithRetries("writing " + batch.size() + " changes starting at " + batch.get(0).change().coordinates(), () -> write(batch));
    }

    private void write(List<PendingChange> batch) throws SQLException {
        Connection target = connection();
        try {
            writer.write(target, BatchReducer.reduce(batch));
        } catch (SQLException | RuntimeException e) {
            if (SqlErrors.classify(e) != SqlErrorKind.BAD_ROW) {
                throw e;
            }
            target.rollback();
            LOG.warn("The target rejected a row of a batch of {} ({}); writing the batch change by change", batch.size(),
                    SqlErrors.describe(e));
            writeOneByOne(target, batch);
        }
        target.commit();
    }

    private void writeOneByOne(Connection target, List<PendingChange> batch) throws SQLException {
        for (PendingChange change : batch) {
            Savepoint savepoint = target.setSavepoint();
            try {
                writer.write(target, List.of(change));
                target.releaseSavepoint(savepoint);
            } catch (SQLException | RuntimeException e) {
                if (SqlErrors.classify(e) != SqlErrorKind.BAD_ROW) {
                    throw e;
                }
                target.rollback(savepoint);
                errantRecords.rejected(change.change().record(), e);
            }
        }
    }

    private void truncate(SinkChange change) {
        runWithRetries("truncating " + change.table() + " for the record at " + change.coordinates(), () -> {
            Connection target = connection();
            truncator.truncate(target, tables.resolve(target, change.table()), change.position());
            target.commit();
        });
    }

    /** A schema-change event: no row; its DDL runs after the changes held before it. */
    private void applySchemaChange(SinkRecord record) {
        SchemaChangeEvent event;
        try {
            event = schemaChanges.decode(record);
        } catch (DataException e) {
            errantRecords.rejected(record, e);
            return;
        }
        String where = "topic " + record.originalTopic() + " partition " + record.originalKafkaPartition() + " offset "
                + record.originalKafkaOffset();
        runWithRetries("applying the schema-change event " + event + " at " + where,
                () -> schemaEvents.apply(connection(), event, table -> schemaChanges.target(record, event, table)));
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void runWithRetries(String what, SqlWork work) {
        for (int attempt = 0; ; attempt++) {
            try {
                work.run();
                return;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                if (e instanceof ConnectException connect && !(e instanceof DataException)) {
                    throw connect;
                }
                if (SqlErrors.classify(e) != SqlErrorKind.TRANSIENT || attempt >= config.retry().maxRetries()) {
                    throw new ConnectException(message(what + (attempt == 0 ? "" : " (gave up after " + attempt + " retries)"), e), e);
                }
                long delay = backoff.delayMillis(attempt);
                LOG.warn("Transient failure {} ({}); retry {} of {} in {} ms", what, SqlErrors.describe(e), attempt + 1,
                        config.retry().maxRetries(), delay);
                discardBrokenConnection();
                tables.forget();
                sleep(delay);
            }
        }
    }

    /** Transient failures outside the retried batches become Connect retries: the worker hands the records in again. */
    private ConnectException failure(String what, Throwable e) {
        String message = message(what, e);
        return SqlErrors.classify(e) == SqlErrorKind.TRANSIENT ? new RetriableException(message, e) : new ConnectException(message, e);
    }

    private String message(String what, Throwable e) {
        return "Failed " + what + " on " + dialect.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                + config.connection().endpoint() + " as " + config.connection().username() + ": " + SqlErrors.describe(e);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connections.open();
        }
        return connection;
    }

    private void discardBrokenConnection() {
        if (connection == null) {
            return;
        }
        boolean valid;
        try {
            valid = connection.isValid(5);
        } catch (SQLException e) {
            valid = false;
        }
        if (!valid) {
            closeQuietly();
        }
    }

    private void rollbackQuietly() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback failed: {}", e.getMessage());
        }
    }

    private void sleep(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting to retry", e);
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the connection failed: {}", e.getMessage());
        }
        connection = null;
    }

    @Override
    public void close() {
        pending.clear();
        if (connection != null) {
            closeQuietly();
        }
    }
}
