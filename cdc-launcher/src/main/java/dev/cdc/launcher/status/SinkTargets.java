package dev.cdc.launcher.status;

import java.util.Locale;
import java.util.Map;

/**
 * What a sink topic feeds, where that is obvious: our Elasticsearch sink (index alias from
 * {@code index.name.template}, default {@code ${db}.${table}}, lower-cased) and our JDBC sink (table
 * from {@code table.name.format}, default {@code ${source.table}}), for topics named
 * {@code <prefix>.<db or schema>.<table>}. The sinks name targets from the events' source block;
 * the topic's last two parts are the same names unless the topic name had characters replaced.
 */
final class SinkTargets {
    static final String ELASTICSEARCH = "dev.cdc.sink.elasticsearch.ElasticsearchSinkConnector";
    static final String JDBC = "dev.cdc.sink.jdbc.JdbcSinkConnector";

    private SinkTargets() {
    }

    /** {@code index <name>} or {@code table <name>}; null for other sinks and other topic names. */
    static String of(String connectorClass, Map<String, String> config, String topic) {
        String[] parts = topic.split("\\.");
        if (parts.length < 3) {
            return null;
        }
        String database = parts[parts.length - 2];
        String table = parts[parts.length - 1];
        if (ELASTICSEARCH.equals(connectorClass)) {
            String template = config.getOrDefault("index.name.template", "${db}.${table}");
            return "index " + template.replace("${topic}", topic).replace("${db}", database).replace("${schema}", database)
                    .replace("${table}", table).toLowerCase(Locale.ROOT);
        }
        if (JDBC.equals(connectorClass)) {
            String format = config.getOrDefault("table.name.format", "${source.table}");
            return "table " + format.replace("${topic}", topic.replace('.', '_')).replace("${source.db}", database)
                    .replace("${source.schema}", database).replace("${source.table}", table);
        }
        return null;
    }
}
