package dev.cdc.source.postgres.config;

import java.util.Locale;

/**
 * Debezium's {@code plugin.name}. Only PostgreSQL's built-in {@code pgoutput} is supported: it needs
 * no server extension, and it is what the decoder of this connector reads.
 */
public enum LogicalDecodingPlugin {
    PGOUTPUT;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value, why it is refused and what to use
     */
    public static LogicalDecodingPlugin parse(String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("pgoutput")) {
            return PGOUTPUT;
        }
        String why = switch (normalized) {
            case "decoderbufs", "wal2json", "wal2json_streaming", "wal2json_rds", "wal2json_rds_streaming" ->
                    "'" + value + "' needs a server extension this connector does not read";
            default -> "'" + value + "' is not a logical decoding plugin this connector knows";
        };
        return failWith(why + "; only pgoutput (built into PostgreSQL 10+) is supported: set plugin.name=pgoutput");
    }

    private static LogicalDecodingPlugin failWith(String message) {
        throw new IllegalArgumentException(message);
    }
}
