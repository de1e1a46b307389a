package dev.cdc.source.mysql.server;

/**
 * How the server names transactions, which decides how a position is stored and resumed.
 * MariaDB always has GTIDs ({@code domain-server-seq}, e.g. {@code 0-1-609}); MySQL has them when
 * {@code gtid_mode=ON} ({@code uuid:1-n}); otherwise only binlog file and position identify a
 * place in the log.
 */
public enum GtidFlavor {
    /** {@code domain-server-seq}, comma-separated per domain: {@code 0-1-609,1-2-15}. */
    MARIADB,
    /** {@code source_uuid:interval[:interval]}, comma-separated: {@code 3e11fa47-...:1-5}. */
    MYSQL,
    /** No GTIDs: resume by binlog file name and position only. */
    NONE;

    /** The GTID flavour of a server, from its version and {@code gtid_mode} (null on MariaDB). */
    public static GtidFlavor of(ServerVersion version, String gtidMode) {
        if (version.isMariaDb()) {
            return MARIADB;
        }
        return "ON".equalsIgnoreCase(gtidMode) ? MYSQL : NONE;
    }

    /**
     * The flavour a stored GTID set is written in, by its form; NONE for an empty or unrecognised
     * set. MySQL sets contain a colon after a UUID; MariaDB sets are dash-separated number triples.
     */
    public static GtidFlavor ofGtidSet(String gtidSet) {
        if (gtidSet == null || gtidSet.isBlank()) {
            return NONE;
        }
        String first = gtidSet.split(",")[0].trim();
        if (first.matches("\\d+-\\d+-\\d+")) {
            return MARIADB;
        }
        if (first.matches("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}(:[A-Za-z0-9_]+)?(:\\d+(-\\d+)?)+")) {
            return MYSQL;
        }
        return NONE;
    }
}
