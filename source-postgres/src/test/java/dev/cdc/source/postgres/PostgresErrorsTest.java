package dev.cdc.source.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import dev.cdc.core.errors.ErrorKind;

class PostgresErrorsTest {
    private static ErrorKind classify(Throwable error) {
        return PostgresErrors.CLASSIFIER.classify(error);
    }

    @Test
    void connectionLossIsRetriable() {
        assertThat(classify(new SQLException("An I/O error occurred", "08006"))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(classify(new SQLException("terminating connection due to administrator command", "57P01"))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(classify(new SQLException("replication slot \"s\" is active for PID 42", "55006"))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(classify(new RuntimeException("reader", new SocketException("Connection reset")))).isEqualTo(ErrorKind.RETRIABLE);
    }

    @Test
    void refusedLoginIsFatalEvenInsideAnIoError() {
        SQLException refused = new SQLException("password authentication failed", "28P01");
        assertThat(classify(refused)).isEqualTo(ErrorKind.FATAL);
        assertThat(classify(new IOException("wrapped", refused))).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void missingSlotBadDataAndStartupChecksAreFatal() {
        assertThat(classify(new SQLException("replication slot \"s\" does not exist", "42704"))).isEqualTo(ErrorKind.FATAL);
        assertThat(classify(new DataException("cannot convert"))).isEqualTo(ErrorKind.FATAL);
        assertThat(classify(new ConnectException("PostgreSQL source cannot start: wal_level"))).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void causeChainLoopDoesNotHang() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);
        assertThat(classify(first)).isEqualTo(ErrorKind.FATAL);
    }
}
