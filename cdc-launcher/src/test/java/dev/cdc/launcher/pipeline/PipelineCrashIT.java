package dev.cdc.launcher.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.launcher.connect.ConnectClient;
import dev.cdc.launcher.elasticsearch.ElasticsearchHttp;
import dev.cdc.launcher.verify.PipelineVerification;
import dev.cdc.launcher.verify.TableResult;
import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proof that the MySQL to Elasticsearch pipeline delivers everything: a mixed workload runs
 * for at least 60 s, and until the last crash is over, while the Connect worker is SIGKILLed
 * three times, Elasticsearch restarted once and the Kafka broker restarted once; then, caught up, every row matches its document, and no
 * sampled document's version ever went down.
 */
class PipelineCrashIT {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineCrashIT.class);
    private static final Duration WORKLOAD = Duration.ofSeconds(60);

    private final TestStack stack = TestStack.get();
    private final StackControl control = StackControl.fromSystemProperty();
    private final ConnectClient connect = new ConnectClient(URI.create(stack.connectUrl()));
    private final long run = System.currentTimeMillis() % 1_000_000;
    private final String database = "crash_it_" + run;
    private final String prefix = "crash" + run;
    private final String sourceName = "crash-it-source-" + run;
    private final String sinkName = "crash-it-sink-" + run;
    private final String index = database + ".items";

    @BeforeEach
    void createDatabaseAndPipeline() throws Exception {
        try (Connection connection = stack.mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
            statement.execute("USE " + database);
            statement.execute(MixedWorkload.CREATE_TABLE);
        }
        Map<String, String> source = new LinkedHashMap<>();
        source.put("connector.class", "dev.cdc.source.mysql.MySqlSourceConnector");
        source.put("tasks.max", "1");
        source.put("database.hostname", stack.mysqlHost());
        source.put("database.port", String.valueOf(stack.mysqlPort()));
        source.put("database.user", stack.mysqlConnectorUser().user());
        source.put("database.password", stack.mysqlConnectorUser().password());
        source.put("database.server.id", String.valueOf(6000 + run % 1000));
        source.put("topic.prefix", prefix);
        source.put("database.include.list", database);
        source.put("heartbeat.interval.ms", "2000");
        connect.putConfig(sourceName, source);
        Map<String, String> sink = new LinkedHashMap<>();
        sink.put("connector.class", "dev.cdc.sink.elasticsearch.ElasticsearchSinkConnector");
        sink.put("tasks.max", "1");
        sink.put("topics.regex", prefix + "\\." + database + "\\..*");
        sink.put("connection.url", stack.elasticsearchUrl());
        connect.putConfig(sinkName, sink);
    }

    @AfterEach
    void removePipeline() throws Exception {
        control.start("elasticsearch");
        control.start("kafka");
        control.start("connect");
        connect.delete(sourceName);
        connect.delete(sinkName);
        try (Connection connection = stack.mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void deliversEveryChangeThroughCrashesAndRestarts() throws Exception {
        MixedWorkload workload = new MixedWorkload(this::adminConnection, WORKLOAD, 42);
        VersionWatcher watcher = new VersionWatcher(stack.elasticsearchUrl(), index, workload::highestId);
        Thread writer = new Thread(workload, "crash-it-writer");
        Thread sampler = new Thread(watcher, "crash-it-version-watcher");
        writer.start();
        sampler.start();

        List<String> chaos = runChaos(new SplittableRandom(run));
        workload.requestStop(); // every crash happened while the writer was writing

        writer.join(WORKLOAD.toMillis() + 120_000);
        assertThat(workload.failure()).as("the writer's own failure").isNull();
        LOG.info("workload done: {} operations, highest id {}; chaos: {}", workload.operations(), workload.highestId(), chaos);

        List<TableResult> results;
        try (Connection connection = adminConnection()) {
            results = new PipelineVerification(connect, new ElasticsearchHttp(URI.create(stack.elasticsearchUrl())),
                    stack.kafkaBootstrapServers(), Duration.ofMinutes(5)).verify(connection, sourceName, sinkName, database);
        } finally {
            watcher.stop();
            sampler.join();
        }

        LOG.info("verified: {}; {} document versions sampled, {} regressions", results, watcher.samples(), watcher.regressions().size());
        assertThat(chaos).hasSize(5);
        assertThat(chaos).filteredOn(event -> event.startsWith("kill-connect@")).hasSize(3);
        assertThat(chaos).filteredOn(event -> event.startsWith("restart-elasticsearch@")).hasSize(1);
        assertThat(chaos).filteredOn(event -> event.startsWith("restart-kafka@")).hasSize(1);
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.missingExamples()).as("missing documents").isEmpty();
            assertThat(result.extraExamples()).as("extra documents").isEmpty();
            assertThat(result.differentExamples()).as("different documents").isEmpty();
            assertThat(result.docsInTarget()).isEqualTo(result.rowsInSource());
            assertThat(result.rowsInSource()).isPositive();
        });
        assertThat(watcher.samples()).as("documents sampled while the workload ran (%s)", watcher.failures()).isGreaterThan(1_000);
        assertThat(watcher.regressions()).as("documents whose version went down").isEmpty();
    }

    /** Three SIGKILLs of the worker, one Elasticsearch restart, one Kafka restart, at seeded random moments. */
    private List<String> runChaos(SplittableRandom random) throws Exception {
        TreeMap<Long, String> plan = new TreeMap<>();
        List<String> events = new ArrayList<>(List.of("kill-connect", "kill-connect", "kill-connect", "restart-elasticsearch", "restart-kafka"));
        long slot = (WORKLOAD.toMillis() - 10_000) / events.size();
        java.util.Collections.shuffle(events, new java.util.Random(random.nextLong()));
        for (int i = 0; i < events.size(); i++) {
            plan.put(5_000 + i * slot + random.nextLong(slot / 2), events.get(i));
        }
        long started = System.currentTimeMillis();
        List<String> done = new ArrayList<>();
        for (Map.Entry<Long, String> step : plan.entrySet()) {
            long wait = started + step.getKey() - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait); // waiting for a planned moment, not for a condition
            }
            LOG.info("chaos at {} ms: {}", System.currentTimeMillis() - started, step.getValue());
            switch (step.getValue()) {
                case "kill-connect" -> {
                    control.killConnectWorker();
                    control.start("connect");
                }
                case "restart-elasticsearch" -> control.restart("elasticsearch");
                case "restart-kafka" -> control.restart("kafka");
                default -> throw new IllegalStateException(step.getValue());
            }
            awaitTasksRunning();
            done.add(step.getValue() + "@" + step.getKey() + "ms");
        }
        return done;
    }

    private void awaitTasksRunning() {
        Awaitility.await("connectors running after a restart").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> connect.status(sourceName).healthy() && connect.status(sinkName).healthy());
    }

    private Connection adminConnection() {
        try {
            Credentials admin = stack.mysqlAdminUser();
            return DriverManager.getConnection(stack.mysqlJdbcUrl(database), admin.user(), admin.password());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
