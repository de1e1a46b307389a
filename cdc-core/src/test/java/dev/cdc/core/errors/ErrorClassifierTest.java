package dev.cdc.core.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {
    private final ErrorClassifier classifier = ErrorClassifier.builder()
            .fatalWhen("access denied", e -> e instanceof SQLException sql && "28000".equals(sql.getSQLState()))
            .retriableOn(IOException.class)
            .retriableWhen("SQLSTATE class 08 (connection)", e -> e instanceof SQLException sql
                    && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
            .build();

    @Test
    void aRetriableCauseDeepInTheChainMakesTheFailureRetriable() {
        Throwable failure = new IllegalStateException("reader stopped",
                new RuntimeException("wrapped", new ConnectException("Connection refused")));

        assertThat(classifier.classify(failure)).isEqualTo(ErrorKind.RETRIABLE);
    }

    @Test
    void theFirstMatchingRuleWinsSoAFatalCauseInsideARetriableOneIsFatal() {
        Throwable failure = new IOException("handshake failed", new SQLException("Access denied for user 'cdc'", "28000"));

        assertThat(classifier.classify(failure)).isEqualTo(ErrorKind.FATAL);
        assertThat(classifier.explain(failure)).isEqualTo("fatal by rule 'access denied'");
    }

    @Test
    void aFailureNoRuleMatchesIsFatal() {
        assertThat(classifier.classify(new IllegalArgumentException("unknown column type 255"))).isEqualTo(ErrorKind.FATAL);
        assertThat(classifier.explain(new IllegalArgumentException("x"))).isEqualTo("fatal (no rule matched)");
    }

    @Test
    void otherwiseChangesTheKindWhenNoRuleMatches() {
        ErrorClassifier lenient = ErrorClassifier.builder().otherwise(ErrorKind.RETRIABLE).build();

        assertThat(lenient.classify(new IllegalArgumentException("x"))).isEqualTo(ErrorKind.RETRIABLE);
    }

    @Test
    void predicatesSeeEveryLinkOfTheChain() {
        Throwable failure = new RuntimeException("outer", new SQLException("Communications link failure", "08S01"));

        assertThat(classifier.classify(failure)).isEqualTo(ErrorKind.RETRIABLE);
    }

    @Test
    void connectAndKafkaRetriableExceptionsAreRetriableByDefault() {
        ErrorClassifier defaults = ErrorClassifier.defaults();

        assertThat(defaults.classify(new RuntimeException(new RetriableException("try again")))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(defaults.classify(new org.apache.kafka.common.errors.TimeoutException("slow broker")))
                .isEqualTo(ErrorKind.RETRIABLE);
        assertThat(defaults.classify(new TimeoutException("java.util.concurrent one"))).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void aCycleInTheCauseChainEndsTheWalkInsteadOfLooping() {
        RuntimeException first = new RuntimeException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);

        assertThat(classifier.classify(first)).isEqualTo(ErrorKind.FATAL);
        assertThat(CauseChain.of(first)).containsExactly(first, second);
    }

    @Test
    void aCycleDoesNotHideARetriableCauseBehindIt() {
        RuntimeException outer = new RuntimeException("outer");
        RuntimeException middle = new RuntimeException("middle", new IOException("reset"));
        IllegalStateException loop = new IllegalStateException("loop", outer);
        outer.initCause(middle);
        middle.addSuppressed(loop);

        assertThat(classifier.classify(outer)).isEqualTo(ErrorKind.RETRIABLE);
    }

    @Test
    void toConnectExceptionKeepsContextAndTheWholeChainInTheMessage() {
        Throwable failure = new RuntimeException("reader stopped", new IOException("Connection reset by peer"));

        org.apache.kafka.connect.errors.ConnectException thrown =
                classifier.toConnectException("Reading binlog mysql-bin.000042:1234 of db1:3306", failure);

        assertThat(thrown).isInstanceOf(RetriableException.class)
                .hasMessage("Reading binlog mysql-bin.000042:1234 of db1:3306: RuntimeException: reader stopped; "
                        + "caused by IOException: Connection reset by peer")
                .hasCause(failure);
    }

    @Test
    void toConnectExceptionOfAFatalFailureIsNotRetriable() {
        org.apache.kafka.connect.errors.ConnectException thrown =
                classifier.toConnectException("Decoding", new IllegalArgumentException("bad"));

        assertThat(thrown).isNotInstanceOf(RetriableException.class).hasMessage("Decoding: IllegalArgumentException: bad");
    }
}
