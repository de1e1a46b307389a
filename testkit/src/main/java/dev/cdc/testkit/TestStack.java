package dev.cdc.testkit;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place integration tests get their endpoints from.
 *
 * <p>By default these are the services of the local stack ({@code bin/cdc stack up}) on
 * 127.0.0.1. Each can be overridden by a system property or an environment variable (the
 * property name upper-cased with dots as underscores: {@code cdc.test.kafka.bootstrap} or
 * {@code CDC_TEST_KAFKA_BOOTSTRAP}). With {@code cdc.test.stack=testcontainers} the endpoints
 * come from containers instead, where a Docker engine exists ({@link ContainerStack}).
 */
public final class TestStack {
    private static volatile TestStack instance;

    private final Function<String, String> settings;

    TestStack(Function<String, String> settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The endpoints of this test run. */
    public static TestStack get() {
        TestStack stack = instance;
        if (stack == null) {
            synchronized (TestStack.class) {
                if (instance == null) {
                    instance = create(TestStack::fromSystem);
                }
                stack = instance;
            }
        }
        return stack;
    }

    static TestStack create(Function<String, String> settings) {
        String kind = new TestStack(settings).setting("cdc.test.stack", "local");
        return switch (kind) {
            case "local" -> new TestStack(settings);
            case "testcontainers" -> new TestStack(ContainerStack.start().overriding(settings));
            default -> throw new IllegalArgumentException("cdc.test.stack='" + kind + "' is not one of: local, testcontainers");
        };
    }

    private static String fromSystem(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value;
    }

    String setting(String key, String defaultValue) {
        String value = settings.apply(key);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /** Host and port of MySQL/MariaDB, e.g. {@code 127.0.0.1:3306}. */
    public String mysqlHost() {
        return setting("cdc.test.mysql.host", "127.0.0.1");
    }

    public int mysqlPort() {
        return Integer.parseInt(setting("cdc.test.mysql.port", "3306"));
    }

    /** The least-privileged user a MySQL source connector runs as (replication and SELECT). */
    public Credentials mysqlConnectorUser() {
        return new Credentials(setting("cdc.test.mysql.user", "cdc"), setting("cdc.test.mysql.password", "cdc"));
    }

    /** A user that may create databases and tables and run DML, for test set-up. */
    public Credentials mysqlAdminUser() {
        return new Credentials(setting("cdc.test.mysql.admin.user", "cdc_admin"), setting("cdc.test.mysql.admin.password", "cdc_admin"));
    }

    /** JDBC URL of MySQL/MariaDB, optionally with a database. */
    public String mysqlJdbcUrl(String database) {
        return "jdbc:mariadb://" + mysqlHost() + ":" + mysqlPort() + "/" + (database == null ? "" : database);
    }

    /** A new JDBC connection to MySQL/MariaDB as the admin user. */
    public Connection mysqlAdminConnection(String database) throws SQLException {
        Credentials admin = mysqlAdminUser();
        return DriverManager.getConnection(mysqlJdbcUrl(database), admin.user(), admin.password());
    }

    public String postgresHost() {
        return setting("cdc.test.postgres.host", "127.0.0.1");
    }

    public int postgresPort() {
        return Integer.parseInt(setting("cdc.test.postgres.port", "5432"));
    }

    /** The database the {@code cdc} role owns. */
    public String postgresDatabase() {
        return setting("cdc.test.postgres.database", "cdc");
    }

    /** A role with LOGIN and REPLICATION that owns {@link #postgresDatabase()}. */
    public Credentials postgresConnectorUser() {
        return new Credentials(setting("cdc.test.postgres.user", "cdc"), setting("cdc.test.postgres.password", "cdc"));
    }

    /** A superuser, for test set-up that needs one (event triggers, other databases). */
    public Credentials postgresAdminUser() {
        return new Credentials(setting("cdc.test.postgres.admin.user", "cdc_admin"), setting("cdc.test.postgres.admin.password", "cdc_admin"));
    }

    public String postgresJdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + (database == null ? postgresDatabase() : database);
    }

    /** A new JDBC connection to PostgreSQL as the admin user. */
    public Connection postgresAdminConnection(String database) throws SQLException {
        Credentials admin = postgresAdminUser();
        return DriverManager.getConnection(postgresJdbcUrl(database), admin.user(), admin.password());
    }

    /** Kafka {@code bootstrap.servers}. */
    public String kafkaBootstrapServers() {
        return setting("cdc.test.kafka.bootstrap", "127.0.0.1:9092");
    }

    /** Base URL of Elasticsearch, e.g. {@code http://127.0.0.1:9200}. */
    public String elasticsearchUrl() {
        return setting("cdc.test.elasticsearch.url", "http://127.0.0.1:9200");
    }

    /** Base URL of the Kafka Connect REST API, e.g. {@code http://127.0.0.1:8083}. */
    public String connectUrl() {
        return setting("cdc.test.connect.url", "http://127.0.0.1:8083");
    }

    /** Every setting in force, passwords masked, for failure messages. */
    public Map<String, String> describe() {
        return Map.of(
                "mysql", mysqlHost() + ":" + mysqlPort() + " as " + mysqlAdminUser(),
                "postgres", postgresHost() + ":" + postgresPort() + "/" + postgresDatabase() + " as " + postgresAdminUser(),
                "kafka", kafkaBootstrapServers(),
                "elasticsearch", elasticsearchUrl(),
                "connect", connectUrl());
    }
}
