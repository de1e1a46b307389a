package dev.cdc.source.postgres.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdc.source.postgres.PostgresSourceConnector;

class StartupChecksIT {
    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void createTable() throws Exception {
        database = TestDatabase.create("checks");
        database.execute("CREATE TABLE orders (id int PRIMARY KEY, name text)");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (runner != null) {
            runner.close();
        }
        database.close();
    }

    @Test
    void replicaIdentityNothingStopsTheStartWithTheFix() throws Exception {
        database.execute("ALTER TABLE orders REPLICA IDENTITY NOTHING");

        runner = TaskRunner.start(TaskRunner.config(database));

        assertThat(runner.awaitFailure()).hasMessageContaining("public.orders").hasMessageContaining("REPLICA IDENTITY NOTHING")
                .hasMessageContaining("ALTER TABLE <table> REPLICA IDENTITY DEFAULT");
    }

    @Test
    void droppedSlotIsAClearErrorAndWhenNeededSnapshotsAgain() throws Exception {
        Map<String, String> config = TaskRunner.config(database);
        config.put("snapshot.mode", "no_data");
        runner = TaskRunner.start(config);
        StreamingIT.awaitSlotActive(database);
        database.execute("INSERT INTO orders VALUES (1, 'a')");
        runner.awaitRecords(database.name() + ".public.orders", 1);
        runner.commit();
        runner.close();
        database.execute("SELECT pg_drop_replication_slot('" + database.slotName() + "')");

        runner = runner.restart();
        assertThat(runner.awaitFailure()).hasMessageContaining("replication slot '" + database.slotName() + "' does not exist")
                .hasMessageContaining("changes made since are lost").hasMessageContaining("snapshot.mode=when_needed");

        config.put("snapshot.mode", "when_needed");
        runner = runner.restart();
        List<SourceRecord> records = runner.awaitRecords(database.name() + ".public.orders", 1);
        assertThat(records).extracting(TaskRunner::op).containsExactly("r");
    }

    @Test
    void validationChecksFieldsThenLogsIn() throws Exception {
        PostgresSourceConnector connector = new PostgresSourceConnector();
        Map<String, String> config = TaskRunner.config(database);

        assertThat(errors(connector.validate(config))).isEmpty();

        config.put("database.password", "wrong");
        Config wrongPassword = connector.validate(config);
        assertThat(errors(wrongPassword, "database.password")).singleElement().asString()
                .contains("refused the login of 'cdc'").contains("SQLSTATE 28P01");

        config.put("plugin.name", "decoderbufs");
        config.put("max.queue.size", "10");
        Config badFields = connector.validate(config);
        assertThat(errors(badFields, "plugin.name")).singleElement().asString()
                .startsWith("Invalid value decoderbufs for configuration plugin.name").contains("set plugin.name=pgoutput");
        assertThat(errors(badFields, "max.queue.size")).singleElement().asString().contains("must be larger than max.batch.size");
    }

    private static List<String> errors(Config config) {
        return config.configValues().stream().flatMap(value -> value.errorMessages().stream()).toList();
    }

    private static List<String> errors(Config config, String key) {
        return config.configValues().stream().filter(value -> value.name().equals(key)).map(ConfigValue::errorMessages)
                .findFirst().orElseThrow();
    }
}
