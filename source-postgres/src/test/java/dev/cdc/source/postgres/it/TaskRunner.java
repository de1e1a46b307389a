package dev.cdc.source.postgres.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import dev.cdc.source.postgres.PostgresSourceTask;
import dev.cdc.source.postgres.snapshot.ReSnapshotHooks;
import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import dev.cdc.testkit.connect.FakeSourceTaskContext;

/**
 * Drives a {@link PostgresSourceTask} as a Connect worker would: a polling thread collects
 * records; {@link #commit()} stores the offset of the last collected record as committed and
 * calls {@code task.commit()}.
 */
public final class TaskRunner implements AutoCloseable {
    private final PostgresSourceTask task;
    private final FakeSourceTaskContext context;
    private final Map<String, String> config;
    private final List<SourceRecord> records = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private final Thread poller;

    private TaskRunner(Map<String, String> config, FakeSourceTaskContext context, ReSnapshotHooks hooks) {
        this.task = new PostgresSourceTask(hooks);
        this.config = config;
        this.context = context;
        task.initialize(context);
        task.start(config);
        poller = new Thread(this::pollLoop, "test-poller");
        poller.setDaemon(true);
        poller.start();
    }

    /** The connector configuration of a test database, with a unique prefix, slot and publication. */
    public static Map<String, String> config(TestDatabase database) {
        TestStack stack = TestStack.get();
        Credentials user = stack.postgresConnectorUser();
        Map<String, String> config = new HashMap<>();
        config.put("database.hostname", stack.postgresHost());
        config.put("database.port", Integer.toString(stack.postgresPort()));
        config.put("database.user", user.user());
        config.put("database.password", user.password());
        config.put("database.dbname", database.name());
        config.put("topic.prefix", database.name());
        config.put("slot.name", database.slotName());
        config.put("publication.name", database.name() + "_pub");
        config.put("publication.autocreate.mode", "filtered");
        config.put("poll.interval.ms", "50");
        return config;
    }

    public static TaskRunner start(Map<String, String> config) {
        return start(config, ReSnapshotHooks.NONE);
    }

    /** A task whose re-snapshot chunks run {@code hooks} between their watermarks. */
    public static TaskRunner start(Map<String, String> config, ReSnapshotHooks hooks) {
        return new TaskRunner(config, new FakeSourceTaskContext(config), hooks);
    }

    /** A new task on the same offset store, as after a worker restart. */
    public TaskRunner restart() {
        close();
        return new TaskRunner(config, context, ReSnapshotHooks.NONE);
    }

    private void pollLoop() {
        while (running) {
            try {
                List<SourceRecord> batch = task.poll();
                if (batch != null) {
                    records.addAll(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                failures.add(e);
                if (!(e instanceof org.apache.kafka.connect.errors.RetriableException)) {
                    return;
                }
            }
        }
    }

    public List<SourceRecord> records() {
        return new ArrayList<>(records);
    }

    public List<Throwable> failures() {
        return new ArrayList<>(failures);
    }

    /** Records of a topic (including tombstones). */
    public List<SourceRecord> records(String topic) {
        return records.stream().filter(record -> record.topic().equals(topic)).toList();
    }

    /** Waits until the topic has at least {@code count} records and returns them. */
    public List<SourceRecord> awaitRecords(String topic, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).failFast(() -> !failures.isEmpty()
                && !(failures.get(0) instanceof org.apache.kafka.connect.errors.RetriableException))
                .until(() -> records(topic).size() >= count);
        return records(topic);
    }

    /** Waits until some record matches. */
    public SourceRecord awaitRecord(Predicate<SourceRecord> predicate) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> records.stream().anyMatch(predicate));
        return records.stream().filter(predicate).findFirst().orElseThrow();
    }

    /** Waits for the first failure of the task. */
    public Throwable awaitFailure() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !failures.isEmpty());
        return failures.get(0);
    }

    /** Commits the offset of the last collected record, as Connect does after Kafka acknowledged it. */
    public void commit() {
        if (records.isEmpty()) {
            return;
        }
        commitThrough(records.get(records.size() - 1));
    }

    /**
     * Commits the offsets of the records up to and including {@code record}: per source partition
     * the offset of its last record, as Connect does once Kafka acknowledged them.
     */
    public void commitThrough(SourceRecord record) {
        List<SourceRecord> collected = records();
        int last = -1;
        for (int i = 0; i < collected.size(); i++) {
            if (collected.get(i) == record) {
                last = i;
            }
        }
        if (last < 0) {
            throw new IllegalArgumentException("not a collected record: " + record);
        }
        for (SourceRecord each : collected.subList(0, last + 1)) {
            context.commitOffset(each.sourcePartition(), each.sourceOffset());
        }
        task.commit();
    }

    /** A configuration that connects as the superuser (which may create publications FOR ALL TABLES and event triggers). */
    public static Map<String, String> superuserConfig(TestDatabase database) {
        Map<String, String> config = config(database);
        Credentials admin = TestStack.get().postgresAdminUser();
        config.put("database.user", admin.user());
        config.put("database.password", admin.password());
        return config;
    }

    public FakeSourceTaskContext context() {
        return context;
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        task.stop();
    }

    /** The value struct's field, for short assertions. */
    public static Object after(SourceRecord record, String field) {
        return ((Struct) ((Struct) record.value()).get("after")).get(field);
    }

    public static String op(SourceRecord record) {
        return record.value() == null ? null : ((Struct) record.value()).getString("op");
    }

    public static Struct source(SourceRecord record) {
        return ((Struct) record.value()).getStruct("source");
    }
}
