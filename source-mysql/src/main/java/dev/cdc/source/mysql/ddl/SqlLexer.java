package dev.cdc.source.mysql.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one MySQL/MariaDB statement into tokens. Comments ({@code -- }, {@code #},
 * {@code /* ... *&#47;}) are dropped, but executable comments ({@code /*! ... *&#47;},
 * {@code /*!50100 ... *&#47;}, MariaDB's {@code /*M! ... *&#47;} and {@code /*M!100100 ... *&#47;})
 * are read as code, as the server does. Back-quoted identifiers may contain doubled back quotes;
 * strings may use backslash escapes and doubled quotes; a charset introducer ({@code _utf8mb4'x'})
 * is dropped.
 */
final class SqlLexer {
    private final String sql;
    private int offset;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    static List<Token> tokenize(String sql) {
        return new SqlLexer(sql).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            Token token = next();
            tokens.add(token);
            if (token.kind() == Token.Kind.END) {
                return tokens;
            }
        }
    }

    private Token next() {
        skipSpaceAndComments();
        if (offset >= sql.length()) {
            return new Token(Token.Kind.END, "", sql.length());
        }
        int start = offset;
        char c = sql.charAt(offset);
        if (c == '`') {
            return new Token(Token.Kind.QUOTED_IDENTIFIER, quoted('`'), start);
        }
        if (c == '\'' || c == '"') {
            return new Token(Token.Kind.STRING, quoted(c), start);
        }
        if (Character.isDigit(c) || (c == '.' && offset + 1 < sql.length() && Character.isDigit(sql.charAt(offset + 1))
                && !previousIsIdentifierEnd())) {
            return new Token(Token.Kind.NUMBER, number(), start);
        }
        if ((c == 'b' || c == 'B' || c == 'x' || c == 'X') && offset + 1 < sql.length() && sql.charAt(offset + 1) == '\'') {
            offset++;
            String digits = quoted('\'');
            return new Token(Token.Kind.NUMBER, Character.toLowerCase(c) + "'" + digits + "'", start);
        }
        if ((c == 'n' || c == 'N') && offset + 1 < sql.length() && sql.charAt(offset + 1) == '\'') {
            offset++;
            return new Token(Token.Kind.STRING, quoted('\''), start);
        }
        if (isWordStart(c)) {
            String word = word();
            if (word.startsWith("_") && offset < sql.length() && sql.charAt(offset) == '\'') {
                return new Token(Token.Kind.STRING, quoted('\''), start); // charset introducer
            }
            return new Token(Token.Kind.WORD, word, start);
        }
        offset++;
        if (offset < sql.length()) {
            String two = sql.substring(start, offset + 1);
            if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=") || two.equals(":=") || two.equals("||")
                    || two.equals("&&")) {
                offset++;
                return new Token(Token.Kind.SYMBOL, two, start);
            }
        }
        return new Token(Token.Kind.SYMBOL, String.valueOf(c), start);
    }

    private boolean previousIsIdentifierEnd() {
        if (offset == 0) {
            return false;
        }
        char before = sql.charAt(offset - 1);
        return before == '`' || isWordPart(before);
    }

    private void skipSpaceAndComments() {
        while (offset < sql.length()) {
            char c = sql.charAt(offset);
            if (Character.isWhitespace(c)) {
                offset++;
            } else if (c == '#' || (c == '-' && sql.startsWith("--", offset)
                    && (offset + 2 == sql.length() || Character.isWhitespace(sql.charAt(offset + 2))))) {
                int end = sql.indexOf('\n', offset);
                offset = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*!", offset) || sql.startsWith("/*M!", offset)) {
                offset += sql.startsWith("/*M!", offset) ? 4 : 3;
                while (offset < sql.length() && Character.isDigit(sql.charAt(offset))) {
                    offset++; // version number: the server runs the content when it is recent enough
                }
            } else if (sql.startsWith("/*", offset)) {
                int end = sql.indexOf("*/", offset + 2);
                offset = end < 0 ? sql.length() : end + 2;
            } else if (sql.startsWith("*/", offset)) {
                offset += 2; // end of an executable comment
            } else {
                return;
            }
        }
    }

    private String quoted(char quote) {
        StringBuilder text = new StringBuilder();
        offset++;
        while (offset < sql.length()) {
            char c = sql.charAt(offset++);
            if (c == quote) {
                if (offset < sql.length() && sql.charAt(offset) == quote) {
                    text.append(quote);
                    offset++;
                } else {
                    return text.toString();
                }
            } else if (c == '\\' && quote != '`' && offset < sql.length()) {
                char escaped = sql.charAt(offset++);
                text.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    case 'Z' -> (char) 26;
                    default -> escaped;
                });
            } else {
                text.append(c);
            }
        }
        throw new DdlParseException(sql, sql.length(), "unterminated " + quote + "-quoted text");
    }

    private String number() {
        int start = offset;
        while (offset < sql.length() && (Character.isLetterOrDigit(sql.charAt(offset)) || sql.charAt(offset) == '.')) {
            offset++;
        }
        return sql.substring(start, offset);
    }

    private String word() {
        int start = offset;
        while (offset < sql.length() && isWordPart(sql.charAt(offset))) {
            offset++;
        }
        return sql.substring(start, offset);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$' || c == '@' || c > 0x7f;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c > 0x7f;
    }
}
