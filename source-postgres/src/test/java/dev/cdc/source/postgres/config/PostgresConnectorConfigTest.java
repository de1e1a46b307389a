package dev.cdc.source.postgres.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cdc.core.config.ConfigProblem;

class PostgresConnectorConfigTest {
    static Map<String, String> minimal() {
        Map<String, String> properties = new HashMap<>();
        properties.put("database.hostname", "db.example.com");
        properties.put("database.user", "cdc");
        properties.put("database.dbname", "inventory");
        properties.put("topic.prefix", "inventory");
        return properties;
    }

    static Map<String, String> with(String key, String value) {
        Map<String, String> properties = minimal();
        properties.put(key, value);
        return properties;
    }

    @Test
    void everyDefault() {
        PostgresConnectorConfig config = PostgresConnectorConfig.parse(minimal());

        assertThat(config.connection().server().port()).isEqualTo(5432);
        assertThat(config.connection().server().password()).isEmpty();
        assertThat(config.connection().server().connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.replication().slotName()).isEqualTo("debezium");
        assertThat(config.replication().publicationName()).isEqualTo("dbz_publication");
        assertThat(config.replication().publicationAutocreateMode()).isEqualTo(PublicationAutocreateMode.ALL_TABLES);
        assertThat(config.replication().plugin()).isEqualTo(LogicalDecodingPlugin.PGOUTPUT);
        assertThat(config.replication().dropSlotOnStop()).isFalse();
        assertThat(config.replication().statusUpdateInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.snapshot().mode()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(config.snapshot().chunkSize()).isEqualTo(1024);
        assertThat(config.events().tombstonesOnDelete()).isTrue();
        assertThat(config.signals().enabled()).isFalse();
        assertThat(config.messageKeys().columns().isEmpty()).isTrue();
        assertThat(config.common().queue().maxBatchSize()).isEqualTo(2048);
        assertThat(config.common().queue().maxQueueSize()).isEqualTo(8192);
        assertThat(config.common().heartbeat().enabled()).isFalse();
        assertThat(config.filters().filter().capturesAllTables()).isTrue();
    }

    @Test
    void everyKey() {
        Map<String, String> properties = minimal();
        properties.put("database.hostname", " 10.0.0.7 ");
        properties.put("database.port", "5433");
        properties.put("database.password", "s3cret");
        properties.put("connect.timeout.ms", "2500");
        properties.put("slot.name", "inventory_slot");
        properties.put("publication.name", "Inventory Pub");
        properties.put("publication.autocreate.mode", "Filtered");
        properties.put("plugin.name", " PGOUTPUT ");
        properties.put("slot.drop.on.stop", "true");
        properties.put("status.update.interval.ms", "500");
        properties.put("snapshot.mode", "when_needed");
        properties.put("incremental.snapshot.chunk.size", "50");
        properties.put("tombstones.on.delete", "false");
        properties.put("signal.data.collection", "ops.cdc_signal");
        properties.put("message.key.columns", "shop.orders:customer_id, order_no");
        properties.put("heartbeat.interval.ms", "1000");
        properties.put("max.batch.size", "10");
        properties.put("max.queue.size", "40");
        properties.put("schema.include.list", "shop");
        properties.put("table.include.list", "shop\\.orders");
        properties.put("column.exclude.list", "shop\\.orders\\.secret");

        PostgresConnectorConfig config = PostgresConnectorConfig.parse(properties);

        assertThat(config.connection().address()).isEqualTo("10.0.0.7:5433/inventory");
        assertThat(config.connection().jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.7:5433/inventory");
        assertThat(config.connection().server().password()).isEqualTo("s3cret");
        assertThat(config.connection().server().connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.replication().slotName()).isEqualTo("inventory_slot");
        assertThat(config.replication().publicationName()).isEqualTo("Inventory Pub");
        assertThat(config.replication().publicationAutocreateMode()).isEqualTo(PublicationAutocreateMode.FILTERED);
        assertThat(config.replication().dropSlotOnStop()).isTrue();
        assertThat(config.replication().statusUpdateInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.snapshot().mode()).isEqualTo(SnapshotMode.WHEN_NEEDED);
        assertThat(config.snapshot().chunkSize()).isEqualTo(50);
        assertThat(config.events().tombstonesOnDelete()).isFalse();
        assertThat(config.signals().schema()).hasValue("ops");
        assertThat(config.signals().table()).hasValue("cdc_signal");
        assertThat(config.messageKeys().columns().columnsFor("shop", "orders")).hasValue(List.of("customer_id", "order_no"));
        assertThat(config.common().heartbeat().interval()).isEqualTo(Duration.ofSeconds(1));
        CaptureFilter filter = config.filters().filter();
        assertThat(filter.includesTable("shop", "orders")).isTrue();
        assertThat(filter.includesTable("SHOP", "Orders")).as("case-insensitive, as Debezium").isTrue();
        assertThat(filter.includesTable("shop", "customers")).isFalse();
        assertThat(filter.includesTable("public", "orders")).isFalse();
        assertThat(filter.includesColumn("shop", "orders", "secret")).isFalse();
        assertThat(filter.includesColumn("shop", "orders", "total")).isTrue();
    }

    @Test
    void passwordNeverPrinted() {
        assertThat(PostgresConnectorConfig.parse(with("database.password", "s3cret")).toString()).doesNotContain("s3cret")
                .contains("cdc@db.example.com:5432/inventory");
    }

    @Test
    void systemSchemasAreNeverCaptured() {
        CaptureFilter filter = CaptureFilter.all();
        assertThat(filter.includesTable("pg_catalog", "pg_class")).isFalse();
        assertThat(filter.includesTable("information_schema", "tables")).isFalse();
        assertThat(filter.includesTable("public", "orders")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"database.hostname", "database.user", "database.dbname", "topic.prefix"})
    void requiredKeys(String key) {
        Map<String, String> properties = minimal();
        properties.remove(key);
        assertThatThrownBy(() -> PostgresConnectorConfig.parse(properties)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "database.hostname|  |for configuration database.hostname: is required: give the host name or IP address",
            "database.port|0|Invalid value 0 for configuration database.port: must be from 1 to 65535",
            "database.port|70000|Invalid value 70000 for configuration database.port: must be from 1 to 65535",
            "database.port|abc|Invalid value abc for configuration database.port: Not a number of type INT",
            "connect.timeout.ms|0|Invalid value 0 for configuration connect.timeout.ms: must be from 1 to 2147483647",
            "slot.name|Debezium-1|Invalid value Debezium-1 for configuration slot.name: replication slot names may only contain lower-case letters, digits and underscores",
            "publication.name|''|for configuration publication.name: must be a publication name of 1 to 63 characters",
            "publication.autocreate.mode|sometimes|Invalid value sometimes for configuration publication.autocreate.mode: 'sometimes' is not a publication autocreate mode; allowed: all_tables, disabled, filtered",
            "plugin.name|decoderbufs|Invalid value decoderbufs for configuration plugin.name: 'decoderbufs' needs a server extension this connector does not read; only pgoutput (built into PostgreSQL 10+) is supported: set plugin.name=pgoutput",
            "plugin.name|test_decoding|Invalid value test_decoding for configuration plugin.name: 'test_decoding' is not a logical decoding plugin this connector knows",
            "status.update.interval.ms|10|Invalid value 10 for configuration status.update.interval.ms: must be from 100 to 2147483647",
            "snapshot.mode|always|Invalid value always for configuration snapshot.mode: 'always' is not a snapshot mode; allowed: initial, initial_only, no_data, never, when_needed",
            "incremental.snapshot.chunk.size|0|Invalid value 0 for configuration incremental.snapshot.chunk.size: must be from 1 to 1000000",
            "table.include.list|orders(|Invalid value orders( for configuration table.include.list: pattern 'orders(' is not a valid Java regular expression",
            "tombstones.on.delete|maybe|Invalid value maybe for configuration tombstones.on.delete: Expected value to be either true or false",
            "signal.data.collection|cdc_signal|Invalid value cdc_signal for configuration signal.data.collection: must be empty or an unquoted schema.table, e.g. public.cdc_signal",
            "message.key.columns|public.orders|Invalid value public.orders for configuration message.key.columns: entry 'public.orders' is not <schema.table regex>:<column>[,<column>...]; expected <schema.table regex>:<column>[,<column>...] entries separated by ';', e.g. public.orders:customer_id,order_no;inventory.parts:sku",
            "message.key.columns|public.orders:a,,b|Invalid value public.orders:a,,b for configuration message.key.columns: entry 'public.orders:a,,b' has an empty column name",
            "message.key.columns|public.orders:a,a|Invalid value public.orders:a,a for configuration message.key.columns: entry 'public.orders:a,a' names column 'a' twice",
            "message.key.columns|public.(orders:a|Invalid value public.(orders:a for configuration message.key.columns: entry 'public.(orders:a': table pattern 'public.(orders' is not a valid Java regular expression",
            "message.key.columns|public.orders:|Invalid value public.orders: for configuration message.key.columns: entry 'public.orders:' is not <schema.table regex>:<column>[,<column>...]",
            "topic.prefix|in ventory|Invalid value in ventory for configuration topic.prefix: contains ' ' at index 2",
            "max.batch.size|0|Invalid value 0 for configuration max.batch.size: must be a whole number of at least 1",
            "heartbeat.interval.ms|-1|Invalid value -1 for configuration heartbeat.interval.ms: must be a whole number of at least 0 (0 = off)"})
    void badValueMessages(String key, String value, String message) {
        String given = value == null ? "  " : value.equals("''") ? "" : value;
        assertThatThrownBy(() -> PostgresConnectorConfig.parse(with(key, given))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void includeAndExcludeListsExcludeEachOther() {
        Map<String, String> properties = with("schema.include.list", "shop");
        properties.put("schema.exclude.list", "audit");

        assertThatThrownBy(() -> PostgresConnectorConfig.parse(properties)).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value shop for configuration schema.include.list: schema.include.list and schema.exclude.list"
                        + " cannot both be set; keep one of them");
        assertThat(PostgresConnectorConfig.crossFieldProblems(properties)).extracting(ConfigProblem::key)
                .containsExactly("schema.include.list", "schema.exclude.list");
    }

    @Test
    void queueMustBeLargerThanBatch() {
        Map<String, String> properties = with("max.batch.size", "100");
        properties.put("max.queue.size", "100");
        assertThatThrownBy(() -> PostgresConnectorConfig.parse(properties)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 100 for configuration max.queue.size: must be larger than max.batch.size (100)");
    }

    @Test
    void neverIsAnAliasOfNoData() {
        assertThat(SnapshotMode.parse("never").snapshotsWithoutOffset()).isFalse();
        assertThat(SnapshotMode.parse("no_data").snapshotsWithoutOffset()).isFalse();
        assertThat(SnapshotMode.parse("initial_only").streams()).isFalse();
        assertThat(SnapshotMode.parse(" Initial ").streams()).isTrue();
    }
}
