package dev.cdc.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local MariaDB is configured for change data capture and the cdc user may read the binlog. */
class MariaDbStackIT {
    private final TestStack stack = TestStack.get();

    private Connection connectAsConnectorUser() throws Exception {
        Credentials user = stack.mysqlConnectorUser();
        return DriverManager.getConnection(stack.mysqlJdbcUrl(null), user.user(), user.password());
    }

    @Test
    void binlogIsRowBasedWithFullImagesAndMetadata() throws Exception {
        try (Connection connection = connectAsConnectorUser(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT @@log_bin, @@binlog_format, @@binlog_row_image, @@binlog_row_metadata, @@server_id, @@gtid_binlog_pos")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("ROW");
            assertThat(rs.getString(3)).isEqualTo("FULL");
            assertThat(rs.getString(4)).isEqualTo("FULL");
            assertThat(rs.getLong(5)).isPositive();
        }
    }

    @Test
    void connectorUserHasTheReplicationPrivileges() throws Exception {
        List<String> grants = new ArrayList<>();
        try (Connection connection = connectAsConnectorUser(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                grants.add(rs.getString(1));
            }
        }
        assertThat(String.join("\n", grants))
                .contains("REPLICATION SLAVE")
                .contains("BINLOG MONITOR")
                .contains("SELECT")
                .contains("RELOAD");
    }

    @Test
    void connectorUserCanReadTheBinlogPosition() throws Exception {
        try (Connection connection = connectAsConnectorUser(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW MASTER STATUS")) {
            assertThat(rs.next()).as("SHOW MASTER STATUS returns the current binlog file").isTrue();
            assertThat(rs.getString("File")).matches(".*\\.\\d+");
        }
    }
}
