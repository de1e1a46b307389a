package dev.cdc.launcher.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdc.launcher.connect.ConnectorStatus;
import dev.cdc.launcher.connect.TaskStatus;
import java.util.List;
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
}
