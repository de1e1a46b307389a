package dev.cdc.source.mysql.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.core.config.ConfigProblem;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class MySqlConnectorConfigTest {
    @Test
    void declaresDebeziumKeyNames() {
        assertThat(MySqlConnectorConfig.CONFIG_DEF.names()).containsExactlyInAnyOrder(
                "database.hostname", "database.port", "database.user", "database.password", "database.server.id",
                "connect.timeout.ms", "topic.prefix", "max.batch.size", "max.queue.size", "max.queue.size.in.bytes",
                "poll.interval.ms", "heartbeat.interval.ms", "heartbeat.topics.prefix", "tombstones.on.delete", "database.include.list",
                "database.exclude.list", "table.include.list", "table.exclude.list", "column.exclude.list",
                "snapshot.mode", "incremental.snapshot.chunk.size", "event.deserialization.failure.handling.mode",
                "bigint.unsigned.handling.mode");
    }

    @Test
    void passwordIsAPassword() {
        assertThat(MySqlConnectorConfig.CONFIG_DEF.configKeys().get("database.password").type).isEqualTo(ConfigDef.Type.PASSWORD);
    }

    @Test
    void everyKeyIsDocumented() {
        for (ConfigDef.ConfigKey key : MySqlConnectorConfig.CONFIG_DEF.configKeys().values()) {
            assertThat(key.documentation).as(key.name).isNotBlank();
        }
    }

    @Test
    void ownKeysAreGrouped() {
        for (ConfigDef.ConfigKey key : MySqlConnectorConfig.CONFIG_DEF.configKeys().values()) {
            if (key.group != null) {
                assertThat(key.group).as(key.name).isIn(Set.of("Connection", "Events", "Filters", "Snapshot", "Decoding"));
            }
        }
        assertThat(MySqlConnectorConfig.CONFIG_DEF.configKeys().get("database.hostname").group).isEqualTo("Connection");
    }

    @Test
    void crossFieldProblemsAreAttachedToBothKeys() {
        var problems = MySqlConnectorConfig.crossFieldProblems(java.util.Map.of(
                "table.include.list", "a.b", "table.exclude.list", "a.c"));

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("table.include.list", "table.exclude.list");
        assertThat(problems).extracting(ConfigProblem::message)
                .containsOnly("table.include.list and table.exclude.list cannot both be set; keep one of them");
    }
}
