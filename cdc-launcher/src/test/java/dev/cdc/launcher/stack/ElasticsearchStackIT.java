package dev.cdc.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdc.testkit.TestStack;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local Elasticsearch indexes a document and finds it. */
class ElasticsearchStackIT {
    private final String url = TestStack.get().elasticsearchUrl();
    private final String index = "stack-it-" + UUID.randomUUID();

    @AfterEach
    void dropIndex() throws Exception {
        Http.delete(url + "/" + index + "?ignore_unavailable=true");
    }

    @Test
    void indexedDocumentIsFoundBySearch() throws Exception {
        String word = "w" + UUID.randomUUID().toString().replace("-", "");
        Http.put(url + "/" + index + "/_doc/1?refresh=true", "{\"title\":\"hello " + word + "\",\"n\":42}");

        JsonNode hits = Http.post(url + "/" + index + "/_search",
                "{\"query\":{\"match\":{\"title\":\"" + word + "\"}}}").path("hits");

        assertThat(hits.path("total").path("value").asInt()).isEqualTo(1);
        assertThat(hits.path("hits").get(0).path("_source").path("n").asInt()).isEqualTo(42);
    }

    @Test
    void isTheExpectedVersionWithSecurityOff() throws Exception {
        JsonNode nodes = Http.get(url + "/_nodes/_local");
        JsonNode node = nodes.path("nodes").elements().next();
        assertThat(node.path("version").asText()).isEqualTo("8.19.21");
        assertThat(node.path("settings").path("xpack").path("security").path("enabled").asText()).isEqualTo("false");
    }
}
