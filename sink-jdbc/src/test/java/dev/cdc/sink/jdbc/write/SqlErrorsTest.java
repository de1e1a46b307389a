package dev.cdc.sink.jdbc.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
    @ParameterizedTest(name = "SQLSTATE {0} code {1} is {2}")
    @CsvSource({
            "08006, 0, TRANSIENT",
            "08S01, 0, TRANSIENT",
            "40001, 1213, TRANSIENT",
            "40P01, 0, TRANSIENT",
            "53300, 0, TRANSIENT",
            "57P01, 0, TRANSIENT",
            "HY000, 1205, TRANSIENT",
            "HY000, 2013, TRANSIENT",
            "22001, 0, BAD_ROW",
            "23505, 0, BAD_ROW",
            "23000, 1062, BAD_ROW",
            "HY000, 1366, BAD_ROW",
            "HY000, 1292, BAD_ROW",
            "42501, 0, FATAL",
            "42P01, 0, FATAL",
            "42000, 1142, FATAL",
            "57014, 0, FATAL",
            "28000, 1045, FATAL",
    })
    void classifiesBySqlStateAndVendorCode(String state, int code, SqlErrorKind kind) {
        assertThat(SqlErrors.classify(new SQLException("x", state, code))).isEqualTo(kind);
    }

    @Test
    void looksThroughCauseAndNextExceptionChains() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "22001", 0, new int[0]);
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(SqlErrors.classify(new ConnectException("wrapped", batch))).isEqualTo(SqlErrorKind.TRANSIENT);

        SQLException tooLong = new SQLException("outer", (String) null);
        tooLong.setNextException(new SQLException("value too long", "22001"));
        assertThat(SqlErrors.classify(new RuntimeException(tooLong))).isEqualTo(SqlErrorKind.BAD_ROW);
    }

    @Test
    void transientJdbcExceptionsAndConversionFailures() {
        assertThat(SqlErrors.classify(new SQLTransientConnectionException("pool"))).isEqualTo(SqlErrorKind.TRANSIENT);
        assertThat(SqlErrors.classify(new DataException("bad value"))).isEqualTo(SqlErrorKind.BAD_ROW);
        assertThat(SqlErrors.classify(new IllegalStateException("bug"))).isEqualTo(SqlErrorKind.FATAL);
    }

    @Test
    void aCauseCycleEndsTheWalk() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(SqlErrors.classify(a)).isEqualTo(SqlErrorKind.FATAL);
    }

    @Test
    void theDescriptionCarriesTheSqlState() {
        assertThat(SqlErrors.describe(new ConnectException("write failed", new SQLException("value too long", "22001", 0))))
                .isEqualTo("SQLSTATE 22001, error code 0: ConnectException: write failed; caused by SQLException: value too long");
    }
}
