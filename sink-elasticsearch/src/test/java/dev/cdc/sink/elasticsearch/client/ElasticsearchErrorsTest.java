package dev.cdc.sink.elasticsearch.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.core.errors.ErrorKind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ElasticsearchErrorsTest {
    private static ElasticsearchStatusException status(int status) {
        return new ElasticsearchStatusException("request", new EsResponse(status, "{\"error\":{\"type\":\"t\",\"reason\":\"r\"}}"));
    }

    @Test
    void connectionLossTimeoutsOverloadAndServerErrorsAreRetriable() {
        assertThat(ElasticsearchErrors.CLASSIFIER.classify(new java.net.ConnectException("Connection refused"))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(ElasticsearchErrors.CLASSIFIER.classify(new SocketTimeoutException("30,000 milliseconds timeout"))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(ElasticsearchErrors.CLASSIFIER.classify(status(429))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(ElasticsearchErrors.CLASSIFIER.classify(status(502))).isEqualTo(ErrorKind.RETRIABLE);
    }

    @Test
    void clientErrorsAndTlsFailuresAreFatal() {
        assertThat(ElasticsearchErrors.CLASSIFIER.classify(status(400))).isEqualTo(ErrorKind.FATAL);
        assertThat(ElasticsearchErrors.CLASSIFIER.classify(status(401))).isEqualTo(ErrorKind.FATAL);
        assertThat(ElasticsearchErrors.CLASSIFIER.classify(new IOException("wrapped", new SSLHandshakeException("PKIX path")))).isEqualTo(ErrorKind.FATAL);
        assertThat(ElasticsearchErrors.CLASSIFIER.classify(new IllegalStateException("bug"))).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void causeChainsAreWalkedEvenWithCycles() {
        RuntimeException outer = new RuntimeException("outer");
        RuntimeException middle = new RuntimeException("middle", new SocketTimeoutException("read timed out"));
        outer.initCause(middle);
        assertThat(ElasticsearchErrors.CLASSIFIER.classify(outer)).isEqualTo(ErrorKind.RETRIABLE);
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(ElasticsearchErrors.CLASSIFIER.classify(a)).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void errorDescriptionHasTypeReasonAndCause() {
        EsResponse response = new EsResponse(400, "{\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"failed\","
                + "\"caused_by\":{\"type\":\"number_format_exception\",\"reason\":\"For input string\"}},\"status\":400}");
        assertThat(response.errorDescription())
                .isEqualTo("mapper_parsing_exception: failed (caused by number_format_exception: For input string)");
        assertThat(new EsResponse(404, "{\"error\":\"alias [x] missing\",\"status\":404}").errorDescription()).isEqualTo("alias [x] missing");
        assertThat(new EsResponse(502, "<html>Bad gateway</html>").errorDescription()).isEqualTo("<html>Bad gateway</html>");
    }
}
