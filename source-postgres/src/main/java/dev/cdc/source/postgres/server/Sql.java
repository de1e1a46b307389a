package dev.cdc.source.postgres.server;

/** SQL text helpers. */
public final class Sql {
    private Sql() {
    }

    /** A double-quoted identifier, inner quotes doubled. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A single-quoted string literal, inner quotes doubled. */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
