package dev.cdc.source.postgres.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.cdc.source.postgres.PostgresSourceTask;
import dev.cdc.testkit.connect.FakeSourceTaskContext;

/**
 * Not a test: the throughput of the source task, run by hand on a quiet machine (CI skips it):
 * <pre>mvn -o -q -pl source-postgres verify -Dit.test=PostgresSourceBenchmarkIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true</pre>
 * <ol>
 *   <li>snapshot: 1,000,000 rows of an orders-like table, from {@code task.start()} to the last
 *   {@code op=r} record returned by {@code poll()};</li>
 *   <li>streaming: 500,000 inserts (500 transactions of 1,000 rows) written while the task is
 *   stopped, from the restart to the last {@code op=c} record.</li>
 * </ol>
 * Every record is converted by {@link JsonConverter} with {@code schemas.enable=true} (key and
 * value), so serialization is part of the cost, and offsets are committed after every batch, as a
 * worker would. Figures go to the module README.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PostgresSourceBenchmarkIT {
    private static final int SNAPSHOT_ROWS = 1_000_000;
    private static final int STREAM_ROWS = 500_000;
    private static final int ROWS_PER_TRANSACTION = 1_000;

    private final JsonConverter keys = converter(true);
    private final JsonConverter values = converter(false);
    private long bytes;

    @Test
    void snapshotAndStreamingThroughput() throws Exception {
        try (TestDatabase database = TestDatabase.create("bench")) {
            database.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL,"
                    + " amount numeric(12,2) NOT NULL, created_at timestamptz NOT NULL, note text)",
                    insert(1, SNAPSHOT_ROWS), "VACUUM ANALYZE orders");
            Map<String, String> config = TaskRunner.config(database);
            config.put("max.batch.size", "4096");
            config.put("max.queue.size", "16384");
            config.put("incremental.snapshot.chunk.size", "10000");
            FakeSourceTaskContext context = new FakeSourceTaskContext(config);

            PostgresSourceTask snapshotTask = start(context, config);
            long snapshotNanos = consume(snapshotTask, context, SNAPSHOT_ROWS, "r");
            snapshotTask.stop();

            for (long first = SNAPSHOT_ROWS + 1; first <= SNAPSHOT_ROWS + STREAM_ROWS; first += ROWS_PER_TRANSACTION) {
                database.execute(insert(first, first + ROWS_PER_TRANSACTION - 1));
            }
            PostgresSourceTask streamingTask = start(context, config);
            long streamingNanos = consume(streamingTask, context, STREAM_ROWS, "c");
            streamingTask.stop();

            System.out.printf(Locale.ROOT, "%nBENCHMARK machine: %d cores, %d MB max heap, Java %s, %s, %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                    serverVersion(database), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            report("snapshot", SNAPSHOT_ROWS, snapshotNanos);
            report("streaming", STREAM_ROWS, streamingNanos);
        }
    }

    private static String insert(long first, long last) {
        return "INSERT INTO orders SELECT i, (i % 10007)::int, (ARRAY['new','paid','shipped','returned'])[1 + i % 4],"
                + " (i % 100000) / 100.0, timestamptz '2024-01-01' + i * interval '1 second', 'note ' || i"
                + " FROM generate_series(" + first + ", " + last + ") i";
    }

    private static PostgresSourceTask start(FakeSourceTaskContext context, Map<String, String> config) {
        PostgresSourceTask task = new PostgresSourceTask();
        task.initialize(context);
        task.start(config);
        return task;
    }

    /** Polls until {@code count} records of operation {@code op}; returns the nanoseconds since the call. */
    private long consume(PostgresSourceTask task, FakeSourceTaskContext context, int count, String op) throws InterruptedException {
        long start = System.nanoTime();
        int seen = 0;
        while (seen < count) {
            List<SourceRecord> batch = task.poll();
            if (batch == null || batch.isEmpty()) {
                continue;
            }
            for (SourceRecord record : batch) {
                bytes += serialize(record);
                // schema-change events (one per table) have no op: count data records only
                if (record.valueSchema() != null && record.valueSchema().field("op") != null && op.equals(TaskRunner.op(record))) {
                    seen++;
                }
                context.commitOffset(record.sourcePartition(), record.sourceOffset());
            }
            task.commit();
        }
        long nanos = System.nanoTime() - start;
        assertThat(seen).isEqualTo(count);
        return nanos;
    }

    private int serialize(SourceRecord record) {
        byte[] key = keys.fromConnectData(record.topic(), record.keySchema(), record.key());
        byte[] value = values.fromConnectData(record.topic(), record.valueSchema(), record.value());
        return (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
    }

    private void report(String phase, int rows, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "BENCHMARK %s: %,d records in %.1f s = %,.0f records/s (JSON bytes so far %,d)%n", phase, rows,
                seconds, rows / seconds, bytes);
    }

    private static String serverVersion(TestDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('server_version')")) {
            rows.next();
            return "PostgreSQL " + rows.getString(1);
        }
    }

    private static JsonConverter converter(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), isKey);
        return converter;
    }
}
