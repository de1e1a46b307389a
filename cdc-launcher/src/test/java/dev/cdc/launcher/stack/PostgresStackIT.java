package dev.cdc.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The local PostgreSQL has logical WAL and a cdc role that may replicate and owns database cdc. */
class PostgresStackIT {
    private final TestStack stack = TestStack.get();

    @Test
    void walIsLogicalWithRoomForSlots() throws Exception {
        Credentials user = stack.postgresConnectorUser();
        try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl(null), user.user(), user.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT current_setting('wal_level'), current_setting('max_replication_slots')::int, current_setting('max_wal_senders')::int")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("logical");
            assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(10);
            assertThat(rs.getInt(3)).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void cdcRoleMayReplicateAndOwnsItsDatabase() throws Exception {
        Credentials user = stack.postgresConnectorUser();
        try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl(null), user.user(), user.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT r.rolcanlogin, r.rolreplication, pg_get_userbyid(d.datdba)"
                             + " FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getString(3)).isEqualTo(user.user());
        }
    }

    @Test
    void cdcRoleCanCreateALogicalReplicationSlot() throws Exception {
        Credentials user = stack.postgresConnectorUser();
        String slot = "stack_it_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl(null), user.user(), user.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT slot_name FROM pg_create_logical_replication_slot('" + slot + "', 'pgoutput')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(slot);
            } finally {
                statement.execute("SELECT pg_drop_replication_slot('" + slot + "')");
            }
        }
    }
}
