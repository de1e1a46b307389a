package dev.cdc.sink.elasticsearch.client;

import static java.util.Objects.requireNonNull;

/** Elasticsearch answered a request with an error status. */
public class ElasticsearchStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String errorType;

    public ElasticsearchStatusException(String action, EsResponse response) {
        super(requireNonNull(action, "action is null") + " failed with HTTP " + response.status() + ": " + response.errorDescription());
        this.status = response.status();
        this.errorType = response.errorType();
    }

    public int status() {
        return status;
    }

    /** The Elasticsearch error type, e.g. {@code mapper_parsing_exception}, or empty. */
    public String errorType() {
        return errorType;
    }
}
