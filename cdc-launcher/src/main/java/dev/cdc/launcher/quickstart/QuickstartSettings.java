package dev.cdc.launcher.quickstart;

import static java.util.Objects.requireNonNull;

import dev.cdc.launcher.sample.SampleDatabase;
import dev.cdc.launcher.sample.SampleSizes;
import java.net.URI;

/** Where quickstart finds the services, from the environment with the local stack as default. */
public record QuickstartSettings(String database, String mysqlHost, int mysqlPort, String mysqlAdminUser, String mysqlAdminPassword,
                                 URI connectUri, URI elasticsearchUri, int orders) {
    public QuickstartSettings {
        requireNonNull(database, "database is null");
        requireNonNull(mysqlHost, "mysqlHost is null");
        requireNonNull(connectUri, "connectUri is null");
        requireNonNull(elasticsearchUri, "elasticsearchUri is null");
    }

    public static QuickstartSettings fromEnvironment() {
        return new QuickstartSettings(SampleDatabase.DEFAULT_DATABASE,
                env("CDC_MYSQL_HOST", "127.0.0.1"), Integer.parseInt(env("CDC_MYSQL_PORT", "3306")),
                env("CDC_MYSQL_ADMIN_USER", "cdc_admin"), env("CDC_MYSQL_ADMIN_PASSWORD", "cdc_admin"),
                URI.create(env("CDC_CONNECT_URL", "http://127.0.0.1:8083")),
                URI.create(env("CDC_ELASTICSEARCH_URL", "http://127.0.0.1:9200")),
                Integer.parseInt(env("CDC_SAMPLE_ORDERS", "100000")));
    }

    String mysqlJdbcUrl() {
        return "jdbc:mariadb://" + mysqlHost + ":" + mysqlPort + "/" + database;
    }

    SampleDatabase sampleDatabase() {
        return new SampleDatabase(database, "jdbc:mariadb://" + mysqlHost + ":" + mysqlPort + "/", mysqlAdminUser, mysqlAdminPassword,
                SampleSizes.forOrders(orders));
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
