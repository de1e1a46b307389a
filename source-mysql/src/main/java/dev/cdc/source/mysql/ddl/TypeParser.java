package dev.cdc.source.mysql.ddl;

import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a data type as MySQL and MariaDB write it in DDL, in {@code SHOW CREATE TABLE} and in
 * {@code information_schema.COLUMNS.COLUMN_TYPE}: synonyms resolved, {@code FLOAT(p)} by
 * precision, {@code CHARACTER SET binary} as the binary type, {@code ZEROFILL} as unsigned.
 */
public final class TypeParser {
    private TypeParser() {
    }

    /** A type, the collation written with it (null if none), and whether it was {@code SERIAL}. */
    record Parsed(MySqlType type, String collation, boolean serial) {
    }

    /**
     * Parses a complete type text such as {@code decimal(10,2) unsigned} or {@code enum('a','b')}.
     *
     * @throws DdlParseException when the text is not a type this connector knows
     */
    public static MySqlType parse(String typeText) {
        Cursor cursor = new Cursor(typeText);
        Parsed parsed = parse(cursor);
        if (!cursor.atEnd()) {
            throw cursor.error("unexpected " + cursor.peek() + " after the type");
        }
        return parsed.type();
    }

    static Parsed parse(Cursor cursor) {
        Token nameToken = cursor.peek();
        if (nameToken.kind() != Token.Kind.WORD) {
            throw cursor.error("expected a data type but found " + nameToken);
        }
        String name = typeName(cursor);
        MySqlDataType dataType = MySqlDataType.byName(name).orElseThrow(() -> new DdlParseException(cursor.sql(), nameToken.offset(),
                "data type '" + name + "' is not one this connector maps"));
        MySqlType type = MySqlType.of(dataType);
        if (name.equals("BOOL") || name.equals("BOOLEAN")) {
            type = type.withLength(1);
        } else if (name.equals("SERIAL")) {
            type = type.withUnsigned(true);
        }
        if (dataType == MySqlDataType.ENUM || dataType == MySqlDataType.SET) {
            type = type.withValues(values(cursor));
        } else if (cursor.peek().isSymbol("(")) {
            type = withArguments(cursor, type, name);
        } else {
            type = withDefaultSize(type);
        }
        Parsed parsed = attributes(cursor, type);
        return name.equals("SERIAL") ? new Parsed(parsed.type(), parsed.collation(), true) : parsed;
    }

    /** Multi-word type names, longest first, with the name they stand for. */
    private static final List<List<String>> MULTI_WORD = List.of(
            List.of("NATIONAL", "CHARACTER", "VARYING", "NVARCHAR"), List.of("NATIONAL", "CHAR", "VARYING", "NVARCHAR"),
            List.of("NATIONAL", "CHARACTER", "NCHAR"), List.of("NATIONAL", "CHAR", "NCHAR"), List.of("NATIONAL", "VARCHAR", "NVARCHAR"),
            List.of("NCHAR", "VARCHAR", "NVARCHAR"), List.of("NCHAR", "VARYING", "NVARCHAR"),
            List.of("CHARACTER", "VARYING", "VARCHAR"), List.of("CHAR", "VARYING", "VARCHAR"),
            List.of("DOUBLE", "PRECISION", "DOUBLE"), List.of("LONG", "VARCHAR", "LONG VARCHAR"),
            List.of("LONG", "VARBINARY", "LONG VARBINARY"));

    private static String typeName(Cursor cursor) {
        for (List<String> entry : MULTI_WORD) {
            List<String> words = entry.subList(0, entry.size() - 1);
            if (cursor.acceptWords(words.toArray(String[]::new))) {
                return entry.get(entry.size() - 1);
            }
        }
        return cursor.next().upper();
    }

    private static List<String> values(Cursor cursor) {
        List<String> values = new ArrayList<>();
        cursor.expectSymbol("(");
        do {
            Token value = cursor.next();
            if (value.kind() != Token.Kind.STRING) {
                throw cursor.error("expected a quoted ENUM/SET value but found " + value);
            }
            values.add(value.text());
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return values;
    }

    private static MySqlType withArguments(Cursor cursor, MySqlType type, String name) {
        cursor.expectSymbol("(");
        int first = number(cursor);
        Integer second = cursor.acceptSymbol(",") ? number(cursor) : null;
        cursor.expectSymbol(")");
        MySqlDataType dataType = type.dataType();
        return switch (dataType) {
            case DECIMAL -> type.withPrecisionAndScale(first, second == null ? 0 : second);
            case FLOAT -> {
                if (second != null) {
                    yield type.withPrecisionAndScale(first, second);
                }
                yield first > 24 ? MySqlType.of(MySqlDataType.DOUBLE) : type;
            }
            case DOUBLE -> second != null ? type.withPrecisionAndScale(first, second) : type;
            case TIME, DATETIME, TIMESTAMP -> type.withPrecision(first);
            case YEAR -> type;
            case TEXT, BLOB -> type; // TEXT(n) and BLOB(n) keep the base type
            default -> type.withLength(first);
        };
    }

    private static MySqlType withDefaultSize(MySqlType type) {
        return switch (type.dataType()) {
            case DECIMAL -> type.withPrecisionAndScale(10, 0);
            case CHAR, BINARY, BIT -> type.withLength(1);
            case TIME, DATETIME, TIMESTAMP -> type.withPrecision(0);
            default -> type;
        };
    }

    private static int number(Cursor cursor) {
        Token token = cursor.next();
        if (token.kind() != Token.Kind.NUMBER) {
            throw cursor.error("expected a number but found " + token);
        }
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw cursor.error("'" + token.text() + "' is not a whole number");
        }
    }

    private static Parsed attributes(Cursor cursor, MySqlType parsedType) {
        MySqlType type = parsedType;
        String collation = null;
        while (true) {
            if (cursor.acceptAnyWord("UNSIGNED", "ZEROFILL")) {
                type = type.withUnsigned(true);
            } else if (cursor.acceptAnyWord("SIGNED")) {
                type = type.withUnsigned(false);
            } else if (cursor.acceptWords("CHARACTER", "SET") || cursor.acceptAnyWord("CHARSET")) {
                type = withCharset(type, cursor.identifier("a character set name"));
            } else if (cursor.acceptWords("COLLATE")) {
                collation = cursor.identifier("a collation name").toLowerCase(Locale.ROOT);
            } else if (cursor.acceptAnyWord("ASCII")) {
                type = withCharset(type, "latin1");
            } else if (cursor.acceptAnyWord("UNICODE")) {
                type = withCharset(type, "ucs2");
            } else if (cursor.peek().isWord("BYTE") && type.dataType().isText()) {
                cursor.next();
                type = withCharset(type, "binary");
            } else if (cursor.peek().isWord("BINARY") && (type.dataType().isText())) {
                cursor.next(); // a binary collation of the column's charset: still text
            } else {
                return new Parsed(type, collation, false);
            }
        }
    }

    private static MySqlType withCharset(MySqlType type, String charset) {
        String lower = charset.toLowerCase(Locale.ROOT);
        if (lower.equals("binary") && type.dataType().isText()) {
            return MySqlType.of(type.dataType().binaryCounterpart()).withLength(type.length());
        }
        if (!type.dataType().isText() && type.dataType() != MySqlDataType.ENUM && type.dataType() != MySqlDataType.SET) {
            return type;
        }
        return type.withCharset(lower.equals("utf8") ? "utf8mb3" : lower);
    }
}
