package dev.cdc.sink.elasticsearch.config;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** How indexes are named and how columns are mapped. */
public record IndexConfig(
        IndexNameTemplate nameTemplate,
        DecimalMapping decimalMapping,
        StringMapping stringMapping,
        JsonMapping jsonMapping,
        boolean dropOldIndex,
        int reindexBatchSize) {
    public static final String GROUP = "Index";
    public static final String NAME_TEMPLATE = "index.name.template";
    public static final String DECIMAL_MAPPING = "decimal.mapping";
    public static final String STRING_MAPPING = "string.mapping";
    public static final String JSON_MAPPING = "json.mapping";
    public static final String DROP_OLD_INDEX = "drop.old.index";
    public static final String REINDEX_BATCH_SIZE = "reindex.batch.size";

    public IndexConfig {
        requireNonNull(nameTemplate, "nameTemplate is null");
        requireNonNull(decimalMapping, "decimalMapping is null");
        requireNonNull(stringMapping, "stringMapping is null");
        requireNonNull(jsonMapping, "jsonMapping is null");
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(NAME_TEMPLATE, Type.STRING, "${db}.${table}", ConfigValidators.indexNameTemplate(), Importance.HIGH,
                        "Name of the alias readers query, per table; lower-cased. Tokens: ${topic}, ${db}, ${schema},"
                                + " ${table} (db/schema/table from the event's source block, else from the topic"
                                + " <prefix>.<db>.<table>). The sink writes to <name>_v<N> behind it.",
                        GROUP, ++order, Width.LONG, "Index name template")
                .define(DECIMAL_MAPPING, Type.STRING, DecimalMapping.KEYWORD.configValue(), ConfigValidators.oneOf(DecimalMapping.class),
                        Importance.MEDIUM, "Decimal columns: 'keyword' keeps the exact value as a string; 'scaled_float'"
                                + " (needs the server's mapper-extras module) is exact up to 2^53/10^scale; 'double' is inexact.",
                        GROUP, ++order, Width.SHORT, "Decimal mapping")
                .define(STRING_MAPPING, Type.STRING, StringMapping.TEXT_KEYWORD.configValue(), ConfigValidators.oneOf(StringMapping.class),
                        Importance.MEDIUM, "String columns: 'text_keyword' (text with a .keyword sub-field), 'text' or 'keyword'.",
                        GROUP, ++order, Width.SHORT, "String mapping")
                .define(JSON_MAPPING, Type.STRING, JsonMapping.STRING.configValue(), ConfigValidators.oneOf(JsonMapping.class),
                        Importance.LOW, "JSON columns: 'string' keeps the text, not indexed; 'object' embeds the JSON object"
                                + " with dynamically mapped fields.", GROUP, ++order, Width.SHORT, "JSON mapping")
                .define(DROP_OLD_INDEX, Type.BOOLEAN, false, Importance.LOW,
                        "Delete the previous <name>_v<N> once the alias points at its successor (after a reindex for a"
                                + " column type change or rename, or after a truncate). By default it is kept.",
                        GROUP, ++order, Width.SHORT, "Drop old index")
                .define(REINDEX_BATCH_SIZE, Type.INT, 1_000, ConfigValidators.between(1, 10_000), Importance.LOW,
                        "Documents per page when a reindex copies <name>_v<N> into <name>_v<N+1> (one search and one _bulk"
                                + " request per page, on a thread of its own).", GROUP, ++order, Width.SHORT, "Reindex batch size");
    }

    static IndexConfig from(AbstractConfig config) {
        return new IndexConfig(
                IndexNameTemplate.parse(config.getString(NAME_TEMPLATE)),
                ConfigValidators.parseChoice(DecimalMapping.class, DECIMAL_MAPPING, config.getString(DECIMAL_MAPPING)),
                ConfigValidators.parseChoice(StringMapping.class, STRING_MAPPING, config.getString(STRING_MAPPING)),
                ConfigValidators.parseChoice(JsonMapping.class, JSON_MAPPING, config.getString(JSON_MAPPING)),
                config.getBoolean(DROP_OLD_INDEX),
                config.getInt(REINDEX_BATCH_SIZE));
    }
}
