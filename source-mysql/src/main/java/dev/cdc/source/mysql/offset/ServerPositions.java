package dev.cdc.source.mysql.offset;

import static java.util.Objects.requireNonNull;

import dev.cdc.source.mysql.server.GtidFlavor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Binlog positions the server reports: its end ({@code SHOW MASTER STATUS}), its files, GTID sets. */
public final class ServerPositions {
    private final Connection connection;

    public ServerPositions(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /**
     * The end of the binlog now: where the next event will be written.
     *
     * @throws SQLException when binary logging is off (no row), naming the fix
     */
    public BinlogPosition end() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW MASTER STATUS")) {
            if (!rows.next()) {
                throw new SQLException("SHOW MASTER STATUS returned no row: binary logging is off; set log_bin in the server's configuration");
            }
            return new BinlogPosition(rows.getString(1), rows.getLong(2));
        }
    }

    /** The binlog files the server still has, oldest first. */
    public List<String> files() throws SQLException {
        List<String> files = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW BINARY LOGS")) {
            while (rows.next()) {
                files.add(rows.getString(1));
            }
        }
        return files;
    }

    /**
     * The GTID set of the transactions before {@code position}: exact on MariaDB
     * ({@code BINLOG_GTID_POS}); on MySQL {@code gtid_executed}, read just after the position
     * (a transaction committed in between would be counted; positions, not GTIDs, drive resuming).
     */
    public String gtidsAt(GtidFlavor flavor, BinlogPosition position) throws SQLException {
        return switch (flavor) {
            case MARIADB -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT BINLOG_GTID_POS(?, ?)")) {
                    statement.setString(1, position.file());
                    statement.setLong(2, position.position());
                    try (ResultSet rows = statement.executeQuery()) {
                        yield rows.next() ? rows.getString(1) : null;
                    }
                }
            }
            case MYSQL -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT @@GLOBAL.gtid_executed")) {
                    yield rows.next() ? rows.getString(1).replace("\n", "") : null;
                }
            }
            case NONE -> null;
        };
    }
}
