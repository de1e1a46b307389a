package dev.cdc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.cdc.schema.ColumnType.Kind;

/** Reads the text form written by {@link ColumnTypeFormat}: a small recursive-descent parser. */
final class ColumnTypeParser {
    private final String text;
    private int pos;

    private ColumnTypeParser(String text) {
        this.text = text;
    }

    static ColumnType parse(String text) {
        requireNonNull(text, "text is null");
        ColumnTypeParser parser = new ColumnTypeParser(text);
        ColumnType type = parser.type();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text");
        }
        return type;
    }

    private ColumnType type() {
        Kind kind = kind(word());
        ColumnType type = switch (kind) {
            case INT8, INT16, INT32, INT64 -> ColumnType.integer(kind, optionalWord("UNSIGNED"));
            case DECIMAL -> decimal();
            case CHAR -> ColumnType.fixedString(requiredSize());
            case BINARY -> ColumnType.binary(requiredSize());
            case BIT -> ColumnType.bit(requiredSize());
            case STRING -> peek('(') ? ColumnType.string(requiredSize()) : ColumnType.string();
            case VARBINARY -> peek('(') ? ColumnType.varbinary(requiredSize()) : ColumnType.varbinary();
            case TIME -> ColumnType.time(requiredSize());
            case TIME_TZ -> ColumnType.timeWithTimeZone(requiredSize());
            case TIMESTAMP -> ColumnType.timestamp(requiredSize());
            case TIMESTAMP_TZ -> ColumnType.timestampWithTimeZone(requiredSize());
            case ENUM -> ColumnType.enumOf(values());
            case SET -> ColumnType.setOf(values());
            case ARRAY -> array();
            case BOOLEAN -> ColumnType.booleanType();
            case FLOAT32 -> ColumnType.float32();
            case FLOAT64 -> ColumnType.float64();
            case DATE -> ColumnType.date();
            case YEAR -> ColumnType.year();
            case JSON -> ColumnType.json();
            case UUID -> ColumnType.uuid();
            case GEOMETRY -> ColumnType.geometry();
            case INTERVAL -> ColumnType.interval();
        };
        if (kind.isText() && optionalWord("CHARSET")) {
            type = type.withCharset(word());
        }
        return type;
    }

    private ColumnType decimal() {
        if (!peek('(')) {
            return ColumnType.variableScaleDecimal();
        }
        expect('(');
        skipSpaces();
        Integer precision = null;
        if (pos < text.length() && text.charAt(pos) == '*') {
            pos++;
        } else {
            precision = integer();
        }
        expect(',');
        int scale = integer();
        expect(')');
        return precision == null ? ColumnType.decimalWithUnknownPrecision(scale) : ColumnType.decimal(precision, scale);
    }

    private ColumnType array() {
        expect('<');
        ColumnType element = type();
        expect('>');
        return ColumnType.array(element);
    }

    private int requiredSize() {
        expect('(');
        int size = integer();
        expect(')');
        return size;
    }

    private List<String> values() {
        expect('(');
        List<String> values = new ArrayList<>();
        if (peek(')')) {
            expect(')');
            return values;
        }
        do {
            values.add(quoted());
        } while (optional(','));
        expect(')');
        return values;
    }

    private String quoted() {
        expect('\'');
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c != '\'') {
                value.append(c);
            } else if (pos < text.length() && text.charAt(pos) == '\'') {
                value.append('\'');
                pos++;
            } else {
                return value.toString();
            }
        }
        throw error("unclosed quoted value");
    }

    private Kind kind(String word) {
        try {
            return Kind.valueOf(word);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown column type '" + word + "' in '" + text + "'; known: "
                    + Arrays.toString(Kind.values()), e);
        }
    }

    private String word() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    private boolean optionalWord(String expected) {
        skipSpaces();
        int end = pos + expected.length();
        if (text.startsWith(expected, pos) && (end == text.length() || !isWordChar(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private int integer() {
        skipSpaces();
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        try {
            return Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected an integer");
        }
    }

    private boolean peek(char c) {
        skipSpaces();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean optional(char c) {
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!optional(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at index " + pos + " of column type '" + text + "'");
    }
}
