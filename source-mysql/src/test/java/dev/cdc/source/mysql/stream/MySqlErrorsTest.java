package dev.cdc.source.mysql.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.network.ServerException;
import dev.cdc.core.errors.ErrorClassifier;
import dev.cdc.core.errors.ErrorKind;
import dev.cdc.source.mysql.snapshot.SnapshotFailedException;
import java.io.EOFException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class MySqlErrorsTest {
    private final ErrorClassifier classifier = MySqlErrors.classifier();

    @Test
    void lostConnectionsAreRetriableAnywhereInTheCauseChain() {
        assertThat(classifier.classify(new EOFException("closed"))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(classifier.classify(new ConnectException("reader", new SQLTransientConnectionException("gone"))))
                .isEqualTo(ErrorKind.RETRIABLE);
    }

    @Test
    void aPurgedPositionUndecodableRowsAndSnapshotFailuresAreFatal() {
        ServerException purged = new ServerException("Could not find first log file name in binary log index file", 1236, "HY000");
        assertThat(classifier.classify(new ConnectException("reader", purged))).isEqualTo(ErrorKind.FATAL);
        assertThat(classifier.classify(new DataException("cannot decode row 0"))).isEqualTo(ErrorKind.FATAL);
        assertThat(classifier.classify(new SnapshotFailedException("failed", new EOFException("closed")))).isEqualTo(ErrorKind.FATAL);
    }
}
