package dev.cdc.source.postgres.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.cdc.schema.TableId;
import dev.cdc.source.postgres.config.PostgresConnectorConfig;

class StartupChecksTest {
    private static final String ADDRESS = "db:5432/inventory";

    private static PostgresConnectorConfig config(String... keyValues) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of("database.hostname", "db", "database.user", "cdc",
                "database.dbname", "inventory", "topic.prefix", "inventory", "publication.autocreate.mode", "filtered"));
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return PostgresConnectorConfig.parse(properties);
    }

    private static ServerFacts facts(String walLevel, boolean replication, int slotsInUse, Optional<SlotState> slot, List<TableInfo> tables) {
        return new ServerFacts(150018, walLevel, "cdc", false, replication, 10, slotsInUse, slot, true, tables);
    }

    private static ServerFacts healthy() {
        return facts("logical", true, 0, Optional.empty(), List.of());
    }

    private static SlotState slot(long confirmed, String walStatus) {
        return new SlotState("debezium", "pgoutput", "inventory", false, 0, confirmed, confirmed, walStatus);
    }

    private static TableInfo table(String name, char identity, List<String> key) {
        return new TableInfo(1, TableId.of("inventory", "public", name), identity, key, 0);
    }

    private static List<ServerProblem> problems(ServerFacts facts, PostgresConnectorConfig config, OptionalLong offset) {
        return StartupChecks.problems(facts, config, offset, ADDRESS);
    }

    @Test
    void healthyServerHasNoProblem() {
        assertThat(problems(healthy(), config(), OptionalLong.empty())).isEmpty();
    }

    @Test
    void walLevelMustBeLogical() {
        assertThat(problems(facts("replica", true, 0, Optional.empty(), List.of()), config(), OptionalLong.empty()))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.isError()).isTrue();
                    assertThat(problem.message()).contains("wal_level is 'replica' on db:5432/inventory")
                            .contains("ALTER SYSTEM SET wal_level = logical");
                });
    }

    @Test
    void replicationPrivilegeIsNeeded() {
        assertThat(problems(facts("logical", false, 0, Optional.empty(), List.of()), config(), OptionalLong.empty()))
                .singleElement().extracting(ServerProblem::message).asString().contains("ALTER ROLE \"cdc\" REPLICATION");
    }

    @Test
    void noFreeSlotForANewSlot() {
        assertThat(problems(facts("logical", true, 10, Optional.empty(), List.of()), config(), OptionalLong.empty()))
                .singleElement().extracting(ServerProblem::message).asString().contains("all 10 replication slots are in use")
                .contains("max_replication_slots");
        assertThat(problems(facts("logical", true, 10, Optional.of(slot(100, "reserved")), List.of()), config(), OptionalLong.empty()))
                .as("an existing slot needs no free one").isEmpty();
    }

    @Test
    void droppedSlotWithAnOffsetIsAnErrorUnlessWhenNeeded() {
        assertThat(problems(healthy(), config(), OptionalLong.of(0x16_0000_0000L))).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.message()).contains("'debezium' does not exist").contains("LSN 16/0").contains("snapshot.mode=when_needed");
        });
        assertThat(problems(healthy(), config("snapshot.mode", "when_needed"), OptionalLong.of(1))).singleElement()
                .extracting(ServerProblem::isError).isEqualTo(false);
    }

    @Test
    void invalidatedSlot() {
        assertThat(problems(facts("logical", true, 1, Optional.of(slot(100, "lost")), List.of()), config(), OptionalLong.of(100)))
                .singleElement().extracting(ServerProblem::message).asString().contains("invalidated (wal_status=lost)")
                .contains("pg_drop_replication_slot('debezium')");
    }

    @Test
    void slotAheadOfTheOffsetMeansLostChanges() {
        assertThat(problems(facts("logical", true, 1, Optional.of(slot(200, "reserved")), List.of()), config(), OptionalLong.of(100)))
                .singleElement().extracting(ServerProblem::check).isEqualTo("slot ahead of offset");
        assertThat(problems(facts("logical", true, 1, Optional.of(slot(100, "reserved")), List.of()), config(), OptionalLong.of(100)))
                .isEmpty();
    }

    @Test
    void slotOfAnotherPluginOrDatabase() {
        SlotState other = new SlotState("debezium", "wal2json", "shop", false, 0, 100, 100, "reserved");
        assertThat(problems(facts("logical", true, 1, Optional.of(other), List.of()), config(), OptionalLong.empty()))
                .extracting(ServerProblem::check).containsExactly("slot plugin", "slot database");
    }

    @Test
    void publicationThatCannotBeCreated() {
        ServerFacts noPublication = new ServerFacts(150018, "logical", "cdc", false, true, 10, 0, Optional.empty(), false, List.of());
        assertThat(problems(noPublication, config("publication.autocreate.mode", "disabled"), OptionalLong.empty()))
                .singleElement().extracting(ServerProblem::message).asString().contains("does not exist and publication.autocreate.mode=disabled");
        assertThat(problems(noPublication, config("publication.autocreate.mode", "all_tables"), OptionalLong.empty()))
                .singleElement().extracting(ServerProblem::message).asString().contains("needs a superuser");
        assertThat(problems(noPublication, config("publication.autocreate.mode", "filtered"), OptionalLong.empty())).isEmpty();
    }

    @Test
    void replicaIdentity() {
        List<TableInfo> tables = List.of(table("nothing", 'n', List.of("id")), table("keyless", 'd', List.of()),
                table("keyed", 'd', List.of("id")), table("full", 'f', List.of()));

        List<ServerProblem> problems = problems(facts("logical", true, 0, Optional.empty(), tables), config(), OptionalLong.empty());

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0).isError()).isTrue();
        assertThat(problems.get(0).message()).contains("[public.nothing] have REPLICA IDENTITY NOTHING").contains("REPLICA IDENTITY FULL");
        assertThat(problems.get(1).isError()).isFalse();
        assertThat(problems.get(1).message()).contains("[public.keyless] have no primary key");
        assertThat(problems.get(2).message()).contains("[public.keyed]").contains("before images of updates and deletes carry the key");
        assertThat(StartupChecks.describeErrors(problems)).startsWith("replica identity: tables [public.nothing]");
    }

    @Test
    void partitionedTablesNeedTheirChangesPublishedUnderTheirOwnName() {
        List<TableInfo> tables = List.of(new TableInfo(7, TableId.of("inventory", "public", "measurements"), 'f', List.of(), 0, true));
        ServerFacts viaPartitions = new ServerFacts(150018, "logical", "cdc", true, true, 10, 0, Optional.empty(), true, tables, false);
        ServerFacts viaRoot = new ServerFacts(150018, "logical", "cdc", true, true, 10, 0, Optional.empty(), true, tables, true);
        ServerFacts notYetCreated = new ServerFacts(150018, "logical", "cdc", true, true, 10, 0, Optional.empty(), false, tables, false);
        ServerFacts postgres12 = new ServerFacts(120020, "logical", "cdc", true, true, 10, 0, Optional.empty(), false, tables, false);

        for (String mode : List.of("disabled", "all_tables")) {
            assertThat(problems(viaPartitions, config("publication.autocreate.mode", mode), OptionalLong.empty())).singleElement()
                    .satisfies(problem -> {
                        assertThat(problem.isError()).isFalse();
                        assertThat(problem.check()).isEqualTo("partitioned tables");
                        assertThat(problem.message()).contains("publication 'dbz_publication' publishes the partitions of"
                                + " [public.measurements] under their own names")
                                .contains("ALTER PUBLICATION \"dbz_publication\" SET (publish_via_partition_root = true);");
                    });
            assertThat(problems(viaRoot, config("publication.autocreate.mode", mode), OptionalLong.empty())).isEmpty();
        }
        assertThat(problems(viaPartitions, config("publication.autocreate.mode", "filtered"), OptionalLong.empty()))
                .as("filtered sets the option itself").isEmpty();
        assertThat(problems(notYetCreated, config("publication.autocreate.mode", "all_tables"), OptionalLong.empty()))
                .as("created with the option").isEmpty();
        assertThat(problems(postgres12, config(), OptionalLong.empty())).extracting(ServerProblem::message)
                .anySatisfy(message -> assertThat(message).contains("PostgreSQL 120020 cannot publish the partitioned tables"
                        + " [public.measurements] under their own name"));
    }

    @Test
    void messageKeyColumnsOutsideThePrimaryKeyNeedReplicaIdentityFull() {
        List<TableInfo> tables = List.of(table("keyless", 'f', List.of()), table("orders", 'd', List.of("id")),
                table("parts", 'd', List.of("id", "sku")), table("items", 'i', List.of("id")));
        PostgresConnectorConfig config = config("message.key.columns", "public.keyless:code;public.orders:sku;public.parts:sku;public.items:sku");

        List<ServerProblem> problems = problems(facts("logical", true, 0, Optional.empty(), tables), config, OptionalLong.empty());

        assertThat(problems).filteredOn(problem -> problem.check().equals("message key columns")).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.message()).contains("message.key.columns gives [public.orders[sku], public.items[sku]] key columns outside"
                    + " the primary key").contains("REPLICA IDENTITY FULL");
        });
    }
}
