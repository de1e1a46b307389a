package dev.cdc.source.postgres.it;

import static dev.cdc.source.postgres.it.TaskRunner.after;
import static dev.cdc.source.postgres.it.TaskRunner.op;
import static dev.cdc.source.postgres.it.TaskRunner.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdc.core.position.SourcePosition;

class StreamingIT {
    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("stream");
        database.execute("CREATE TABLE orders (id int PRIMARY KEY, name text NOT NULL, qty int)");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (runner != null) {
            runner.close();
        }
        database.close();
    }

    private TaskRunner startStreaming(Map<String, String> config) {
        TaskRunner started = TaskRunner.start(config);
        awaitSlotActive(database);
        return started;
    }

    static void awaitSlotActive(TestDatabase database) {
        await().atMost(Duration.ofSeconds(60)).until(() -> database.queryLong("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '"
                + database.slotName() + "' AND active") == 1);
    }

    private String topic() {
        return database.name() + ".public.orders";
    }

    @Test
    void transactionBecomesCreateUpdateDeleteTombstoneWithOrderedPositions() throws Exception {
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        runner = startStreaming(config);

        database.transaction("INSERT INTO orders VALUES (1, 'apple', 3)", "INSERT INTO orders VALUES (2, 'pear', 5)",
                "UPDATE orders SET qty = 4 WHERE id = 1", "DELETE FROM orders WHERE id = 2");
        database.execute("TRUNCATE orders");

        List<SourceRecord> records = runner.awaitRecords(topic(), 6);
        assertThat(records).extracting(TaskRunner::op).containsExactly("c", "c", "u", "d", null, "t");
        assertThat(((Struct) records.get(0).key()).getInt32("id")).isEqualTo(1);
        assertThat(after(records.get(0), "name")).isEqualTo("apple");
        assertThat(after(records.get(2), "qty")).isEqualTo(4);
        assertThat(((Struct) records.get(2).value()).get("before")).as("REPLICA IDENTITY DEFAULT, key unchanged: no before image").isNull();
        Struct deletedBefore = ((Struct) records.get(3).value()).getStruct("before");
        assertThat(deletedBefore.getInt32("id")).isEqualTo(2);
        assertThat(deletedBefore.get("name")).as("DEFAULT identity sends the key only").isNull();
        assertThat(records.get(4).key()).isEqualTo(records.get(3).key());
        assertThat(records.get(4).value()).isNull();
        assertThat(records.get(5).key()).isNull();

        Struct first = source(records.get(0));
        assertThat(first.getString("connector")).isEqualTo("postgresql");
        assertThat(first.getString("name")).isEqualTo(database.name());
        assertThat(first.getString("db")).isEqualTo(database.name());
        assertThat(first.getString("schema")).isEqualTo("public");
        assertThat(first.getString("table")).isEqualTo("orders");
        assertThat(first.getString("snapshot")).isEqualTo("false");
        assertThat(first.getInt64("txId")).isPositive();
        assertThat(first.getString("sequence")).matches("\\[(null|\"\\d+\"),\"" + first.getInt64("lsn") + "\"\\]");

        long commitLsn = SourcePosition.postgresCommitLsn(first.getInt64("position"));
        for (int i = 0; i < 4; i++) {
            long position = source(records.get(i)).getInt64("position");
            assertThat(SourcePosition.postgresCommitLsn(position)).isEqualTo(commitLsn);
            assertThat(SourcePosition.postgresIndex(position)).isEqualTo(i);
            assertThat(source(records.get(i)).getInt64("txId")).isEqualTo(first.getInt64("txId"));
            assertThat(((Struct) records.get(i).value()).getStruct("transaction").getInt64("total_order")).isEqualTo(i + 1);
        }
        assertThat(source(records.get(1)).getInt64("lsn")).isGreaterThan(first.getInt64("lsn"));
        assertThat(source(records.get(5)).getInt64("position")).isGreaterThan(source(records.get(3)).getInt64("position"));
        assertThat(commitLsn).isGreaterThan(source(records.get(3)).getInt64("lsn"));
    }

    @Test
    void primaryKeyChangeIsDeleteTombstoneCreate() throws Exception {
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        runner = startStreaming(config);

        database.execute("INSERT INTO orders VALUES (1, 'apple', 3)", "UPDATE orders SET id = 10 WHERE id = 1");

        List<SourceRecord> records = runner.awaitRecords(topic(), 4);
        assertThat(records).extracting(TaskRunner::op).containsExactly("c", "d", null, "c");
        assertThat(((Struct) records.get(1).key()).getInt32("id")).isEqualTo(1);
        assertThat(((Struct) records.get(3).key()).getInt32("id")).isEqualTo(10);
    }

    @Test
    void restartInsideATransactionNeitherLosesNorRepeats() throws Exception {
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        runner = startStreaming(config);
        database.transaction("INSERT INTO orders VALUES (1, 'a', 1)", "INSERT INTO orders VALUES (2, 'b', 2)",
                "INSERT INTO orders VALUES (3, 'c', 3)");
        List<SourceRecord> firstRun = runner.awaitRecords(topic(), 3);
        runner.commitThrough(firstRun.get(1));

        runner = runner.restart();
        awaitSlotActive(database);
        database.execute("INSERT INTO orders VALUES (4, 'd', 4)");

        List<SourceRecord> secondRun = runner.awaitRecords(topic(), 2);
        assertThat(secondRun).extracting(record -> ((Struct) record.key()).getInt32("id")).containsExactly(3, 4);
        assertThat(source(secondRun.get(0)).getInt64("position")).isEqualTo(source(firstRun.get(2)).getInt64("position"));

        runner.commit();
        runner = runner.restart();
        awaitSlotActive(database);
        database.execute("INSERT INTO orders VALUES (5, 'e', 5)");
        List<SourceRecord> thirdRun = runner.awaitRecords(topic(), 1);
        assertThat(thirdRun).extracting(record -> ((Struct) record.key()).getInt32("id")).containsExactly(5);
    }

    @Test
    void committedOffsetIsConfirmedToTheSlotAndNeverMore() throws Exception {
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        runner = startStreaming(config);
        long createdAt = confirmedFlushLsn();
        database.execute("INSERT INTO orders VALUES (1, 'a', 1)");
        database.execute("INSERT INTO orders VALUES (2, 'b', 2)");
        List<SourceRecord> records = runner.awaitRecords(topic(), 2);
        assertThat(confirmedFlushLsn()).as("nothing committed yet").isEqualTo(createdAt);

        runner.commitThrough(records.get(0));

        long committedLsn = ((Number) records.get(0).sourceOffset().get("lsn")).longValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> confirmedFlushLsn() == committedLsn);
        assertThat(committedLsn).as("confirmed no further than the committed offset, before the second transaction's commit")
                .isLessThanOrEqualTo(source(records.get(1)).getInt64("lsn"))
                .isLessThan(SourcePosition.postgresCommitLsn(source(records.get(1)).getInt64("position")));
    }

    private long confirmedFlushLsn() throws Exception {
        return database.queryLong("SELECT confirmed_flush_lsn - '0/0' FROM pg_replication_slots WHERE slot_name = '"
                + database.slotName() + "'");
    }
}
