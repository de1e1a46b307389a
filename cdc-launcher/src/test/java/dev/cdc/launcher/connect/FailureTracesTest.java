package dev.cdc.launcher.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureTracesTest {

    @Test
    void innermostCauseWinsWithoutItsPackage() {
        String trace = """
                org.apache.kafka.connect.errors.ConnectException: could not start the task
                \tat dev.cdc.source.mysql.MySqlSourceTask.start(MySqlSourceTask.java:42)
                Caused by: java.sql.SQLException: wrapped
                \tat org.mariadb.jdbc.Driver.connect(Driver.java:1)
                Caused by: java.sql.SQLInvalidAuthorizationSpecException: Access denied for user 'cdc'@'localhost' (using password: YES)
                \tat org.mariadb.jdbc.Driver.connect(Driver.java:1)
                """;
        assertThat(FailureTraces.cause(trace))
                .isEqualTo("SQLInvalidAuthorizationSpecException: Access denied for user 'cdc'@'localhost' (using password: YES)");
    }

    @Test
    void traceWithoutCauseGivesItsFirstLine() {
        assertThat(FailureTraces.cause("org.apache.kafka.connect.errors.ConnectException: table inventory.nope does not exist\n\tat x.y(Z.java:1)"))
                .isEqualTo("ConnectException: table inventory.nope does not exist");
    }

    @Test
    void messageWithoutExceptionTypeIsKeptWhole() {
        assertThat(FailureTraces.cause("Tolerance exceeded in error handler: too many errors"))
                .isEqualTo("Tolerance exceeded in error handler: too many errors");
    }

    @Test
    void noTraceIsNoCause() {
        assertThat(FailureTraces.cause(null)).isNull();
        assertThat(FailureTraces.cause("  ")).isNull();
    }
}
