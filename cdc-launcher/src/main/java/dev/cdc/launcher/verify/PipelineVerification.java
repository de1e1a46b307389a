package dev.cdc.launcher.verify;

import static java.util.Objects.requireNonNull;

import dev.cdc.launcher.connect.ConnectClient;
import dev.cdc.launcher.elasticsearch.ElasticsearchHttp;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The verification of one MySQL to Elasticsearch pipeline, as a library: wait for the catch-up
 * ({@link PipelineCatchUp}), then compare each captured table with its index
 * ({@link TableComparison}). Used by {@code bin/cdc verify} and by the crash test.
 */
public final class PipelineVerification {
    private final ConnectClient connect;
    private final ElasticsearchHttp elasticsearch;
    private final String kafkaBootstrapServers;
    private final Duration catchUpTimeout;
    private int chunkSize = 1_000;
    private Consumer<String> progress = line -> { };
    private Optional<String> lateReason = Optional.empty();

    public PipelineVerification(ConnectClient connect, ElasticsearchHttp elasticsearch, String kafkaBootstrapServers, Duration catchUpTimeout) {
        this.connect = requireNonNull(connect, "connect is null");
        this.elasticsearch = requireNonNull(elasticsearch, "elasticsearch is null");
        this.kafkaBootstrapServers = requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers is null");
        this.catchUpTimeout = requireNonNull(catchUpTimeout, "catchUpTimeout is null");
    }

    public PipelineVerification chunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
        return this;
    }

    /** Receives one line per step and per table, for people watching. */
    public PipelineVerification progress(Consumer<String> progress) {
        this.progress = requireNonNull(progress, "progress is null");
        return this;
    }

    /** Why the catch-up could not be confirmed in the last {@link #verify}, if it could not. */
    public Optional<String> lateReason() {
        return lateReason;
    }

    /**
     * Verifies the tables the source connector captures ({@code database.include.list},
     * {@code table.include.list}), or only those of {@code database} when it is not null.
     */
    public List<TableResult> verify(Connection mysql, String sourceConnector, String sinkConnector, String database)
            throws SQLException, IOException, InterruptedException {
        try (Statement statement = mysql.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
        }
        BinlogCoordinates target = PipelineCatchUp.masterPosition(mysql);
        progress.accept("Waiting for " + sourceConnector + " and " + sinkConnector + " to catch up with the source at " + target + " ...");
        try (Admin kafka = Admin.create(kafkaProperties())) {
            lateReason = new PipelineCatchUp(connect, kafka).await(target, sourceConnector, sinkConnector, catchUpTimeout);
        }
        progress.accept(lateReason.map(reason -> "  could not confirm the catch-up: " + reason + "; comparing anyway").orElse("  caught up"));

        Map<String, String> sourceConfig = connect.config(sourceConnector);
        List<TableResult> results = new ArrayList<>();
        for (TableInfo table : VerifyCommand.capturedTables(mysql, sourceConfig)) {
            if (database != null && !database.equals(table.database())) {
                continue;
            }
            String index = (table.database() + "." + table.table()).toLowerCase(Locale.ROOT);
            results.add(new TableComparison(mysql, elasticsearch, table, index, chunkSize, 5, Duration.ofSeconds(2)).run());
        }
        return results;
    }

    private Properties kafkaProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return properties;
    }
}
