package dev.cdc.launcher.quickstart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connector configurations quickstart deploys: the same JSON a user would PUT to
 * {@code /connectors/<name>/config}, printed by quickstart so it can be copied.
 */
public final class PipelineConfigs {
    public static final String SOURCE_NAME = "inventory-mysql-source";
    public static final String SINK_NAME = "inventory-elasticsearch-sink";
    public static final String TOPIC_PREFIX = "quickstart";
    public static final String DEAD_LETTER_TOPIC = "quickstart.dlq";

    private PipelineConfigs() {
    }

    public static Map<String, String> source(String database, String host, int port) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "dev.cdc.source.mysql.MySqlSourceConnector");
        config.put("tasks.max", "1");
        config.put("database.hostname", host);
        config.put("database.port", String.valueOf(port));
        config.put("database.user", "cdc");
        config.put("database.password", "cdc");
        config.put("database.server.id", "5401");
        config.put("topic.prefix", TOPIC_PREFIX);
        config.put("database.include.list", database);
        config.put("snapshot.mode", "initial");
        config.put("heartbeat.interval.ms", "10000");
        // larger producer batches: JSON events with schemas are ~3 KB, the default batch holds four
        config.put("producer.override.batch.size", "262144");
        config.put("producer.override.linger.ms", "20");
        config.put("producer.override.compression.type", "lz4");
        return config;
    }

    public static Map<String, String> sink(String database, String elasticsearchUrl) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "dev.cdc.sink.elasticsearch.ElasticsearchSinkConnector");
        config.put("tasks.max", "1");
        config.put("topics.regex", TOPIC_PREFIX.replace(".", "\\.") + "\\." + database + "\\..*");
        config.put("connection.url", elasticsearchUrl);
        // same bytes as the worker's JsonConverter, read without a JSON tree (see cdc-core's README)
        config.put("key.converter", "dev.cdc.core.converter.StreamingJsonConverter");
        config.put("value.converter", "dev.cdc.core.converter.StreamingJsonConverter");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", DEAD_LETTER_TOPIC);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        // a fetch of 1 MiB per partition holds ~300 JSON events; let put() see thousands
        config.put("consumer.override.max.poll.records", "5000");
        config.put("consumer.override.max.partition.fetch.bytes", "52428800");
        config.put("consumer.override.fetch.max.bytes", "52428800");
        // topics.regex sees a table's new topic at the next metadata refresh: every 5 s, not 5 min
        config.put("consumer.override.metadata.max.age.ms", "5000");
        return config;
    }

    /** The index (alias) the sink writes a table to: the default template, lower-cased {@code <db>.<table>}. */
    public static String indexOf(String database, String table) {
        return (database + "." + table).toLowerCase(java.util.Locale.ROOT);
    }
}
