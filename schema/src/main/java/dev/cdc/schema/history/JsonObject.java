package dev.cdc.schema.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed, checked access to a parsed JSON object; errors name the field's path. */
final class JsonObject {
    private final Map<?, ?> fields;
    private final String path;

    private JsonObject(Map<?, ?> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    static JsonObject of(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(path + " is not a JSON object");
        }
        return new JsonObject(map, path);
    }

    String requiredString(String name) {
        return required(name, String.class);
    }

    String optionalString(String name) {
        return optional(name, String.class);
    }

    long requiredLong(String name) {
        return required(name, Long.class);
    }

    boolean requiredBoolean(String name) {
        return required(name, Boolean.class);
    }

    boolean optionalBoolean(String name) {
        return Boolean.TRUE.equals(optional(name, Boolean.class));
    }

    JsonObject optionalObject(String name) {
        Object value = fields.get(name);
        return value == null ? null : of(value, path + "." + name);
    }

    List<String> requiredStrings(String name) {
        List<?> values = required(name, List.class);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof String string)) {
                throw new IllegalArgumentException(path + "." + name + "[" + i + "] is not a string");
            }
            strings.add(string);
        }
        return strings;
    }

    List<JsonObject> requiredObjects(String name) {
        List<?> values = required(name, List.class);
        List<JsonObject> objects = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            objects.add(of(values.get(i), path + "." + name + "[" + i + "]"));
        }
        return objects;
    }

    private <T> T required(String name, Class<T> type) {
        T value = optional(name, type);
        if (value == null) {
            throw new IllegalArgumentException(path + "." + name + " is missing");
        }
        return value;
    }

    private <T> T optional(String name, Class<T> type) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(path + "." + name + " is " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + " " + value + ", expected " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
        }
        return type.cast(value);
    }
}
