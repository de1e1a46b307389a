package dev.cdc.source.mysql;

import static org.awaitility.Awaitility.await;

import dev.cdc.core.event.Envelope;
import dev.cdc.schema.event.SchemaChangeEventParser;
import dev.cdc.source.mysql.snapshot.SnapshotHooks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A {@link MySqlSourceTask} driven as Connect drives it: started with a fake context, polled on
 * the test's thread, its records kept in order; {@link #commitAll} plays Connect's offset commit.
 */
final class RunningTask implements AutoCloseable {
    private final MySqlSourceTask task;
    private final FakeOffsetStorage offsets;
    private final List<SourceRecord> records = new CopyOnWriteArrayList<>();
    private final List<RetriableException> retriableErrors = new CopyOnWriteArrayList<>();

    private RunningTask(MySqlSourceTask task, FakeOffsetStorage offsets) {
        this.task = task;
        this.offsets = offsets;
    }

    static RunningTask start(Map<String, String> properties, FakeOffsetStorage offsets, SnapshotHooks hooks) {
        MySqlSourceTask task = new MySqlSourceTask(hooks, Clock.systemUTC());
        task.initialize(offsets.context(properties));
        task.start(properties);
        return new RunningTask(task, offsets);
    }

    /** Polls until {@code count} records match, and returns every record polled so far. */
    List<SourceRecord> awaitRecords(Predicate<SourceRecord> matching, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> {
            pollOnce();
            return records.stream().filter(matching).count() >= count;
        });
        return List.copyOf(records);
    }

    /** Polls until the predicate holds for the records polled so far. */
    void awaitUntil(Predicate<List<SourceRecord>> condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> {
            pollOnce();
            return condition.test(List.copyOf(records));
        });
    }

    private void pollOnce() throws InterruptedException {
        try {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
        } catch (RetriableException e) {
            retriableErrors.add(e);
        }
    }

    /** The retriable errors {@code poll()} threw; Connect logs them and polls again, as this harness does. */
    List<RetriableException> retriableErrors() {
        return List.copyOf(retriableErrors);
    }

    List<SourceRecord> records() {
        return List.copyOf(records);
    }

    /** Commits the offsets of every record polled so far. */
    void commitAll() {
        offsets.commit(records);
    }

    /** Commits the offsets of the first {@code count} records polled. */
    void commitFirst(int count) {
        offsets.commit(new ArrayList<>(records.subList(0, count)));
    }

    @Override
    public void close() {
        task.stop();
    }

    static boolean isChange(SourceRecord record, String topic) {
        return record.topic().equals(topic) && record.value() instanceof Struct;
    }

    static String op(SourceRecord record) {
        return ((Struct) record.value()).getString(Envelope.OPERATION);
    }

    static long position(SourceRecord record) {
        return ((Struct) record.value()).getStruct(Envelope.SOURCE).getInt64("position");
    }

    static Struct after(SourceRecord record) {
        return ((Struct) record.value()).getStruct(Envelope.AFTER);
    }

    static Struct before(SourceRecord record) {
        return ((Struct) record.value()).getStruct(Envelope.BEFORE);
    }

    static boolean isSchemaChange(SourceRecord record) {
        return record.value() instanceof Struct value && SchemaChangeEventParser.isOurs(value.schema());
    }
}
