package dev.cdc.source.mysql.binlog;

import static java.util.Objects.requireNonNull;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.network.ServerException;
import dev.cdc.core.thread.NamedThreadFactory;
import dev.cdc.source.mysql.config.ConnectionConfig;
import dev.cdc.source.mysql.server.GtidFlavor;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the binlog with mysql-binlog-connector-java on a thread named
 * {@code <connector>-binlog-reader}, from a stored offset: by GTID set when the offset has one and
 * the server has GTIDs (MariaDB {@code domain-server-seq}, MySQL {@code uuid:1-n}), else by file
 * and position. Every event goes to the {@link BinlogEventHandler}; a failure of the handler or of
 * the connection goes to {@code onFailure} (the task's queue), after which the reader stops.
 */
public final class BinlogReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogReader.class);
    /** ER_MASTER_FATAL_ERROR_READING_BINLOG: among others, the requested position or GTID was purged. */
    static final int FATAL_ERROR_READING_BINLOG = 1236;

    private final BinaryLogClient client;
    private final BinlogOffset start;
    private final Consumer<Throwable> onFailure;
    private final ConnectionConfig connection;
    private final String threadName;
    private volatile Thread thread;

    public BinlogReader(ConnectionConfig connection, String connectorName, BinlogOffset start, GtidFlavor gtidFlavor,
            BinlogEventHandler handler, Consumer<Throwable> onFailure) {
        this.connection = requireNonNull(connection, "connection is null");
        this.start = requireNonNull(start, "start is null");
        requireNonNull(handler, "handler is null");
        this.onFailure = requireNonNull(onFailure, "onFailure is null");
        this.threadName = requireNonNull(connectorName, "connectorName is null") + "-binlog-reader";
        this.client = new BinaryLogClient(connection.hostname(), connection.port(), connection.user(), connection.password());
        client.setServerId(connection.serverId());
        client.setConnectTimeout(connection.connectTimeout().toMillis());
        client.setKeepAlive(false);
        client.setEventDeserializer(BinlogDeserializers.create());
        NamedThreadFactory threads = new NamedThreadFactory(connectorName, "binlog-reader");
        client.setThreadFactory(runnable -> {
            Thread created = threads.newThread(() -> {
                // the library renames its threads "blc-host:port" after creating them; ours keep <connector>-<role>
                Thread.currentThread().setName(threadName);
                runnable.run();
            });
            thread = created;
            return created;
        });
        if (start.gtidSet().isPresent() && gtidFlavor != GtidFlavor.NONE) {
            client.setGtidSet(start.gtids());
        } else {
            client.setBinlogFilename(start.file());
            client.setBinlogPosition(start.position());
        }
        client.registerEventListener(event -> {
            try {
                handler.handle(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                disconnectQuietly();
            } catch (RuntimeException e) {
                fail(e);
            }
        });
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onCommunicationFailure(BinaryLogClient failed, Exception failure) {
                fail(classify(failure));
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient failed, Exception failure) {
                fail(new ConnectException("cannot deserialize a binlog event after " + handler.offset() + ": " + failure.getMessage(),
                        failure));
            }
        });
    }

    /**
     * Connects and starts reading on the reader thread.
     *
     * @throws ConnectException when the server cannot be reached within the connect timeout, or refuses
     */
    public void start() {
        try {
            client.connect(connection.connectTimeout().toMillis());
            LOG.info("Reading the binlog of {} from {}", connection.address(), start);
        } catch (IOException | TimeoutException e) {
            throw classify(e);
        }
    }

    private RuntimeException classify(Exception failure) {
        if (failure instanceof ServerException server && server.getErrorCode() == FATAL_ERROR_READING_BINLOG) {
            return new ConnectException("the server at " + connection.address() + " cannot send the binlog from " + start
                    + ": " + server.getMessage() + ". If that position was purged, the connector must snapshot again:"
                    + " set snapshot.mode=when_needed (or delete the connector's offsets)", failure);
        }
        if (failure instanceof ServerException server) {
            return new ConnectException("the server at " + connection.address() + " refused the binlog connection (error "
                    + server.getErrorCode() + ", SQLSTATE " + server.getSqlState() + "): " + server.getMessage(), failure);
        }
        return new RetriableException("binlog connection to " + connection.address() + " failed: " + failure.getMessage(), failure);
    }

    private void fail(Throwable failure) {
        onFailure.accept(failure);
        disconnectQuietly();
    }

    private void disconnectQuietly() {
        try {
            client.disconnect();
        } catch (IOException e) {
            LOG.debug("Disconnecting the binlog client of {} failed", connection.address(), e);
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Disconnects and interrupts the reader thread if it waits on a full queue. */
    @Override
    public void close() {
        disconnectQuietly();
        Thread reader = thread;
        if (reader != null && reader != Thread.currentThread()) {
            reader.interrupt();
        }
    }
}
