package dev.cdc.source.mysql.stream;

import com.github.shyiko.mysql.binlog.GtidSet;
import dev.cdc.source.mysql.server.GtidFlavor;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The GTID set of the transactions completed so far, in the server's flavour: MariaDB keeps the
 * last GTID per replication domain ({@code 0-1-42,1-2-7}); MySQL keeps intervals per source UUID
 * ({@code uuid:1-42}); a server without GTIDs has none. Owned by the reader thread.
 */
public final class GtidTracker {
    private final GtidFlavor flavor;
    private final Map<Long, String> mariadbDomains = new TreeMap<>();
    private GtidSet mysqlSet;

    /** @param initial the set to start from; null or blank when unknown */
    public GtidTracker(GtidFlavor flavor, String initial) {
        this.flavor = java.util.Objects.requireNonNull(flavor, "flavor is null");
        if (initial != null && !initial.isBlank()) {
            switch (flavor) {
                case MARIADB -> {
                    for (String gtid : initial.split(",")) {
                        addMariaDb(gtid.trim());
                    }
                }
                case MYSQL -> mysqlSet = new GtidSet(initial);
                case NONE -> { }
            }
        } else if (flavor == GtidFlavor.MYSQL) {
            mysqlSet = new GtidSet("");
        }
    }

    /** A transaction with this GTID completed. */
    public void completed(String gtid) {
        if (gtid == null) {
            return;
        }
        switch (flavor) {
            case MARIADB -> addMariaDb(gtid);
            case MYSQL -> mysqlSet.add(gtid);
            case NONE -> { }
        }
    }

    private void addMariaDb(String gtid) {
        String[] parts = gtid.split("-");
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + gtid + "' is not a MariaDB GTID of the form domain-server-sequence");
        }
        mariadbDomains.put(Long.parseLong(parts[0]), gtid);
    }

    /** The set as text; null when the server has no GTIDs or none was seen. */
    public String current() {
        return switch (flavor) {
            case MARIADB -> mariadbDomains.isEmpty() ? null : mariadbDomains.values().stream().collect(Collectors.joining(","));
            case MYSQL -> {
                String text = mysqlSet.toString();
                yield text.isEmpty() ? null : text;
            }
            case NONE -> null;
        };
    }
}
