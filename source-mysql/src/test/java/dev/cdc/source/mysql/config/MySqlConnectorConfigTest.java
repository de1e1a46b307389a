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
                "bigint.unsigned.handling.mode", "snapshot.ondemand.id", "snapshot.ondemand.tables", "signal.data.collection");
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

    @Test
    void onDemandSnapshotTablesAreDatabaseDotTableAndNeedAnId() {
        assertThat(MySqlConnectorConfig.parse(ConfigFixtures.minimal()).onDemandSnapshot().request()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MySqlConnectorConfig.parse(ConfigFixtures.with("snapshot.ondemand.id", "2026-11-25")))
                .hasMessageContaining("snapshot.ondemand.id is 2026-11-25 but snapshot.ondemand.tables names no table");
        java.util.Map<String, String> both = new java.util.HashMap<>(ConfigFixtures.with("snapshot.ondemand.id", "2026-11-25"));
        both.put("snapshot.ondemand.tables", "shop.orders, shop.customers");
        assertThat(MySqlConnectorConfig.parse(both).onDemandSnapshot().request()).hasValueSatisfying(request -> {
            assertThat(request.id()).isEqualTo("2026-11-25");
            assertThat(request.tables()).containsExactly("shop.orders", "shop.customers");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MySqlConnectorConfig.parse(ConfigFixtures.with("snapshot.ondemand.tables", "orders")))
                .hasMessageContaining("snapshot.ondemand.tables").hasMessageContaining("orders")
                .hasMessageContaining("as database.table");
        assertThat(MySqlConnectorConfig.crossFieldProblems(java.util.Map.of("snapshot.ondemand.id", "x")))
                .extracting(ConfigProblem::key).containsExactly("snapshot.ondemand.tables");
    }
}
