package dev.cdc.source.mysql.ddl;

/** A DDL statement the parser could not read, with the offset and what was expected there. */
public final class DdlParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DdlParseException(String sql, int offset, String problem) {
        super(problem + " at offset " + offset + " of: " + excerpt(sql, offset));
    }

    private static String excerpt(String sql, int offset) {
        int from = Math.max(0, offset - 40);
        int to = Math.min(sql.length(), offset + 40);
        return (from > 0 ? "..." : "") + sql.substring(from, offset) + " <<HERE>> " + sql.substring(offset, to) + (to < sql.length() ? "..." : "");
    }
}
