package dev.cdc.source.postgres.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** While the captured table is idle and another table writes a lot, heartbeats let the slot release WAL. */
class HeartbeatIT {
    private static final long MB = 1024 * 1024;

    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void createTables() throws Exception {
        database = TestDatabase.create("heartbeat");
        database.execute("CREATE TABLE quiet (id int PRIMARY KEY)", "CREATE TABLE noise (id serial PRIMARY KEY, payload text)");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (runner != null) {
            runner.close();
        }
        database.close();
    }

    @Test
    void retainedWalStaysBoundedWhileOnlyAnUncapturedTableWrites() throws Exception {
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        config.put("table.include.list", "public\\.quiet");
        config.put("heartbeat.interval.ms", "100");
        runner = TaskRunner.start(config);
        StreamingIT.awaitSlotActive(database);
        long start = currentLsn();

        for (int batch = 0; batch < 10; batch++) {
            database.execute("INSERT INTO noise (payload) SELECT md5(g::text) || repeat('y', 200) FROM generate_series(1, 10000) g");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                runner.commit();
                return retainedBytes() < 2 * MB;
            });
        }

        assertThat(currentLsn() - start).as("WAL written by the uncaptured table").isGreaterThan(20 * MB);
        assertThat(runner.records(database.name() + ".public.quiet")).isEmpty();
        assertThat(runner.records("__debezium-heartbeat." + database.name())).isNotEmpty();
    }

    private long currentLsn() throws Exception {
        return database.queryLong("SELECT pg_current_wal_lsn() - '0/0'");
    }

    private long retainedBytes() throws Exception {
        return database.queryLong("SELECT pg_current_wal_lsn() - confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = '"
                + database.slotName() + "'");
    }
}
