package dev.cdc.sink.elasticsearch.bulk;

import dev.cdc.sink.elasticsearch.client.ElasticsearchErrors;

/** What one item of a {@code _bulk} response means for its records. */
public enum ItemOutcome {
    /** Written (200/201), or a delete of a document that is not there (404 without error). */
    ACKNOWLEDGED,
    /** A versioned write answered 409 {@code version_conflict_engine_exception}: a newer change is already there; not an error. */
    SUPERSEDED,
    /** 429 or 5xx: retried. */
    RETRY,
    /** Any other error: the document does not fit (mapping, parsing): an errant record. */
    REJECTED;

    /** The outcome of an item's status and error type. */
    public static ItemOutcome of(int status, String errorType, boolean versioned) {
        if (status >= 200 && status < 300) {
            return ACKNOWLEDGED;
        }
        if (status == 404 && (errorType == null || errorType.isEmpty())) {
            return ACKNOWLEDGED;
        }
        if (status == 409 && versioned && "version_conflict_engine_exception".equals(errorType)) {
            return SUPERSEDED;
        }
        return ElasticsearchErrors.isRetriableStatus(status) ? RETRY : REJECTED;
    }
}
