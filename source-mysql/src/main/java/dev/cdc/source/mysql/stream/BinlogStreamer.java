package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.network.ServerException;
import dev.cdc.core.thread.NamedThreadFactory;
import dev.cdc.source.mysql.binlog.BinlogDeserializers;
import dev.cdc.source.mysql.config.ConnectionConfig;
import dev.cdc.source.mysql.config.DecodingFailureMode;
import dev.cdc.source.mysql.offset.StreamOffset;
import dev.cdc.source.mysql.server.GtidFlavor;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link BinaryLogClient} on its own thread, {@code <connector>-binlog-reader}, from a
 * stored offset: by its GTID set when it has one in the server's flavour (MariaDB
 * {@code domain-server-seq}, MySQL {@code uuid:n-m}), else by its file and position. Every failure (connection lost, event not decodable, the
 * dispatcher's own errors) goes to {@code failure}, which hands it to the queue; a disconnect the
 * task did not ask for is a failure too. The client's own keep-alive reconnection is off: the
 * task restarts the reader from the last enqueued offset instead, so that the dispatcher's view of
 * the transaction in progress is always rebuilt from a transaction start.
 */
public final class BinlogStreamer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogStreamer.class);

    private final BinaryLogClient client;
    private final Thread thread;
    private final StreamOffset start;
    private final Consumer<Throwable> failure;
    private volatile boolean stopping;

    public BinlogStreamer(String connectorName, ConnectionConfig connection, StreamOffset start, GtidFlavor gtidFlavor,
            BinlogEventDispatcher dispatcher, DecodingFailureMode failureMode, Duration serverHeartbeat, Consumer<Throwable> failure) {
        requireNonNull(connection, "connection is null");
        requireNonNull(dispatcher, "dispatcher is null");
        this.start = requireNonNull(start, "start is null");
        this.failure = requireNonNull(failure, "failure is null");
        this.client = new BinaryLogClient(connection.server().hostname(), connection.server().port(), connection.server().user(),
                connection.server().password());
        client.setServerId(connection.serverId());
        client.setKeepAlive(false);
        client.setConnectTimeout(connection.server().connectTimeout().toMillis());
        client.setHeartbeatInterval(serverHeartbeat.toMillis());
        client.setEventDeserializer(BinlogDeserializers.create());
        client.setBinlogFilename(start.file());
        client.setBinlogPosition(start.pos());
        if (resumeByGtids(start, gtidFlavor)) {
            client.setGtidSet(start.gtids());
            client.setUseBinlogFilenamePositionInGtidMode(false);
        }
        client.setThreadFactory(new NamedThreadFactory(connectorName, "binlog-keepalive"));
        client.registerEventListener(dispatcher);
        client.registerLifecycleListener(new Lifecycle(failureMode));
        this.thread = new NamedThreadFactory(connectorName, "binlog-reader").newThread(this::run);
    }

    /**
     * Whether to resume by GTID set: when the offset has one in the server's own flavour. The server
     * then sends the first transaction not in the set, which is the transaction at the offset's
     * {@code file}/{@code pos} (the set holds every transaction completed before it), so the skip
     * counts apply as with file and position; and a GTID set still means the same transactions on
     * another server of the replication topology.
     */
    static boolean resumeByGtids(StreamOffset start, GtidFlavor serverFlavor) {
        return start.gtids() != null && serverFlavor != GtidFlavor.NONE && GtidFlavor.ofGtidSet(start.gtids()) == serverFlavor;
    }

    /** Connects on the reader thread and reads until {@link #close()} or a failure. */
    public void start() {
        LOG.info("Step 2: streaming the binlog from {}, resuming by {}", start, client.getGtidSet() != null ? "GTID set" : "file and position");
        thread.start();
    }

    private void run() {
        try {
            client.connect();
            if (!stopping) {
                failure.accept(new IOException("the binlog connection closed at " + client.getBinlogFilename() + ":"
                        + client.getBinlogPosition() + " without being asked to"));
            }
        } catch (IOException | RuntimeException e) {
            if (!stopping) {
                failure.accept(describe(e));
            }
        }
    }

    private Throwable describe(Exception e) {
        if (e instanceof ServerException server && server.getErrorCode() == 1236) {
            return new ConnectException("the server cannot send the binlog from " + start + ": " + server.getMessage()
                    + ". The position was probably purged (see SHOW BINARY LOGS); set snapshot.mode=when_needed to snapshot again,"
                    + " or delete the connector's offsets", e);
        }
        return e;
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        stopping = true;
        try {
            client.disconnect();
        } catch (IOException e) {
            LOG.warn("Closing the binlog connection failed: {}", e.getMessage());
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Lifecycle implements BinaryLogClient.LifecycleListener {
        private final DecodingFailureMode failureMode;

        Lifecycle(DecodingFailureMode failureMode) {
            this.failureMode = failureMode;
        }

        @Override
        public void onConnect(BinaryLogClient binaryLogClient) {
            LOG.info("Step 2: connected to the binlog as server id {}", binaryLogClient.getServerId());
        }

        @Override
        public void onCommunicationFailure(BinaryLogClient binaryLogClient, Exception ex) {
            if (!stopping) {
                failure.accept(describe(ex));
                disconnectQuietly();
            }
        }

        @Override
        public void onEventDeserializationFailure(BinaryLogClient binaryLogClient, Exception ex) {
            String message = "cannot decode the binlog event after " + binaryLogClient.getBinlogFilename() + ":"
                    + binaryLogClient.getBinlogPosition() + ": " + ex.getMessage();
            switch (failureMode) {
                case FAIL -> {
                    failure.accept(new ConnectException(message
                            + " (set event.deserialization.failure.handling.mode=warn or skip to go on)", ex));
                    disconnectQuietly();
                }
                case WARN -> LOG.warn("{}; skipped as event.deserialization.failure.handling.mode=warn", message);
                case SKIP -> LOG.debug("{}; skipped", message);
            }
        }

        @Override
        public void onDisconnect(BinaryLogClient binaryLogClient) {
            LOG.info("Disconnected from the binlog at {}:{}", binaryLogClient.getBinlogFilename(), binaryLogClient.getBinlogPosition());
        }
    }

    private void disconnectQuietly() {
        stopping = true;
        new Thread(() -> {
            try {
                client.disconnect();
            } catch (IOException e) {
                LOG.debug("disconnect after a failure: {}", e.getMessage());
            }
        }, thread.getName() + "-closer").start();
    }
}
