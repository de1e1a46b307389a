package dev.cdc.source.mysql.ddl;

import java.util.Locale;

/** One token of a SQL statement, with its offset in the statement for error messages. */
record Token(Kind kind, String text, int offset) {
    enum Kind {
        /** An unquoted word: keyword or identifier. */
        WORD,
        /** A back-quoted identifier, unescaped. */
        QUOTED_IDENTIFIER,
        /** A string literal, unescaped; {@code "..."} counts as a string, as in MySQL's default mode. */
        STRING,
        NUMBER,
        /** Punctuation and operators: {@code ( ) , ; . =} and others. */
        SYMBOL,
        END
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** A word or a back-quoted identifier: something that can name a table or column. */
    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return kind == Kind.END ? "end of statement" : "'" + text + "'";
    }
}
