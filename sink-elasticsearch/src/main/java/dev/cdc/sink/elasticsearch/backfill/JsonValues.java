package dev.cdc.sink.elasticsearch.backfill;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;

/** Scalar JSON values to and from the plain Java values of a parsed {@code _meta} map. */
public final class JsonValues {
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private JsonValues() {
    }

    /** String, number, boolean or null as a JSON value; anything else as its text. */
    public static JsonValue of(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof BigDecimal decimal) {
            return JSON.createValue(decimal);
        }
        if (value instanceof Number number) {
            return JSON.createValue(new BigDecimal(number.toString()));
        }
        return JSON.createValue(value.toString());
    }

    /** A scalar JSON value as String, BigDecimal, Boolean or null. */
    public static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> null;
        };
    }
}
