package dev.cdc.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The second path for integration tests, where a Docker engine exists: MySQL 8.4 with the same
 * binlog settings as the local stack, PostgreSQL 16 with logical WAL, Kafka and Elasticsearch
 * 8.19 in containers. The Connect worker is not containerised here: tests that need one take
 * {@code cdc.test.connect.url}. This path is not exercised by CI on machines without Docker.
 */
final class ContainerStack {
    private final Map<String, String> settings;

    private ContainerStack(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    static ContainerStack start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("cdc.test.stack=testcontainers needs a Docker engine and none answers here;"
                    + " run the tests against the local stack instead (bin/cdc stack up, and unset cdc.test.stack)");
        }
        Map<String, String> settings = new HashMap<>();
        startMySql(settings);
        startPostgres(settings);
        startKafka(settings);
        startElasticsearch(settings);
        return new ContainerStack(settings);
    }

    /** Settings of the containers, with explicit ones given first place. */
    Function<String, String> overriding(Function<String, String> explicit) {
        return key -> {
            String value = explicit.apply(key);
            return value != null ? value : settings.get(key);
        };
    }

    @SuppressWarnings("resource") // containers live as long as the test JVM; Ryuk removes them
    private static void startMySql(Map<String, String> settings) {
        MySQLContainer<?> mysql = new MySQLContainer<>(DockerImageName.parse("mysql:8.4"))
                .withUsername("cdc_admin").withPassword("cdc_admin")
                .withCommand("--server-id=1", "--log-bin=mysql-bin", "--binlog-format=ROW",
                        "--binlog-row-image=FULL", "--binlog-row-metadata=FULL", "--gtid-mode=ON",
                        "--enforce-gtid-consistency=ON");
        mysql.start();
        settings.put("cdc.test.mysql.host", mysql.getHost());
        settings.put("cdc.test.mysql.port", String.valueOf(mysql.getMappedPort(3306)));
        settings.put("cdc.test.mysql.user", "root");
        settings.put("cdc.test.mysql.password", "cdc_admin");
        settings.put("cdc.test.mysql.admin.user", "root");
        settings.put("cdc.test.mysql.admin.password", "cdc_admin");
    }

    @SuppressWarnings("resource")
    private static void startPostgres(Map<String, String> settings) {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:16"))
                .withDatabaseName("cdc").withUsername("cdc_admin").withPassword("cdc_admin")
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=20", "-c", "max_wal_senders=20");
        postgres.start();
        settings.put("cdc.test.postgres.host", postgres.getHost());
        settings.put("cdc.test.postgres.port", String.valueOf(postgres.getMappedPort(5432)));
        settings.put("cdc.test.postgres.user", "cdc_admin");
        settings.put("cdc.test.postgres.password", "cdc_admin");
    }

    @SuppressWarnings("resource")
    private static void startKafka(Map<String, String> settings) {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));
        kafka.start();
        settings.put("cdc.test.kafka.bootstrap", kafka.getBootstrapServers());
    }

    @SuppressWarnings("resource")
    private static void startElasticsearch(Map<String, String> settings) {
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
                DockerImageName.parse("docker.elastic.co/elasticsearch/elasticsearch:8.19.21"))
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        elasticsearch.start();
        settings.put("cdc.test.elasticsearch.url", "http://" + elasticsearch.getHttpHostAddress());
    }
}
