package dev.cdc.launcher.connect;

import java.io.IOException;
import java.net.URI;

/** Kafka Connect answered a request with an error status; the message is Connect's own. */
public final class ConnectRestException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public ConnectRestException(String method, URI uri, int statusCode, String message) {
        super(method + " " + uri + " answered " + statusCode + ": " + message);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
