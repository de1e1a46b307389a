package dev.cdc.sink.elasticsearch.client;

import dev.cdc.core.errors.ErrorClassifier;
import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one place that decides which Elasticsearch failures are retried: connection loss and
 * timeouts (any {@link IOException} in the cause chain, except a failed TLS handshake), HTTP 429
 * (too many requests, e.g. a full write queue) and every 5xx. Everything else (400 bad request,
 * 401/403 security, 404 for a missing index) is fatal for the request.
 */
public final class ElasticsearchErrors {
    /** The classifier of whole-request failures. */
    public static final ErrorClassifier CLASSIFIER = ErrorClassifier.builder()
            .fatalOn(SSLHandshakeException.class)
            .retriableWhen("Elasticsearch HTTP 429 or 5xx",
                    t -> t instanceof ElasticsearchStatusException e && isRetriableStatus(e.status()))
            .retriableOn(IOException.class)
            .build();

    private ElasticsearchErrors() {
    }

    /** Whether an HTTP status, of a whole response or of one bulk item, is worth retrying. */
    public static boolean isRetriableStatus(int status) {
        return status == 429 || status >= 500;
    }
}
