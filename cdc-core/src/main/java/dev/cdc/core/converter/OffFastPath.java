package dev.cdc.core.converter;

/**
 * Thrown by {@link PayloadReader} when a value is not in the shape Kafka's {@code JsonConverter}
 * writes (a number where a string belongs, a map with non-string keys, ...). The converter then
 * hands the whole record to {@code JsonConverter}, so odd input gets exactly its result or error.
 * No stack trace: it is control flow, not a failure.
 */
final class OffFastPath extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OffFastPath(String reason) {
        super(reason, null, false, false);
    }
}
