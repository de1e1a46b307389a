package dev.cdc.source.postgres.replication;

/**
 * PostgreSQL log sequence numbers: 64-bit WAL byte positions written {@code 16/B374D848} (high
 * and low 32 bits in hexadecimal), as in {@code pg_current_wal_lsn()}.
 */
public final class Lsn {
    private Lsn() {
    }

    /** {@code 16/B374D848} of a position. */
    public static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFF_FFFFL).toUpperCase();
    }

    /**
     * The position of {@code 16/B374D848}.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static long parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not an LSN such as 16/B374D848");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            if (high > 0xFFFF_FFFFL || low > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("'" + text + "' is not an LSN: each half has at most 8 hex digits");
            }
            return (high << 32) | low;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an LSN such as 16/B374D848", e);
        }
    }
}
