package dev.cdc.sink.elasticsearch.index;

import dev.cdc.sink.elasticsearch.mapping.MappingBuilder;
import java.util.List;
import java.util.Map;

/**
 * The filter of the alias readers query: it hides the tombstone documents deletes leave behind
 * ({@code __cdc_deleted: true}). Searches, counts and aggregations through the alias apply it;
 * a GET by {@code _id} does not (Elasticsearch ignores alias filters there), so such a GET sees
 * a tombstone as a document with {@code __cdc_deleted: true}.
 */
public final class AliasFilter {
    private AliasFilter() {
    }

    /** The alias definition {@code {"filter": {...}}}. */
    public static Map<String, Object> definition() {
        return Map.of("filter", query());
    }

    /** The query that keeps live documents only; add it to queries on the concrete indexes. */
    public static Map<String, Object> query() {
        return Map.of("bool", Map.of("must_not", List.of(Map.of("term", Map.of(MappingBuilder.DELETED_FIELD, true)))));
    }
}
