package dev.cdc.launcher.verify;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Where verify finds the services, and how it reads: the local stack unless the environment says otherwise. */
public record VerifySettings(String mysqlJdbcUrl, String mysqlUser, String mysqlPassword, URI connectUri, URI elasticsearchUri,
                             String kafkaBootstrapServers, int chunkSize, Duration catchUpTimeout) {
    public VerifySettings {
        requireNonNull(mysqlJdbcUrl, "mysqlJdbcUrl is null");
        requireNonNull(connectUri, "connectUri is null");
        requireNonNull(elasticsearchUri, "elasticsearchUri is null");
        requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers is null");
        requireNonNull(catchUpTimeout, "catchUpTimeout is null");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("--chunk-size must be at least 1, was " + chunkSize);
        }
    }

    /** From CDC_* environment variables and the arguments {@code --chunk-size N} and {@code --timeout SECONDS}. */
    public static VerifySettings from(List<String> args) {
        int chunkSize = Integer.parseInt(option(args, "--chunk-size", "1000"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(option(args, "--timeout", "300")));
        return new VerifySettings(env("CDC_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/"),
                env("CDC_MYSQL_ADMIN_USER", "cdc_admin"), env("CDC_MYSQL_ADMIN_PASSWORD", "cdc_admin"),
                URI.create(env("CDC_CONNECT_URL", "http://127.0.0.1:8083")),
                URI.create(env("CDC_ELASTICSEARCH_URL", "http://127.0.0.1:9200")),
                env("CDC_KAFKA_BOOTSTRAP", "127.0.0.1:9092"), chunkSize, timeout);
    }

    private static String option(List<String> args, String name, String defaultValue) {
        int at = args.indexOf(name);
        if (at < 0) {
            return defaultValue;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(at + 1);
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
