package dev.cdc.testkit.connect;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * A hand-written sink task context for driving a {@code SinkTask} directly in tests: it hands
 * out the given configuration and errant-record reporter (null = none, as on a worker with
 * {@code errors.tolerance=none} and no dead letter queue) and ignores offset, pause and commit
 * requests.
 */
public final class FakeSinkTaskContext implements SinkTaskContext {
    private final Map<String, String> configs;
    private final ErrantRecordReporter reporter;

    public FakeSinkTaskContext(Map<String, String> configs, ErrantRecordReporter reporter) {
        this.configs = Map.copyOf(configs);
        this.reporter = reporter;
    }

    public FakeSinkTaskContext(ErrantRecordReporter reporter) {
        this(Map.of(), reporter);
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
    }

    @Override
    public void offset(TopicPartition partition, long offset) {
    }

    @Override
    public void timeout(long timeoutMs) {
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return reporter;
    }

    /** No plugin metrics in tests. */
    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
