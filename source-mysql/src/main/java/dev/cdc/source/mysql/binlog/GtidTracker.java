package dev.cdc.source.mysql.binlog;

import static java.util.Objects.requireNonNull;

import com.github.shyiko.mysql.binlog.GtidSet;
import dev.cdc.source.mysql.server.GtidFlavor;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The GTIDs of the transactions completed so far, in the server's flavour, as stored in offsets.
 * MariaDB: one {@code domain-server-seq} per replication domain, the last one seen (what
 * {@code gtid_slave_pos} holds). MySQL: the set of {@code uuid:interval} ranges. Not thread-safe.
 */
public abstract class GtidTracker {
    /** @param initial the stored set; empty or null for none */
    public static GtidTracker of(GtidFlavor flavor, String initial) {
        requireNonNull(flavor, "flavor is null");
        return switch (flavor) {
            case MARIADB -> new MariaDb(initial);
            case MYSQL -> new MySql(initial);
            case NONE -> new None();
        };
    }

    /** Records a completed transaction's GTID. */
    public abstract void add(String gtid);

    /** The set as text; empty when there is none. */
    @Override
    public abstract String toString();

    private static final class MariaDb extends GtidTracker {
        private final Map<Long, String> lastByDomain = new TreeMap<>();

        MariaDb(String initial) {
            if (initial != null && !initial.isBlank()) {
                for (String gtid : initial.split(",")) {
                    add(gtid.trim());
                }
            }
        }

        @Override
        public void add(String gtid) {
            String[] parts = gtid.split("-");
            if (parts.length != 3) {
                throw new IllegalArgumentException("'" + gtid + "' is not a MariaDB GTID (domain-server-sequence)");
            }
            lastByDomain.put(Long.parseLong(parts[0]), gtid);
        }

        @Override
        public String toString() {
            return lastByDomain.values().stream().collect(Collectors.joining(","));
        }
    }

    private static final class MySql extends GtidTracker {
        private final GtidSet set;

        MySql(String initial) {
            this.set = new GtidSet(initial == null ? "" : initial.trim());
        }

        @Override
        public void add(String gtid) {
            set.add(gtid);
        }

        @Override
        public String toString() {
            return set.toString();
        }
    }

    private static final class None extends GtidTracker {
        @Override
        public void add(String gtid) {
            // the server has no GTIDs
        }

        @Override
        public String toString() {
            return "";
        }
    }
}
