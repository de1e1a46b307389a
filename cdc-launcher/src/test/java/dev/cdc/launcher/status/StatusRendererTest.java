package dev.cdc.launcher.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdc.launcher.connect.ConnectorStatus;
import dev.cdc.launcher.connect.TaskStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusRendererTest {
    private static final String TRACE = "org.apache.kafka.connect.errors.ConnectException: boom\n\tat a.b(C.java:1)\n"
            + "Caused by: java.net.ConnectException: Connection refused to 127.0.0.1:9200\n\tat d.e(F.java:2)";

    private final ConnectorStatus running = new ConnectorStatus("inventory-source", "source", "dev.cdc.source.mysql.MySqlSourceConnector",
            "RUNNING", "127.0.0.1:8083", null, List.of(new TaskStatus(0, "RUNNING", "127.0.0.1:8083", null)));
    private final ConnectorStatus failing = new ConnectorStatus("inventory-es", "sink", "dev.cdc.sink.elasticsearch.ElasticsearchSinkConnector",
            "RUNNING", "127.0.0.1:8083", null, List.of(new TaskStatus(0, "FAILED", "127.0.0.1:8083", TRACE)));

    @Test
    void textShowsEachConnectorWithTasksAndAOneLineCause() {
        String text = StatusRenderer.text(new StatusReport("http://127.0.0.1:8083", List.of(running, failing), null));

        assertThat(text).contains("inventory-source").contains("0:RUNNING")
                .contains("inventory-es").contains("0:FAILED")
                .contains("  last error: ConnectException: Connection refused to 127.0.0.1:9200")
                .doesNotContain("\tat ");
    }

    @Test
    void sinkWithADeadLetterQueueShowsItsCount() throws Exception {
        StatusReport report = new StatusReport("http://127.0.0.1:8083", List.of(running, failing),
                java.util.Map.of("inventory-es", new StatusReport.DeadLetters("quickstart.dlq", 3L)), null);
        assertThat(StatusRenderer.text(report)).contains("  dead letter queue quickstart.dlq: 3 records");
        JsonNode json = new ObjectMapper().readTree(StatusRenderer.json(report));
        assertThat(json.path("connectors").get(1).path("dead_letter_queue").path("records").asLong()).isEqualTo(3);
        assertThat(json.path("connectors").get(0).has("dead_letter_queue")).isFalse();
    }

    @Test
    void unreachableConnectIsOneLine() {
        String text = StatusRenderer.text(StatusReport.unreachable("http://127.0.0.1:8083", "Kafka Connect does not answer"));
        assertThat(text.lines()).hasSize(1);
        assertThat(text).contains("http://127.0.0.1:8083").contains("does not answer");
    }

    @Test
    void jsonCarriesStatesErrorsAndOverallHealth() throws Exception {
        StatusReport report = new StatusReport("http://127.0.0.1:8083", List.of(running, failing), null);
        JsonNode json = new ObjectMapper().readTree(StatusRenderer.json(report));

        assertThat(json.path("healthy").asBoolean()).isFalse();
        assertThat(json.path("connectors")).hasSize(2);
        assertThat(json.path("connectors").get(1).path("tasks").get(0).path("last_error").asText())
                .isEqualTo("ConnectException: Connection refused to 127.0.0.1:9200");
        assertThat(report.healthy()).isFalse();
        assertThat(new StatusReport("u", List.of(running), null).healthy()).isTrue();
    }

    private static final long LAST_CHANGE = 1_700_000_000_000L;
    private final ConnectorStatus sink = new ConnectorStatus("inventory-es", "sink", SinkTargets.ELASTICSEARCH,
            "RUNNING", "127.0.0.1:8083", null, List.of(new TaskStatus(0, "RUNNING", "127.0.0.1:8083", null)));
    private final Map<String, ConnectorDetail> details = Map.of(
            "inventory-source", ConnectorDetail.source(List.of(
                    new SourceTable("inventory.customers", "q.inventory.customers", SourceTable.Phase.STREAMING, null, 10_004L, LAST_CHANGE, 12_300L, null),
                    new SourceTable("inventory.orders", "q.inventory.orders", SourceTable.Phase.SNAPSHOT_RUNNING, 45_000L, 46_000L, null, null, null),
                    new SourceTable("inventory.products", "q.inventory.products", SourceTable.Phase.SNAPSHOT_PENDING, null, null, null, null, "no topic yet"))),
            "inventory-es", ConnectorDetail.sink(List.of(
                    new SinkTopic("q.inventory.customers", "index inventory.customers", 0L, 0L, null),
                    new SinkTopic("q.inventory.orders", "index inventory.orders", 1_204L, 70_000L, null),
                    new SinkTopic("q.inventory.products", null, 3L, null, "time unknown: value is not JSON"))));

    @Test
    void textShowsOneLinePerTableAndTopic() {
        String text = StatusRenderer.text(new StatusReport("http://127.0.0.1:8083", List.of(running, sink), Map.of(), details, null, null));

        assertThat(text.lines()).containsSubsequence(
                "inventory-source                 source   RUNNING    0:RUNNING",
                "  table inventory.customers      streaming, 12 s behind source (last change 2023-11-14T22:13:20Z), 10,004 events in topic",
                "  table inventory.orders         snapshot running: 45,000 rows done (46,000 events in topic), 1 table after it",
                "  table inventory.products       snapshot pending",
                "inventory-es                     sink     RUNNING    0:RUNNING",
                "  topic q.inventory.customers    -> index inventory.customers: 0 events behind",
                "  topic q.inventory.orders       -> index inventory.orders: 1,204 events behind, oldest 1 min 10 s behind source",
                "  topic q.inventory.products     3 events behind, time unknown: value is not JSON");
    }

    @Test
    void unreachableKafkaIsOneLineAndConnectStillShows() {
        StatusReport report = new StatusReport("http://127.0.0.1:8083", List.of(running, sink),
                Map.of("inventory-es", new StatusReport.DeadLetters("q.dlq", null)), Map.of("inventory-source", ConnectorDetail.source(List.of(
                        new SourceTable("inventory.customers", "q.inventory.customers", SourceTable.Phase.STREAMING, null, null, null, null,
                                "lag unknown without Kafka")))),
                "Kafka at 127.0.0.1:9092 did not answer within 5 s to list the topics", null);

        String text = StatusRenderer.text(report);

        assertThat(text.lines().filter(line -> line.contains("127.0.0.1:9092"))).containsExactly(
                "Kafka at 127.0.0.1:9092 did not answer within 5 s to list the topics: lag and dead letters left out");
        assertThat(text).contains("0:RUNNING").contains("streaming, lag unknown without Kafka");
        assertThat(report.healthy()).as("Kafka's state does not change the exit code").isTrue();
    }

    @Test
    void jsonCarriesTheTableAndTopicFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(StatusRenderer.json(
                new StatusReport("http://127.0.0.1:8083", List.of(running, sink), Map.of(), details, null, null)));

        JsonNode customers = json.path("connectors").get(0).path("tables").get(0);
        assertThat(customers.path("phase").asText()).isEqualTo("streaming");
        assertThat(customers.path("seconds_behind_source").asDouble()).isEqualTo(12.3);
        assertThat(customers.path("last_change_ts_ms").asLong()).isEqualTo(LAST_CHANGE);
        assertThat(customers.path("events_in_topic").asLong()).isEqualTo(10_004);
        JsonNode orders = json.path("connectors").get(0).path("tables").get(1);
        assertThat(orders.path("phase").asText()).isEqualTo("snapshot_running");
        assertThat(orders.path("snapshot_rows_done").asLong()).isEqualTo(45_000);
        JsonNode sinkOrders = json.path("connectors").get(1).path("topics").get(1);
        assertThat(sinkOrders.path("target").asText()).isEqualTo("index inventory.orders");
        assertThat(sinkOrders.path("events_behind").asLong()).isEqualTo(1_204);
        assertThat(sinkOrders.path("seconds_behind_source").asDouble()).isEqualTo(70.0);
        assertThat(json.has("kafka_error")).isFalse();
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(StatusRenderer.duration(0)).isEqualTo("0.0 s");
        assertThat(StatusRenderer.duration(420)).isEqualTo("0.4 s");
        assertThat(StatusRenderer.duration(12_999)).isEqualTo("12 s");
        assertThat(StatusRenderer.duration(185_000)).isEqualTo("3 min 5 s");
        assertThat(StatusRenderer.duration(7_800_000)).isEqualTo("2 h 10 min");
        assertThat(StatusRenderer.duration(3 * 86_400_000L + 4 * 3_600_000L)).isEqualTo("3 d 4 h");
    }
}
