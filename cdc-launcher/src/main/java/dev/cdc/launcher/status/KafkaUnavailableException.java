package dev.cdc.launcher.status;

/** Kafka did not answer, or refused, a request of {@code bin/cdc status}; the message says which. */
final class KafkaUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
