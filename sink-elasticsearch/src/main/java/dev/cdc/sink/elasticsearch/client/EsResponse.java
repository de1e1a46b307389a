package dev.cdc.sink.elasticsearch.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Status and body of one Elasticsearch response, whatever the status. */
public record EsResponse(int status, String body) {
    /** Parsson, instantiated directly: no service lookup through the worker's class loaders. */
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    public EsResponse {
        body = body == null ? "" : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON object. */
    public JsonObject json() {
        return parse(body);
    }

    /** Parses a JSON object. */
    public static JsonObject parse(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /**
     * The error of an error response as {@code type: reason}, e.g.
     * {@code resource_already_exists_exception: index [x_v1] already exists}; the raw body when it
     * has no {@code error} object.
     */
    public String errorDescription() {
        try {
            JsonValue error = json().get("error");
            if (error instanceof JsonObject object) {
                return describe(object);
            }
            if (error instanceof JsonString string) {
                return string.getString();
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw body
        }
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }

    /** The error type, e.g. {@code resource_already_exists_exception}, or empty. */
    public String errorType() {
        try {
            JsonValue error = json().get("error");
            return error instanceof JsonObject object ? object.getString("type", "") : "";
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    /** {@code type: reason}, with the first root cause or caused_by when it adds something. */
    public static String describe(JsonObject error) {
        String text = error.getString("type", "?") + ": " + error.getString("reason", "");
        JsonValue cause = error.get("caused_by");
        if (cause instanceof JsonObject causedBy) {
            text += " (caused by " + causedBy.getString("type", "?") + ": " + causedBy.getString("reason", "") + ")";
        }
        return text;
    }
}
