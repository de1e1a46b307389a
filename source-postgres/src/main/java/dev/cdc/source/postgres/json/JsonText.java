package dev.cdc.source.postgres.json;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader for the few JSON documents the connector reads itself: the DDL
 * messages of its event trigger and the {@code data} of signals. Values become {@code Map}
 * (insertion order), {@code List}, {@code String}, {@code Long} (integers), {@code Double},
 * {@code Boolean} or null. Stateless and thread-safe.
 */
public final class JsonText {
    private final String text;
    private int index;

    private JsonText(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException when the text is not one JSON value; the message gives the offset
     */
    public static Object parse(String text) {
        requireNonNull(text, "text is null");
        JsonText reader = new JsonText(text);
        Object value = reader.value();
        reader.whitespace();
        if (reader.index != text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    /**
     * A JSON object.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got: " + abbreviate(text));
        }
        return (Map<String, Object>) value;
    }

    private Object value() {
        whitespace();
        if (index >= text.length()) {
            throw error("unexpected end of text");
        }
        char c = text.charAt(index);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> object = new LinkedHashMap<>();
        index++;
        whitespace();
        if (peek() == '}') {
            index++;
            return object;
        }
        while (true) {
            whitespace();
            if (peek() != '"') {
                throw error("expected a field name");
            }
            String name = string();
            whitespace();
            expect(':');
            object.put(name, value());
            whitespace();
            if (peek() == ',') {
                index++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array() {
        List<Object> array = new ArrayList<>();
        index++;
        whitespace();
        if (peek() == ']') {
            index++;
            return array;
        }
        while (true) {
            array.add(value());
            whitespace();
            if (peek() == ',') {
                index++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() {
        index++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (index >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(index++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (index >= text.length()) {
                throw error("unterminated escape");
            }
            char escaped = text.charAt(index++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (index + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(index, index + 4), 16));
                    index += 4;
                }
                default -> throw error("unknown escape \\" + escaped);
            }
        }
    }

    private Object number() {
        int start = index;
        while (index < text.length() && "+-0123456789.eE".indexOf(text.charAt(index)) >= 0) {
            index++;
        }
        String number = text.substring(start, index);
        if (number.isEmpty()) {
            throw error("unexpected character '" + text.charAt(start) + "'");
        }
        try {
            return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw error("bad number " + number);
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, index)) {
            throw error("unexpected text");
        }
        index += word.length();
        return value;
    }

    private void whitespace() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
    }

    private char peek() {
        if (index >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(index);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        index++;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("invalid JSON at offset " + index + ": " + problem + " in " + abbreviate(text));
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
