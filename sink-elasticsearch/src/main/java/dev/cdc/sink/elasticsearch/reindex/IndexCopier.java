package dev.cdc.sink.elasticsearch.reindex;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.bulk.Backoff;
import dev.cdc.sink.elasticsearch.bulk.BulkResponse;
import dev.cdc.sink.elasticsearch.document.Json;
import dev.cdc.sink.elasticsearch.index.IndexAdmin;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies an index into its successor on its own thread ({@code <task>-reindex-<n>}), out of the
 * task's write path, while the task keeps writing every change to both indexes:
 * <ol>
 *   <li>refresh the source, so the point in time sees every write the task made before the
 *       reindex began (the task waited for them);</li>
 *   <li>open a point in time over the source and page through it with {@code search_after} on
 *       {@code _shard_doc}, {@code reindex.batch.size} documents a page, tombstones included;</li>
 *   <li>write each page with one {@code _bulk} request, each document adapted, under its {@code _id} or,
 *       when the primary key changed, under the {@code _id} of its new key columns
 *       ({@link ReindexPlan#rekey()}; tombstones, which hold no columns, are left out),
 *       ({@link ReindexPlan#sourceToTarget()}) and versioned with its current {@code _version}
 *       and {@code version_type=external}: a document the task already wrote with the same or a
 *       newer position is never replaced (409, counted as superseded);</li>
 *   <li>refresh the target, so readers see it complete;</li>
 *   <li>move the alias from source to target in one {@code _aliases} request, keeping its filter.</li>
 * </ol>
 * Restarting the copy from the start is safe (versions make it idempotent); that is how a task
 * restart resumes it. The result completes the {@link #start() future}; a failure completes it
 * exceptionally and the task fails on its next call.
 */
public final class IndexCopier extends BackgroundJob<CopyResult> {
    private static final Logger LOG = LoggerFactory.getLogger(IndexCopier.class);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;
    private static final int MAX_REJECTIONS_LOGGED = 10;

    private final IndexAdmin admin;
    private final ReindexPlan plan;
    private final DocumentAdapter adapter;
    private final int pageSize;
    private final PageWriter pages;

    public IndexCopier(IndexAdmin admin, ReindexPlan plan, int pageSize, int maxRetries, Backoff backoff, String threadName) {
        super(threadName);
        this.admin = requireNonNull(admin, "admin is null");
        this.plan = requireNonNull(plan, "plan is null");
        this.adapter = plan.sourceToTarget();
        this.pageSize = pageSize;
        this.pages = new PageWriter(admin, maxRetries, requireNonNull(backoff, "backoff is null"), this::isCancelled);
    }

    public ReindexPlan plan() {
        return plan;
    }

    @Override
    protected String describe() {
        return "reindex of " + plan.source() + " into " + plan.target();
    }

    @Override
    protected CopyResult work() {
        return copy();
    }

    private CopyResult copy() {
        String name = plan.source() + " -> " + plan.target();
        LOG.info("Reindex step 1: {}: refreshing {} ({}) ", name, plan.source(), adapter);
        admin.refresh(plan.source());
        long total = admin.count(plan.source());
        String pit = admin.openPointInTime(plan.source(), PitPage.KEEP_ALIVE);
        LOG.info("Reindex step 2: {}: copying {} documents in pages of {}", name, total, pageSize);
        CopyResult.Counter counter = new CopyResult.Counter();
        long lastLog = System.nanoTime();
        try {
            JsonArray after = null;
            while (true) {
                checkCancelled();
                JsonObject page = admin.search(PitPage.body(pageSize, pit, null, after));
                pit = page.getString("pit_id", pit);
                JsonArray hits = page.getJsonObject("hits").getJsonArray("hits");
                if (hits.isEmpty()) {
                    break;
                }
                copyPage(hits, counter);
                after = hits.getJsonObject(hits.size() - 1).getJsonArray("sort");
                if (System.nanoTime() - lastLog > PROGRESS_EVERY_NANOS) {
                    lastLog = System.nanoTime();
                    LOG.info("Reindex step 2: {}: {} of {} documents done ({})", name, counter.read(), total, counter.result());
                }
            }
        } finally {
            admin.closePointInTime(pit);
        }
        checkCancelled();
        CopyResult done = counter.result();
        LOG.info("Reindex step 3: {}: copied ({}); refreshing {}", name, done, plan.target());
        admin.refresh(plan.target());
        checkCancelled();
        admin.swapAlias(plan.alias(), plan.source(), plan.target());
        LOG.info("Reindex step 4: {}: alias {} moved to {}", name, plan.alias(), plan.target());
        return done;
    }

    private void copyPage(JsonArray hits, CopyResult.Counter counter) {
        List<byte[]> items = new ArrayList<>(hits.size());
        for (JsonValue hit : hits) {
            JsonObject document = hit.asJsonObject();
            JsonObject source = document.getJsonObject("_source");
            String id = plan.rekey() == null ? document.getString("_id") : plan.rekey().idOfDocument(source);
            if (id == null) {
                counter.unkeyed();
                continue;
            }
            DocumentAdapter.Adapted adapted = adapter.adapt(source);
            counter.dropped(adapted.droppedValues());
            items.add(item(id, document.getJsonNumber("_version").longValue(), adapted.source()));
        }
        counter.read(hits.size());
        send(items, counter);
    }

    private byte[] item(String id, long version, String source) {
        StringBuilder text = new StringBuilder(source.length() + 128);
        text.append("{\"index\":{\"_index\":");
        Json.appendString(text, plan.target());
        text.append(",\"_id\":");
        Json.appendString(text, id);
        text.append(",\"version\":").append(version).append(",\"version_type\":\"external\"}}\n").append(source).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void send(List<byte[]> items, CopyResult.Counter counter) {
        pages.send("copying into " + plan.target(), items, new PageWriter.Outcomes() {
            @Override
            public void acknowledged() {
                counter.copied();
            }

            @Override
            public void superseded() {
                counter.superseded();
            }

            @Override
            public void rejected(BulkResponse.ItemResult item) {
                if (counter.rejected() <= MAX_REJECTIONS_LOGGED) {
                    LOG.warn("Reindex into {}: Elasticsearch rejected a document (HTTP {}: {}); it is left out", plan.target(),
                            item.status(), item.errorReason());
                }
            }
        });
    }

    private void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("the reindex into " + plan.target() + " was cancelled");
        }
    }
}
