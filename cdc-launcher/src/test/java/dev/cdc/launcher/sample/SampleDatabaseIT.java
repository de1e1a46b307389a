package dev.cdc.launcher.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The quickstart's sample database against the real MariaDB. */
class SampleDatabaseIT {
    private final TestStack stack = TestStack.get();
    private final String database = "sample_it_" + System.nanoTime();

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection connection = stack.mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private SampleDatabase sample(int orders) {
        Credentials admin = stack.mysqlAdminUser();
        return new SampleDatabase(database, stack.mysqlJdbcUrl(null), admin.user(), admin.password(), SampleSizes.forOrders(orders));
    }

    @Test
    void fillsEveryTableAndASecondRunChangesNothing() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        sample(1_000).run(new PrintStream(first, true, StandardCharsets.UTF_8));
        String checksumAfterFirst = checksum("orders");

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        sample(1_000).run(new PrintStream(second, true, StandardCharsets.UTF_8));

        assertThat(count("customers")).isEqualTo(100);
        assertThat(count("products")).isEqualTo(10);
        assertThat(count("orders")).isEqualTo(1_000);
        assertThat(first.toString(StandardCharsets.UTF_8)).contains(database + ".orders: 1,000 rows loaded");
        assertThat(second.toString(StandardCharsets.UTF_8)).contains(database + ".orders already holds 1,000 rows");
        assertThat(checksum("orders")).isEqualTo(checksumAfterFirst);
    }

    @Test
    void keepsFourByteCharactersDecimalsAndJson() throws Exception {
        sample(5_000).run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        try (Connection connection = stack.mysqlAdminConnection(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*), SUM(name LIKE '%🚀%' OR name LIKE '%🫖%' OR name LIKE '%🍱%'),"
                     + " SUM(price <> ROUND(price, 0)) FROM products")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(50);
            assertThat(rs.getInt(2)).as("products with a 4-byte emoji in the name").isPositive();
            assertThat(rs.getInt(3)).as("prices with cents").isPositive();
        }
        try (Connection connection = stack.mysqlAdminConnection(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM customers WHERE JSON_VALID(profile) AND JSON_EXISTS(profile, '$.newsletter')")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
        try (Connection connection = stack.mysqlAdminConnection(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT note FROM orders WHERE note LIKE 'gift wrap%' LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("gift wrap 🎁");
        }
    }

    private int count(String table) throws Exception {
        try (Connection connection = stack.mysqlAdminConnection(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String checksum(String table) throws Exception {
        try (Connection connection = stack.mysqlAdminConnection(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("CHECKSUM TABLE " + table)) {
            rs.next();
            return rs.getString(2);
        }
    }
}
