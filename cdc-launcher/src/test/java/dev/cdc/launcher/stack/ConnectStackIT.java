package dev.cdc.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdc.core.Version;
import dev.cdc.testkit.TestStack;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local Connect worker loaded this project's plugin archives from its plugin.path. */
class ConnectStackIT {
    private final String url = TestStack.get().connectUrl();

    @Test
    void workerListsEveryPluginOfThisProjectWithItsVersion() throws Exception {
        Map<String, String> typeByClass = new HashMap<>();
        Map<String, String> versionByClass = new HashMap<>();
        for (JsonNode plugin : Http.get(url + "/connector-plugins")) {
            typeByClass.put(plugin.path("class").asText(), plugin.path("type").asText());
            versionByClass.put(plugin.path("class").asText(), plugin.path("version").asText());
        }

        assertThat(typeByClass).containsEntry("dev.cdc.source.mysql.MySqlSourceConnector", "source")
                .containsEntry("dev.cdc.source.postgres.PostgresSourceConnector", "source")
                .containsEntry("dev.cdc.sink.elasticsearch.ElasticsearchSinkConnector", "sink")
                .containsEntry("dev.cdc.sink.jdbc.JdbcSinkConnector", "sink");
        assertThat(versionByClass.get("dev.cdc.source.mysql.MySqlSourceConnector")).isEqualTo(Version.get());
    }

    @Test
    void workerIsAKafka4DistributedWorker() throws Exception {
        JsonNode root = Http.get(url + "/");
        assertThat(root.path("version").asText()).startsWith("4.");
        assertThat(root.path("kafka_cluster_id").asText()).isNotBlank();
    }
}
