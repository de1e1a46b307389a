package dev.cdc.source.mysql.stream;

import com.github.shyiko.mysql.binlog.network.ServerException;
import dev.cdc.core.errors.ErrorClassifier;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.DataException;

/**
 * The one place that decides which failures of this connector's threads are retriable (the task
 * restarts its reader from the last enqueued offset) and which stop the task.
 */
public final class MySqlErrors {
    /** The server cannot send the binlog from the requested position (purged, or never existed). */
    public static final int ER_MASTER_FATAL_ERROR_READING_BINLOG = 1236;

    private MySqlErrors() {
    }

    public static ErrorClassifier classifier() {
        return ErrorClassifier.builder()
                .fatalOn(dev.cdc.source.mysql.snapshot.SnapshotFailedException.class)
                .fatalWhen("binlog position not available on the server (error 1236)",
                        error -> error instanceof ServerException server && server.getErrorCode() == ER_MASTER_FATAL_ERROR_READING_BINLOG)
                .fatalOn(DataException.class)
                .retriableOn(SQLTransientException.class)
                .retriableOn(SQLRecoverableException.class)
                .retriableOn(SQLNonTransientConnectionException.class)
                .retriableOn(TimeoutException.class)
                .retriableOn(IOException.class)
                .build();
    }
}
