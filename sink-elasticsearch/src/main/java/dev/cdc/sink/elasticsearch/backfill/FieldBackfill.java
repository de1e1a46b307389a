package dev.cdc.sink.elasticsearch.backfill;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.bulk.Backoff;
import dev.cdc.sink.elasticsearch.bulk.BulkResponse;
import dev.cdc.sink.elasticsearch.document.Json;
import dev.cdc.sink.elasticsearch.index.IndexAdmin;
import dev.cdc.sink.elasticsearch.mapping.MappingBuilder;
import dev.cdc.sink.elasticsearch.reindex.BackgroundJob;
import dev.cdc.sink.elasticsearch.reindex.PageWriter;
import dev.cdc.sink.elasticsearch.reindex.PitPage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the documents written before a column was added its default, on its own thread
 * ({@code <task>-backfill-<n>}, a {@link BackgroundJob}): pages through the index with a point in time over the documents
 * that lack the field (tombstones excluded), and re-indexes each one whose {@code _version} is older
 * than the change that added the column with the field set, under the same {@code _version} and
 * {@code version_type=external_gte}. A change the task writes meanwhile has a newer version, so
 * either it lands after the backfill's write and replaces it, or the backfill's write gets 409 and
 * leaves it; a document lacking the field with a newer version (the column dropped again later) is
 * left as it is. Idempotent: run again after a restart, it finds the documents it did not reach.
 */
public final class FieldBackfill extends BackgroundJob<Long> {
    private static final Logger LOG = LoggerFactory.getLogger(FieldBackfill.class);
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private final IndexAdmin admin;
    private final String index;
    private final ColumnDefault column;
    private final int pageSize;
    private final PageWriter pages;

    public FieldBackfill(IndexAdmin admin, String index, ColumnDefault column, int pageSize, int maxRetries, Backoff backoff,
            String threadName) {
        super(threadName);
        this.admin = requireNonNull(admin, "admin is null");
        this.index = requireNonNull(index, "index is null");
        this.column = requireNonNull(column, "column is null");
        this.pageSize = pageSize;
        this.pages = new PageWriter(admin, maxRetries, requireNonNull(backoff, "backoff is null"), this::isCancelled);
    }

    public ColumnDefault column() {
        return column;
    }

    @Override
    protected String describe() {
        return "backfill of " + index + "." + column.field();
    }

    @Override
    protected Long work() {
        return backfill();
    }

    private long backfill() {
        String what = "giving " + index + "." + column.field() + " its default " + column.value();
        admin.refresh(index);
        String pit = admin.openPointInTime(index, PitPage.KEEP_ALIVE);
        long[] counts = new long[3];
        try {
            JsonArray after = null;
            while (true) {
                if (isCancelled()) {
                    throw new CancellationException(what + " was cancelled");
                }
                JsonObject page = admin.search(PitPage.body(pageSize, pit, query(), after));
                pit = page.getString("pit_id", pit);
                JsonArray hits = page.getJsonObject("hits").getJsonArray("hits");
                if (hits.isEmpty()) {
                    break;
                }
                List<byte[]> items = new ArrayList<>(hits.size());
                for (JsonValue hit : hits) {
                    byte[] item = item(hit.asJsonObject());
                    if (item != null) {
                        items.add(item);
                    }
                }
                pages.send(what, items, new PageWriter.Outcomes() {
                    @Override
                    public void acknowledged() {
                        counts[0]++;
                    }

                    @Override
                    public void superseded() {
                        counts[1]++;
                    }

                    @Override
                    public void rejected(BulkResponse.ItemResult item) {
                        if (++counts[2] <= 10) {
                            LOG.warn("Backfill of {}.{}: Elasticsearch rejected a document (HTTP {}: {})", index, column.field(),
                                    item.status(), item.errorReason());
                        }
                    }
                });
                after = hits.getJsonObject(hits.size() - 1).getJsonArray("sort");
            }
        } finally {
            admin.closePointInTime(pit);
        }
        LOG.info("Backfill of {}.{} (column added at position {} with default {}): {} documents given the default, {} changed"
                + " meanwhile, {} rejected", index, column.field(), column.position(), column.value(), counts[0], counts[1], counts[2]);
        return counts[0];
    }

    private Map<String, Object> query() {
        return Map.of("bool", Map.of("must_not", List.of(Map.of("exists", Map.of("field", column.field())),
                Map.of("term", Map.of(MappingBuilder.DELETED_FIELD, true)))));
    }

    /** The action re-indexing a hit with the default, or null when it was written after the column was added. */
    private byte[] item(JsonObject hit) {
        long version = hit.getJsonNumber("_version").longValue();
        if (version >= column.position()) {
            return null;
        }
        JsonObject source = JSON.createObjectBuilder(hit.getJsonObject("_source")).add(column.field(), column.value()).build();
        StringBuilder text = new StringBuilder(256);
        text.append("{\"index\":{\"_index\":");
        Json.appendString(text, index);
        text.append(",\"_id\":");
        Json.appendString(text, hit.getString("_id"));
        text.append(",\"version\":").append(version).append(",\"version_type\":\"external_gte\"}}\n").append(source).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
