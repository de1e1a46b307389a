package dev.cdc.sink.elasticsearch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElasticsearchSinkConfigTest {
    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "http://127.0.0.1:9200");
        return props;
    }

    private static ElasticsearchSinkConfig parse(Map<String, String> props) {
        return ElasticsearchSinkConfig.parse(props);
    }

    private static ElasticsearchSinkConfig with(String key, String value) {
        Map<String, String> props = minimal();
        props.put(key, value);
        return parse(props);
    }

    @Test
    void everyDefault() {
        ElasticsearchSinkConfig config = parse(minimal());
        assertThat(config.connection()).isEqualTo(new ConnectionConfig(List.of("http://127.0.0.1:9200"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "JKS", 5_000, 30_000));
        assertThat(config.bulk()).isEqualTo(new BulkConfig(2_000, 5L * 1024 * 1024, 1, 2, 30, 100, 10_000));
        assertThat(config.index().nameTemplate()).hasToString("${db}.${table}");
        assertThat(config.index().decimalMapping()).isEqualTo(DecimalMapping.KEYWORD);
        assertThat(config.index().stringMapping()).isEqualTo(StringMapping.TEXT_KEYWORD);
        assertThat(config.index().jsonMapping()).isEqualTo(JsonMapping.STRING);
        assertThat(config.index().dropOldIndex()).isFalse();
        assertThat(config.index().reindexBatchSize()).isEqualTo(1_000);
        assertThat(config.records()).isEqualTo(new RecordConfig(RecordFormat.ENVELOPE, "__source_position",
                NullValueBehavior.IGNORE, DeleteBehavior.TOMBSTONE, TruncateBehavior.RECREATE));
    }

    @Test
    void everyKeyIsDeclaredOnceAndDocumented() {
        Set<String> keys = ElasticsearchSinkConfig.configDef().names();
        assertThat(keys).containsExactlyInAnyOrder(
                "connection.url", "connection.username", "connection.password", "connection.api.key",
                "elastic.https.ssl.truststore.location", "elastic.https.ssl.truststore.password", "elastic.https.ssl.truststore.type",
                "connection.timeout.ms", "read.timeout.ms",
                "batch.size", "batch.size.bytes", "linger.ms", "max.in.flight.requests", "max.retries", "retry.backoff.ms",
                "retry.backoff.max.ms",
                "index.name.template", "decimal.mapping", "string.mapping", "json.mapping", "drop.old.index",
                "reindex.batch.size",
                "record.format", "flat.position.field", "behavior.on.null.values", "delete.behavior", "truncate.behavior");
        assertThat(ElasticsearchSinkConfig.configDef().configKeys().values())
                .allSatisfy(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }

    @Test
    void everyKeyIsRead() {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "https://es1:9243, https://es2:9243");
        props.put("connection.username", "writer");
        props.put("connection.password", "secret");
        props.put("elastic.https.ssl.truststore.location", "/etc/ts.p12");
        props.put("elastic.https.ssl.truststore.password", "tspw");
        props.put("elastic.https.ssl.truststore.type", "pkcs12");
        props.put("connection.timeout.ms", "1000");
        props.put("read.timeout.ms", "2000");
        props.put("batch.size", "10");
        props.put("batch.size.bytes", "2048");
        props.put("linger.ms", "5");
        props.put("max.in.flight.requests", "4");
        props.put("max.retries", "3");
        props.put("retry.backoff.ms", "7");
        props.put("retry.backoff.max.ms", "70");
        props.put("index.name.template", "cdc-${topic}");
        props.put("decimal.mapping", "DOUBLE");
        props.put("string.mapping", "keyword");
        props.put("json.mapping", "object");
        props.put("drop.old.index", "true");
        props.put("reindex.batch.size", "50");
        props.put("record.format", "flat");
        props.put("flat.position.field", "__pos");
        props.put("behavior.on.null.values", "delete");
        props.put("delete.behavior", "delete");
        props.put("truncate.behavior", "ignore");
        ElasticsearchSinkConfig config = parse(props);
        ConnectionConfig connection = config.connection();
        assertThat(connection.urls()).containsExactly("https://es1:9243", "https://es2:9243");
        assertThat(connection.username()).contains("writer");
        assertThat(connection.password().map(Password::value)).contains("secret");
        assertThat(connection.truststoreLocation()).contains("/etc/ts.p12");
        assertThat(connection.truststorePassword().map(Password::value)).contains("tspw");
        assertThat(connection.truststoreType()).isEqualTo("PKCS12");
        assertThat(connection.connectionTimeoutMs()).isEqualTo(1000);
        assertThat(connection.readTimeoutMs()).isEqualTo(2000);
        assertThat(config.bulk()).isEqualTo(new BulkConfig(10, 2048, 5, 4, 3, 7, 70));
        assertThat(config.index().nameTemplate()).hasToString("cdc-${topic}");
        assertThat(config.index().decimalMapping()).isEqualTo(DecimalMapping.DOUBLE);
        assertThat(config.index().stringMapping()).isEqualTo(StringMapping.KEYWORD);
        assertThat(config.index().jsonMapping()).isEqualTo(JsonMapping.OBJECT);
        assertThat(config.index().dropOldIndex()).isTrue();
        assertThat(config.index().reindexBatchSize()).isEqualTo(50);
        assertThat(config.records()).isEqualTo(new RecordConfig(RecordFormat.FLAT, "__pos", NullValueBehavior.DELETE,
                DeleteBehavior.DELETE, TruncateBehavior.IGNORE));
    }

    @Test
    void apiKeyIsAPassword() {
        ElasticsearchSinkConfig config = with("connection.api.key", "a2V5");
        assertThat(config.connection().apiKey().map(Password::value)).contains("a2V5");
        assertThat(config.connection().apiKey().orElseThrow()).hasToString("[hidden]");
        assertThat(ElasticsearchSinkConfig.configDef().configKeys().get("connection.api.key").type)
                .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
        assertThat(ElasticsearchSinkConfig.configDef().configKeys().get("connection.password").type)
                .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
    }

    @Test
    void connectionUrlIsRequired() {
        assertThatThrownBy(() -> parse(new HashMap<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.url");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "connection.url|ftp://host:21|Invalid value ftp://host:21 for configuration connection.url: is not an http:// or https:// URL with a host",
        "connection.url|http//host|Invalid value http//host for configuration connection.url: is not an http:// or https:// URL with a host",
        "connection.url|http://a b|Invalid value http://a b for configuration connection.url: is not a valid URL",
        "connection.username|'  '|Invalid value  for configuration connection.username: must not be blank",
        "elastic.https.ssl.truststore.type|PEMX|Invalid value PEMX for configuration elastic.https.ssl.truststore.type: String must be one of (case insensitive): JKS, PKCS12",
        "connection.timeout.ms|0|Invalid value 0 for configuration connection.timeout.ms: must be between 1 and 600000",
        "read.timeout.ms|-5|Invalid value -5 for configuration read.timeout.ms: must be between 1 and 3600000",
        "read.timeout.ms|soon|Invalid value soon for configuration read.timeout.ms: Not a number of type INT",
        "batch.size|0|Invalid value 0 for configuration batch.size: must be between 1 and 1000000",
        "batch.size.bytes|100|Invalid value 100 for configuration batch.size.bytes: must be between 1024 and 104857600",
        "linger.ms|-1|Invalid value -1 for configuration linger.ms: must be between 0 and 600000",
        "max.in.flight.requests|65|Invalid value 65 for configuration max.in.flight.requests: must be between 1 and 64",
        "max.retries|-1|Invalid value -1 for configuration max.retries: must be between 0 and 1000",
        "retry.backoff.ms|-1|Invalid value -1 for configuration retry.backoff.ms: must be between 0 and 3600000",
        "retry.backoff.max.ms|-1|Invalid value -1 for configuration retry.backoff.max.ms: must be between 0 and 3600000",
        "retry.backoff.max.ms|50|Invalid value 50 for configuration retry.backoff.max.ms: must not be below retry.backoff.ms (100)",
        "index.name.template|${database}.${table}|Invalid value ${database}.${table} for configuration index.name.template: has the unknown token ${database}; tokens are ${topic}, ${db}, ${schema}, ${table}",
        "index.name.template|cdc#${table}|Invalid value cdc#${table} for configuration index.name.template: contains '#', which Elasticsearch index names cannot contain",
        "index.name.template|_${table}|Invalid value _${table} for configuration index.name.template: must not start with '-', '_', '+' or '.'",
        "index.name.template|${table|Invalid value ${table for configuration index.name.template: has an unclosed token at index 0",
        "index.name.template|' '|Invalid value  for configuration index.name.template: must not be blank; use e.g. ${db}.${table}",
        "decimal.mapping|float|Invalid value float for configuration decimal.mapping: must be one of: keyword, scaled_float, double",
        "string.mapping|match_only_text|Invalid value match_only_text for configuration string.mapping: must be one of: text_keyword, text, keyword",
        "json.mapping|flattened|Invalid value flattened for configuration json.mapping: must be one of: string, object",
        "drop.old.index|maybe|Invalid value maybe for configuration drop.old.index: Expected value to be either true or false",
        "reindex.batch.size|0|Invalid value 0 for configuration reindex.batch.size: must be between 1 and 10000",
        "record.format|avro|Invalid value avro for configuration record.format: must be one of: envelope, flat",
        "flat.position.field|''|Invalid value  for configuration flat.position.field: String may not be empty",
        "behavior.on.null.values|warn|Invalid value warn for configuration behavior.on.null.values: must be one of: ignore, delete, fail",
        "delete.behavior|soft|Invalid value soft for configuration delete.behavior: must be one of: tombstone, delete",
        "truncate.behavior|delete_by_query|Invalid value delete_by_query for configuration truncate.behavior: must be one of: recreate, ignore",
    })
    void badValueMessageNamesKeyValueAndWhatIsAllowed(String key, String value, String message) {
        assertThatThrownBy(() -> with(key, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void usernameNeedsPassword() {
        assertThatThrownBy(() -> with("connection.username", "writer"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value null for configuration connection.password: must be set together with connection.username"
                        + " for basic authentication");
    }

    @Test
    void passwordNeedsUsername() {
        assertThatThrownBy(() -> with("connection.password", "secret"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value null for configuration connection.username: must be set together with connection.password");
    }

    @Test
    void apiKeyExcludesBasicAuth() {
        Map<String, String> props = minimal();
        props.put("connection.username", "writer");
        props.put("connection.password", "secret");
        props.put("connection.api.key", "a2V5");
        assertThatThrownBy(() -> parse(props))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value [hidden] for configuration connection.api.key: cannot be used together with connection.username;"
                        + " choose one way to authenticate")
                .message().doesNotContain("a2V5");
    }

    @Test
    void choicesAreCaseInsensitive() {
        assertThat(with("decimal.mapping", "Scaled_Float").index().decimalMapping()).isEqualTo(DecimalMapping.SCALED_FLOAT);
        assertThat(with("record.format", " FLAT ").records().format()).isEqualTo(RecordFormat.FLAT);
    }

    @Test
    void validatorsDescribeTheAllowedValuesForTheDocs() {
        Map<String, String> described = ElasticsearchSinkConfig.configDef().configKeys().values().stream()
                .filter(key -> key.validator != null)
                .collect(Collectors.toMap(key -> key.name, key -> key.validator.toString()));
        assertThat(described).containsEntry("delete.behavior", "one of: tombstone, delete")
                .containsEntry("batch.size", "[1,...,1000000]");
    }
}
