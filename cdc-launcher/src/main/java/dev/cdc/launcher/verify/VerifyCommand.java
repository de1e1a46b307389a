package dev.cdc.launcher.verify;

import static java.util.Objects.requireNonNull;

import dev.cdc.launcher.connect.ConnectClient;
import dev.cdc.launcher.elasticsearch.ElasticsearchHttp;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code bin/cdc verify}: compares every table a running MySQL to Elasticsearch pipeline
 * replicates with its index, after waiting for the pipeline to catch up with the source as it
 * was at the start. Exits 0 only when every table matches.
 */
public final class VerifyCommand {
    static final String MYSQL_SOURCE_CLASS = "dev.cdc.source.mysql.MySqlSourceConnector";
    static final String ELASTICSEARCH_SINK_CLASS = "dev.cdc.sink.elasticsearch.ElasticsearchSinkConnector";

    private final VerifySettings settings;
    private final PrintStream out;

    public VerifyCommand(VerifySettings settings, PrintStream out) {
        this.settings = requireNonNull(settings, "settings is null");
        this.out = requireNonNull(out, "out is null");
    }

    public int run() throws Exception {
        ConnectClient connect = new ConnectClient(settings.connectUri());
        String source = findConnector(connect, MYSQL_SOURCE_CLASS)
                .orElseThrow(() -> new IllegalStateException("no MySQL source connector (" + MYSQL_SOURCE_CLASS + ") is deployed on " + connect.baseUri()));
        String sink = findConnector(connect, ELASTICSEARCH_SINK_CLASS)
                .orElseThrow(() -> new IllegalStateException("no Elasticsearch sink connector (" + ELASTICSEARCH_SINK_CLASS + ") is deployed on " + connect.baseUri()));
        PipelineVerification verification = new PipelineVerification(connect, new ElasticsearchHttp(settings.elasticsearchUri()),
                settings.kafkaBootstrapServers(), settings.catchUpTimeout()).chunkSize(settings.chunkSize()).progress(out::println);
        try (Connection mysql = DriverManager.getConnection(settings.mysqlJdbcUrl(), settings.mysqlUser(), settings.mysqlPassword())) {
            List<TableResult> results = verification.verify(mysql, source, sink, null);
            results.forEach(this::print);
            boolean allMatch = verification.lateReason().isEmpty() && !results.isEmpty() && results.stream().allMatch(TableResult::matches);
            out.println(allMatch ? "verify: every table matches its index"
                    : results.isEmpty() ? "verify: no captured table found" : "verify: DIFFERENCES FOUND");
            return allMatch ? 0 : 1;
        }
    }

    private void print(TableResult result) {
        out.printf("%-32s rows in source %,10d   docs in target %,10d   missing %,d   extra %,d   different %,d   %s%n",
                result.table(), result.rowsInSource(), result.docsInTarget(), result.missing(), result.extra(), result.different(),
                result.matches() ? "OK" : "MISMATCH");
        if (result.note() != null) {
            out.println("    " + result.note());
        }
        result.missingExamples().forEach(key -> out.println("    missing   _id " + key));
        result.extraExamples().forEach(key -> out.println("    extra     _id " + key));
        result.differentExamples().forEach(key -> out.println("    different _id " + key));
    }

    private static Optional<String> findConnector(ConnectClient connect, String connectorClass) throws java.io.IOException {
        for (String name : connect.connectorNames()) {
            if (connectorClass.equals(connect.config(name).get("connector.class"))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The tables of the databases (and tables) the source connector's include lists select. */
    static List<TableInfo> capturedTables(Connection mysql, Map<String, String> sourceConfig) throws SQLException {
        List<Pattern> databases = patterns(sourceConfig.get("database.include.list"));
        List<Pattern> tables = patterns(sourceConfig.get("table.include.list"));
        List<TableInfo> captured = new ArrayList<>();
        try (Statement statement = mysql.createStatement(); ResultSet rs = statement.executeQuery("SHOW DATABASES")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            for (String database : names) {
                if (List.of("mysql", "information_schema", "performance_schema", "sys").contains(database)
                        || (!databases.isEmpty() && databases.stream().noneMatch(p -> p.matcher(database).matches()))) {
                    continue;
                }
                for (TableInfo table : TableInfo.readAll(mysql, database)) {
                    if (tables.isEmpty() || tables.stream().anyMatch(p -> p.matcher(table.qualifiedName()).matches())) {
                        captured.add(table);
                    }
                }
            }
        }
        return captured;
    }

    private static List<Pattern> patterns(String list) {
        List<Pattern> patterns = new ArrayList<>();
        if (list != null && !list.isBlank()) {
            for (String regex : list.split(",")) {
                patterns.add(Pattern.compile(regex.trim(), Pattern.CASE_INSENSITIVE));
            }
        }
        return patterns;
    }

}
