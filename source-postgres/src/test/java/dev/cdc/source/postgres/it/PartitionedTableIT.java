package dev.cdc.source.postgres.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partitioned table is captured under its own name: the snapshot reads it (all partitions), and
 * the stream gets its changes under its name because the publication the connector creates has
 * {@code publish_via_partition_root = true}. A user's publication without the option publishes the
 * partitions under their own names.
 */
class PartitionedTableIT {
    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void createPartitionedTable() throws Exception {
        database = TestDatabase.create("partitioned");
        database.execute("CREATE TABLE measurements (id int, region text, qty int, PRIMARY KEY (id, region)) PARTITION BY LIST (region)",
                "CREATE TABLE measurements_eu PARTITION OF measurements FOR VALUES IN ('eu')",
                "CREATE TABLE measurements_us PARTITION OF measurements FOR VALUES IN ('us')",
                "INSERT INTO measurements VALUES (1, 'eu', 10), (2, 'us', 20)");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (runner != null) {
            runner.close();
        }
        database.close();
    }

    private String topic(String table) {
        return database.name() + ".public." + table;
    }

    @Test
    void snapshotAndChangesOfEveryPartitionGoToThePartitionedTablesTopic() throws Exception {
        runner = TaskRunner.start(TaskRunner.config(database));
        runner.awaitRecords(topic("measurements"), 2);
        StreamingIT.awaitSlotActive(database);
        assertThat(database.queryLong("SELECT count(*) FROM pg_publication WHERE pubname = '" + database.name() + "_pub'"
                + " AND pubviaroot")).as("created with publish_via_partition_root = true").isEqualTo(1);

        database.execute("INSERT INTO measurements VALUES (3, 'us', 30)", "UPDATE measurements SET qty = 11 WHERE id = 1",
                "DELETE FROM measurements WHERE id = 2");

        List<SourceRecord> records = runner.awaitRecords(topic("measurements"), 6);
        assertThat(records).extracting(TaskRunner::op).containsExactly("r", "r", "c", "u", "d", null);
        assertThat(records).extracting(record -> ((Struct) record.key()).getInt32("id")).containsExactly(1, 2, 3, 1, 2, 2);
        assertThat(TaskRunner.after(records.get(2), "region")).isEqualTo("us");
        assertThat(TaskRunner.after(records.get(3), "qty")).isEqualTo(11);
        assertThat(TaskRunner.source(records.get(3)).getString("table")).isEqualTo("measurements");
        assertThat(runner.records()).extracting(SourceRecord::topic).as("no partition appears as a table of its own")
                .doesNotContain(topic("measurements_eu"), topic("measurements_us"));
        assertThat(SchemaEvents.collected(runner, database)).extracting(event -> event.table().table())
                .as("pgoutput also sends the partitions' Relation messages; they are no tables").containsExactly("measurements");
    }

    @Test
    void anExistingFilteredPublicationGetsPublishViaPartitionRoot() throws Exception {
        database.execute("CREATE PUBLICATION " + database.name() + "_pub FOR TABLE measurements");
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        runner = TaskRunner.start(config);
        StreamingIT.awaitSlotActive(database);

        database.execute("INSERT INTO measurements VALUES (3, 'eu', 30)");

        SourceRecord created = runner.awaitRecords(topic("measurements"), 1).get(0);
        assertThat(((Struct) created.key()).getInt32("id")).isEqualTo(3);
        assertThat(database.queryLong("SELECT count(*) FROM pg_publication WHERE pubname = '" + database.name() + "_pub'"
                + " AND pubviaroot")).isEqualTo(1);
    }

    @Test
    void aUserPublicationWithoutTheOptionPublishesThePartitionsUnderTheirOwnNames() throws Exception {
        database.execute("CREATE PUBLICATION " + database.name() + "_pub FOR TABLE measurements");
        Map<String, String> config = TaskRunner.config(database);
        config.put("publication.autocreate.mode", "disabled");
        config.put("snapshot.mode", "no_data");
        runner = TaskRunner.start(config);
        StreamingIT.awaitSlotActive(database);

        database.execute("INSERT INTO measurements VALUES (3, 'eu', 30)", "INSERT INTO measurements VALUES (4, 'us', 40)");

        assertThat(runner.awaitRecords(topic("measurements_us"), 1)).extracting(TaskRunner::op).containsExactly("c");
        assertThat(runner.records(topic("measurements_eu"))).extracting(TaskRunner::op).containsExactly("c");
        assertThat(runner.records(topic("measurements"))).isEmpty();
        assertThat(database.queryLong("SELECT count(*) FROM pg_publication WHERE pubname = '" + database.name() + "_pub'"
                + " AND pubviaroot")).as("left as it is").isZero();
    }
}
