package dev.cdc.sink.elasticsearch;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.errors.CauseChain;
import dev.cdc.sink.elasticsearch.bulk.Backoff;
import dev.cdc.sink.elasticsearch.bulk.BulkWriter;
import dev.cdc.sink.elasticsearch.bulk.OffsetTracker;
import dev.cdc.sink.elasticsearch.bulk.Sleeper;
import dev.cdc.sink.elasticsearch.client.ElasticsearchClient;
import dev.cdc.sink.elasticsearch.config.BulkConfig;
import dev.cdc.sink.elasticsearch.config.DecimalMapping;
import dev.cdc.sink.elasticsearch.config.ElasticsearchSinkConfig;
import dev.cdc.sink.elasticsearch.config.IndexConfig;
import dev.cdc.sink.elasticsearch.config.RecordFormat;
import dev.cdc.sink.elasticsearch.event.ChangeEventReader;
import dev.cdc.sink.elasticsearch.event.EnvelopeEventReader;
import dev.cdc.sink.elasticsearch.event.FlatEventReader;
import dev.cdc.sink.elasticsearch.index.IndexAdmin;
import dev.cdc.sink.elasticsearch.index.IndexManager;
import dev.cdc.sink.elasticsearch.index.ReindexSettings;
import dev.cdc.sink.elasticsearch.mapping.MappingBuilder;
import dev.cdc.sink.elasticsearch.toast.MultiGetDocuments;
import dev.cdc.sink.elasticsearch.toast.StoredValueMerger;
import java.io.IOException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;

/**
 * Wires the parts of a task: client, index manager, bulk writer, offset tracker, record writer.
 * Connects at once and fails with a clear message when Elasticsearch cannot be reached or lacks
 * what the config needs.
 */
final class SinkComponents implements AutoCloseable {
    private final ElasticsearchClient client;
    private final BulkWriter bulk;
    private final OffsetTracker offsets;
    private final ChangeWriter writer;
    private final IndexManager indexes;

    private SinkComponents(ElasticsearchClient client, BulkWriter bulk, OffsetTracker offsets, ChangeWriter writer, IndexManager indexes) {
        this.client = client;
        this.bulk = bulk;
        this.offsets = offsets;
        this.writer = writer;
        this.indexes = indexes;
    }

    static SinkComponents start(ElasticsearchSinkConfig config, ErrantRecordReporter reporter, String name) {
        requireNonNull(config, "config is null");
        ElasticsearchClient client = ElasticsearchClient.create(config.connection(), name);
        try {
            BulkConfig bulkConfig = config.bulk();
            IndexAdmin admin = new IndexAdmin(client, new Backoff(bulkConfig.retryBackoffMs(), bulkConfig.retryBackoffMaxMs()),
                    bulkConfig.maxRetries(), Sleeper.SYSTEM);
            checkServer(admin, config);
            IndexConfig index = config.index();
            ErrantRecordRouter errors = new ErrantRecordRouter(reporter);
            BulkWriter bulk = new BulkWriter(bulkConfig, client::bulk, errors, Sleeper.SYSTEM, System::nanoTime, name, client.urls());
            ReindexSettings reindex = new ReindexSettings(index.reindexBatchSize(), bulkConfig.maxRetries(),
                    new Backoff(bulkConfig.retryBackoffMs(), bulkConfig.retryBackoffMaxMs()), name, index.dropOldIndex());
            StoredValueMerger storedValues = new StoredValueMerger(bulk, new MultiGetDocuments(admin));
            Runnable writeBarrier = () -> {
                storedValues.resolve();
                bulk.awaitAll();
            };
            IndexManager indexes = new IndexManager(admin,
                    new MappingBuilder(index.decimalMapping(), index.stringMapping(), index.jsonMapping()), reindex, writeBarrier);
            OffsetTracker offsets = new OffsetTracker();
            ChangeWriter writer = new ChangeWriter(config, reader(config), indexes, bulk, storedValues, offsets, errors);
            return new SinkComponents(client, bulk, offsets, writer, indexes);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
    }

    /** Stage two of validation: the server answers and has what the config needs. */
    static void checkServer(IndexAdmin admin, ElasticsearchSinkConfig config) {
        try {
            admin.awaitHealth();
        } catch (RuntimeException e) {
            throw new ConnectException("cannot reach Elasticsearch at " + config.connection().describeUrls() + ": "
                    + CauseChain.describe(e) + "; check connection.url, the credentials and that the server runs", e);
        }
        if (config.index().decimalMapping() == DecimalMapping.SCALED_FLOAT && !admin.everyNodeHasModule("mapper-extras")) {
            throw new ConnectException("decimal.mapping=scaled_float needs the mapper-extras module, which Elasticsearch at "
                    + config.connection().describeUrls() + " does not have; use decimal.mapping=keyword (exact) or double");
        }
    }

    private static ChangeEventReader reader(ElasticsearchSinkConfig config) {
        return config.records().format() == RecordFormat.FLAT
                ? new FlatEventReader(config.records().flatPositionField())
                : new EnvelopeEventReader();
    }

    ChangeWriter writer() {
        return writer;
    }

    BulkWriter bulk() {
        return bulk;
    }

    OffsetTracker offsets() {
        return offsets;
    }

    IndexManager indexes() {
        return indexes;
    }

    @Override
    public void close() {
        indexes.close();
        bulk.close();
        closeQuietly(client);
    }

    private static void closeQuietly(ElasticsearchClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }
}
