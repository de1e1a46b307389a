package dev.cdc.source.mysql.signal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON of a signal's {@code data} column (RFC 8259), so that the connector needs no JSON
 * library: objects become {@code Map<String, Object>}, arrays {@code List<Object>}, numbers
 * {@code BigDecimal}, plus {@code String}, {@code Boolean} and {@code null}. Errors name the
 * character index and what was expected.
 */
final class SignalJson {
    private static final int MAX_DEPTH = 32;

    private final String text;
    private int index;

    private SignalJson(String text) {
        this.text = text;
    }

    /**
     * The JSON object in {@code text}.
     *
     * @throws IllegalArgumentException when the text is not exactly one JSON object
     */
    static Map<String, Object> parseObject(String text) {
        SignalJson reader = new SignalJson(text == null ? "" : text);
        reader.skipBlanks();
        if (reader.peek() != '{') {
            throw reader.error("a JSON object starting with '{'");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) reader.value(0);
        reader.skipBlanks();
        if (reader.index < reader.text.length()) {
            throw reader.error("the end of the text");
        }
        return object;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " nested objects and arrays");
        }
        skipBlanks();
        char next = peek();
        return switch (next) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (next == '-' || (next >= '0' && next <= '9')) {
                    yield number();
                }
                throw error("a JSON value");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        index++;
        Map<String, Object> object = new LinkedHashMap<>();
        skipBlanks();
        if (peek() == '}') {
            index++;
            return object;
        }
        while (true) {
            skipBlanks();
            if (peek() != '"') {
                throw error("a quoted member name");
            }
            String name = string();
            skipBlanks();
            expect(':');
            object.put(name, value(depth + 1));
            skipBlanks();
            if (peek() == ',') {
                index++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array(int depth) {
        index++;
        List<Object> array = new ArrayList<>();
        skipBlanks();
        if (peek() == ']') {
            index++;
            return array;
        }
        while (true) {
            array.add(value(depth + 1));
            skipBlanks();
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
                throw error("the closing quote of a string");
            }
            char c = text.charAt(index++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("no control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = index < text.length() ? text.charAt(index++) : 0;
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw error("an escape \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
            }
        }
    }

    private char unicodeEscape() {
        if (index + 4 > text.length()) {
            throw error("four hex digits after \\u");
        }
        try {
            char value = (char) Integer.parseInt(text.substring(index, index + 4), 16);
            index += 4;
            return value;
        } catch (NumberFormatException e) {
            throw error("four hex digits after \\u");
        }
    }

    private BigDecimal number() {
        int start = index;
        while (index < text.length() && "+-0123456789.eE".indexOf(text.charAt(index)) >= 0) {
            index++;
        }
        try {
            return new BigDecimal(text.substring(start, index));
        } catch (NumberFormatException e) {
            index = start;
            throw error("a number");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, index)) {
            throw error("'" + word + "'");
        }
        index += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        index++;
    }

    private char peek() {
        return index < text.length() ? text.charAt(index) : 0;
    }

    private void skipBlanks() {
        while (index < text.length() && " \t\r\n".indexOf(text.charAt(index)) >= 0) {
            index++;
        }
    }

    private IllegalArgumentException error(String expected) {
        String found = index < text.length() ? "'" + text.charAt(index) + "'" : "the end";
        return new IllegalArgumentException("invalid JSON at index " + index + ": expected " + expected + ", found " + found);
    }
}
