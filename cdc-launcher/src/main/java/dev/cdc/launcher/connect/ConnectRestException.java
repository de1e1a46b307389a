package dev.cdc.launcher.connect;

import java.io.IOException;
import java.net.URI;

/** Kafka Connect answered a request with an error status; the message is Connect's own. */
public final class ConnectRestException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public ConnectRestException(String method, URI uri, int statusCode, String message) {
        super(method + " " + uri + " answered " + statusCode + ": " + oneLine(message));
        this.statusCode = statusCode;
    }

    /**
     * Connect's answer on one line: a rejected configuration's error list joined with "; ",
     * without the pointer to the validate endpoint.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        StringBuilder line = new StringBuilder();
        for (String part : message.split("\\R")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("You can also find the above list of errors")) {
                continue;
            }
            if (line.length() > 0) {
                line.append(line.charAt(line.length() - 1) == ':' ? " " : "; ");
            }
            line.append(trimmed);
        }
        return line.toString();
    }

    public int statusCode() {
        return statusCode;
    }
}
