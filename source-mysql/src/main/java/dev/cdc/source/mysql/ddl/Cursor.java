package dev.cdc.source.mysql.ddl;

import java.util.List;

/** A position in the tokens of one statement, with the small vocabulary the parsers are written in. */
final class Cursor {
    private final String sql;
    private final List<Token> tokens;
    private int index;

    Cursor(String sql) {
        this.sql = sql;
        this.tokens = SqlLexer.tokenize(sql);
    }

    String sql() {
        return sql;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.END || peek().isSymbol(";");
    }

    /** Consumes the words if they come next, all of them. */
    boolean acceptWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).isWord(words[i])) {
                return false;
            }
        }
        index += words.length;
        return true;
    }

    /** Consumes one of the words if it comes next. */
    boolean acceptAnyWord(String... words) {
        for (String word : words) {
            if (peek().isWord(word)) {
                index++;
                return true;
            }
        }
        return false;
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    void expectWord(String word) {
        if (!acceptWords(word)) {
            throw error("expected " + word + " but found " + peek());
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error("expected '" + symbol + "' but found " + peek());
        }
    }

    /** An identifier: a word or a back-quoted name. */
    String identifier(String what) {
        Token token = peek();
        if (token.isIdentifier() || token.kind() == Token.Kind.NUMBER) {
            index++;
            return token.text();
        }
        throw error("expected " + what + " but found " + token);
    }

    /** {@code name} or {@code db.name}. */
    TableName tableName() {
        String first = identifier("a table name");
        if (acceptSymbol(".")) {
            return new TableName(first, identifier("a table name after '" + first + ".'"));
        }
        return new TableName(null, first);
    }

    /** Skips a parenthesised group, the opening parenthesis being next. */
    void skipParenthesised() {
        expectSymbol("(");
        int depth = 1;
        while (depth > 0) {
            Token token = next();
            if (token.kind() == Token.Kind.END) {
                throw error("unbalanced parentheses");
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
        }
    }

    /** The source text of a parenthesised group, parentheses included; the opening one is next. */
    String parenthesisedText() {
        int start = peek().offset();
        skipParenthesised();
        return sql.substring(start, tokens.get(index - 1).offset() + 1);
    }

    /** Skips tokens up to (not including) a top-level comma or closing parenthesis, or the end. */
    void skipToSeparator() {
        while (!atEnd() && !peek().isSymbol(",") && !peek().isSymbol(")")) {
            if (peek().isSymbol("(")) {
                skipParenthesised();
            } else {
                next();
            }
        }
    }

    /** Source text between two token indexes. */
    String textFrom(int startOffset) {
        int end = index == 0 ? 0 : tokens.get(index - 1).offset() + length(tokens.get(index - 1));
        return sql.substring(startOffset, Math.max(startOffset, end)).trim();
    }

    private int length(Token token) {
        int offset = token.offset();
        return switch (token.kind()) {
            case STRING, QUOTED_IDENTIFIER -> closingQuote(offset) - offset + 1;
            default -> token.text().length();
        };
    }

    private int closingQuote(int offset) {
        char quote = sql.charAt(offset);
        int i = offset + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length() - 1;
    }

    DdlParseException error(String problem) {
        return new DdlParseException(sql, peek().offset(), problem);
    }
}
