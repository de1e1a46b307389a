package dev.cdc.source.mysql.server;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the connector needs from the server, checked at start. Each missing piece is one problem
 * with the exact SQL or configuration line that fixes it; pure logic over {@link ServerFacts}, so
 * every rule is unit-tested without a server.
 *
 * <ol>
 * <li>binary logging on ({@code log_bin}), which only a restart can change;</li>
 * <li>{@code binlog_format=ROW}: statement-based logs carry no row images;</li>
 * <li>{@code binlog_row_image=FULL}: before and after images with every column;</li>
 * <li>{@code binlog_row_metadata=FULL}: column names, signedness, charsets, ENUM/SET values in the
 *     table maps, so rows decode without a live schema (a warning on servers too old to have it);</li>
 * <li>a {@code server_id} other than 0 and other than the connector's own;</li>
 * <li>privileges: REPLICATION SLAVE, REPLICATION CLIENT (BINLOG MONITOR on MariaDB), SELECT.</li>
 * </ol>
 */
public final class ServerRequirements {
    /** The variables the checks read; {@link ServerInspector} fetches exactly these. */
    public static final List<String> VARIABLES = List.of("log_bin", "binlog_format", "binlog_row_image", "binlog_row_metadata",
            "server_id", "gtid_mode", "enforce_gtid_consistency", "gtid_binlog_pos", "gtid_current_pos", "gtid_executed",
            "binlog_checksum", "version", "version_comment");

    private ServerRequirements() {
    }

    /** Every problem of the server for a connector registering as replica {@code connectorServerId}. */
    public static List<ServerProblem> check(ServerFacts facts, long connectorServerId) {
        requireNonNull(facts, "facts is null");
        List<ServerProblem> problems = new ArrayList<>();
        checkBinlog(facts, problems);
        checkServerId(facts, connectorServerId, problems);
        checkGtids(facts, problems);
        checkPrivileges(facts, problems);
        return List.copyOf(problems);
    }

    private static void checkBinlog(ServerFacts facts, List<ServerProblem> problems) {
        if (!isOn(facts.variable("log_bin"))) {
            problems.add(ServerProblem.error("binary logging is off on " + facts.version() + " (log_bin=OFF)",
                    "add 'log_bin=mysql-bin' (and a server_id) under [mysqld] in the server's configuration and restart it;"
                            + " log_bin cannot be switched on at run time"));
            return;
        }
        requireValue(facts, "binlog_format", "ROW", "row images are needed, statement-based logs carry none", problems);
        requireValue(facts, "binlog_row_image", "FULL", "every column must be in the before and after images", problems);
        Optional<String> rowMetadata = facts.variable("binlog_row_metadata");
        if (rowMetadata.isEmpty()) {
            problems.add(ServerProblem.warning(facts.version() + " has no binlog_row_metadata (MariaDB 10.5+ and MySQL 8.0.1+"
                    + " have it): rows are decoded with the schema history only, and a lost history cannot be rebuilt from"
                    + " the binlog", "upgrade the server to get binlog_row_metadata=FULL"));
        } else {
            requireValue(facts, "binlog_row_metadata", "FULL", "the table maps must carry column names, signedness, charsets"
                    + " and ENUM/SET values so that rows decode with the schema of their position", problems);
        }
    }

    private static void requireValue(ServerFacts facts, String variable, String required, String reason, List<ServerProblem> problems) {
        String actual = facts.variable(variable).orElse("(not set)");
        if (!actual.equalsIgnoreCase(required)) {
            problems.add(ServerProblem.error(variable + " is " + actual + " on " + facts.version() + ", " + required
                    + " is required: " + reason, "SET GLOBAL " + variable + " = '" + required + "'; and add '" + variable + "="
                    + required + "' under [mysqld] in the server's configuration so that it survives a restart"
                    + " (sessions already open keep the old value until they reconnect)"));
        }
    }

    private static void checkServerId(ServerFacts facts, long connectorServerId, List<ServerProblem> problems) {
        String serverId = facts.variable("server_id").orElse("0");
        if (serverId.equals("0")) {
            problems.add(ServerProblem.error("server_id is 0 on " + facts.version() + ", and a server with server_id 0 refuses"
                    + " replicas", "add 'server_id=1' (any number not used by another server) under [mysqld] and restart,"
                    + " or SET GLOBAL server_id = 1;"));
        } else if (serverId.equals(Long.toString(connectorServerId))) {
            problems.add(ServerProblem.error("database.server.id " + connectorServerId + " is the server_id of the server itself;"
                    + " the server would drop the connector's binlog connection",
                    "set database.server.id to a number used by no server, replica or other connector, e.g. "
                            + (connectorServerId + 5400)));
        }
    }

    private static void checkGtids(ServerFacts facts, List<ServerProblem> problems) {
        if (facts.version().isMariaDb()) {
            return;
        }
        String mode = facts.variable("gtid_mode").orElse("OFF");
        if (mode.toUpperCase(java.util.Locale.ROOT).endsWith("PERMISSIVE")) {
            problems.add(ServerProblem.warning("gtid_mode is " + mode + ": the connector resumes by binlog file and position,"
                    + " which do not survive a fail-over to another server", "finish the GTID migration: SET GLOBAL gtid_mode = 'ON';"));
        }
    }

    private static void checkPrivileges(ServerFacts facts, List<ServerProblem> problems) {
        GrantedPrivileges granted = facts.privileges();
        String rolesNote = granted.roles().isEmpty() ? "" : " (privileges of roles " + granted.roles() + " were not examined)";
        if (!granted.hasGlobal("REPLICATION SLAVE", "REPLICATION REPLICA")) {
            problems.add(ServerProblem.error(facts.account() + " lacks REPLICATION SLAVE, needed to read the binlog" + rolesNote,
                    "GRANT REPLICATION SLAVE ON *.* TO " + facts.account() + ";"));
        }
        if (!granted.hasGlobal("REPLICATION CLIENT", "BINLOG MONITOR", "SUPER")) {
            String name = facts.version().isMariaDb() && facts.version().isAtLeast(10, 5, 2) ? "BINLOG MONITOR" : "REPLICATION CLIENT";
            problems.add(ServerProblem.error(facts.account() + " lacks " + name + ", needed to read the binlog position"
                    + " (SHOW MASTER STATUS, SHOW BINARY LOGS)" + rolesNote, "GRANT " + name + " ON *.* TO " + facts.account() + ";"));
        }
        if (!granted.hasGlobal("SELECT")) {
            if (granted.hasOnSomeDatabase("SELECT")) {
                problems.add(ServerProblem.warning(facts.account() + " has SELECT on some databases only: snapshots of tables"
                        + " outside them fail", "GRANT SELECT ON *.* TO " + facts.account() + "; or GRANT SELECT ON <db>.* for each"
                        + " captured database"));
            } else {
                problems.add(ServerProblem.error(facts.account() + " lacks SELECT, needed to snapshot tables and read their"
                        + " schemas" + rolesNote, "GRANT SELECT ON *.* TO " + facts.account() + "; (or on each captured database)"));
            }
        }
    }

    private static boolean isOn(Optional<String> value) {
        return value.map(v -> v.equalsIgnoreCase("ON") || v.equals("1")).orElse(false);
    }
}
