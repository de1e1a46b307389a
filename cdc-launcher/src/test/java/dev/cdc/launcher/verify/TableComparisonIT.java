package dev.cdc.launcher.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.launcher.elasticsearch.ElasticsearchHttp;
import dev.cdc.testkit.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * verify's comparison against the real MariaDB and Elasticsearch: documents are written the way
 * the Elasticsearch sink writes them (alias over a versioned index, tombstones for deletes), with
 * known defects planted, and the comparison must find exactly those.
 */
class TableComparisonIT {
    private static final int ROWS = 2_500;
    private final TestStack stack = TestStack.get();
    private final String database = "verify_it_" + System.nanoTime();
    private final String alias = database + ".orders";
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void createTableAndIndex() throws Exception {
        try (Connection connection = stack.mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            statement.execute("CREATE TABLE " + database + ".orders (id INT PRIMARY KEY, name VARCHAR(64) CHARACTER SET utf8mb4,"
                    + " amount DECIMAL(10,2), created DATETIME(3), payload JSON)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + database + ".orders VALUES (?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= ROWS; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "name " + id + " ✓");
                    insert.setBigDecimal(3, java.math.BigDecimal.valueOf(id * 101L, 2));
                    insert.setString(4, "2024-01-01 00:00:00." + String.format("%03d", id % 1000));
                    insert.setString(5, "{\"n\": " + id + "}");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        send("PUT", "/" + alias + "_v1", "{\"settings\":{\"number_of_replicas\":0},\"mappings\":{\"properties\":{\"" + ElasticsearchHttp.TOMBSTONE_FIELD
                + "\":{\"type\":\"boolean\"},\"id\":{\"type\":\"long\"}}},\"aliases\":{\"" + alias + "\":{\"filter\":{\"bool\":{\"must_not\":{\"term\":{\""
                + ElasticsearchHttp.TOMBSTONE_FIELD + "\":true}}}}}}}");
        StringBuilder bulk = new StringBuilder();
        for (int id = 1; id <= ROWS; id++) {
            if (id == 7) {
                continue; // missing
            }
            bulk.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n");
            if (id == 9) {
                bulk.append("{\"").append(ElasticsearchHttp.TOMBSTONE_FIELD).append("\":true}\n"); // deleted in the index, not in MySQL
                continue;
            }
            String amount = id == 8 ? "\"0.01\"" : "\"" + java.math.BigDecimal.valueOf(id * 101L, 2) + "\"";
            bulk.append("{\"id\":").append(id).append(",\"name\":\"name ").append(id).append(" ✓\",\"amount\":").append(amount)
                    .append(",\"created\":").append(java.time.Instant.parse("2024-01-01T00:00:00Z").toEpochMilli() + id % 1000)
                    .append(",\"payload\":\"{\\\"n\\\":").append(id).append("}\"}\n");
        }
        bulk.append("{\"index\":{\"_id\":\"9999\"}}\n{\"id\":9999,\"name\":\"ghost\"}\n");
        bulk.append("{\"index\":{\"_id\":\"10000\"}}\n{\"").append(ElasticsearchHttp.TOMBSTONE_FIELD).append("\":true}\n");
        send("POST", "/" + alias + "_v1/_bulk?refresh=true", bulk.toString());
    }

    @AfterEach
    void dropAll() throws Exception {
        send("DELETE", "/" + alias + "_v1?ignore_unavailable=true", null);
        try (Connection connection = stack.mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void findsExactlyThePlantedDefectsAcrossChunks() throws Exception {
        TableResult result;
        try (Connection connection = stack.mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            TableInfo table = TableInfo.read(connection, database, "orders");
            ElasticsearchHttp elasticsearch = new ElasticsearchHttp(URI.create(stack.elasticsearchUrl()));
            result = new TableComparison(connection, elasticsearch, table, alias, 1_000, 1, Duration.ZERO).run();
        }

        assertThat(result.rowsInSource()).isEqualTo(ROWS);
        assertThat(result.docsInTarget()).isEqualTo(ROWS - 2 + 1);
        assertThat(result.missingExamples()).containsExactlyInAnyOrder("7", "9");
        assertThat(result.extraExamples()).containsExactly("9999");
        assertThat(result.differentExamples()).singleElement().asString().startsWith("8 (amount: source=8.08 target=0.01");
        assertThat(result.matches()).isFalse();
    }

    private void send(String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
    }
}
