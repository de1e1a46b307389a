package dev.cdc.sink.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdc.schema.connect.ConnectSchemaNames;
import dev.cdc.sink.jdbc.ChangeEvents;
import dev.cdc.sink.jdbc.FakeErrantRecordReporter;
import dev.cdc.sink.jdbc.FakeSinkTaskContext;
import dev.cdc.sink.jdbc.JdbcSinkTask;
import dev.cdc.sink.jdbc.record.UnavailableValue;

/**
 * The sink's features against a real target database; one subclass per dialect. Every test gets
 * its own schema or database ({@link TargetDatabase}) and runs the real task.
 */
abstract class JdbcSinkFeatureSuite {
    static final Schema CUSTOMER = SchemaBuilder.struct().optional().name("test.inventory.customers.Value")
            .field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("bio", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    TargetDatabase target;
    FakeErrantRecordReporter reporter;
    private final List<JdbcSinkTask> tasks = new ArrayList<>();
    private String connectorName;

    abstract TargetDatabase newTarget() throws SQLException;

    @BeforeEach
    void createTarget() throws SQLException {
        target = newTarget();
        reporter = new FakeErrantRecordReporter();
        connectorName = "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void dropTarget() throws SQLException {
        tasks.forEach(JdbcSinkTask::stop);
        target.close();
    }

    JdbcSinkTask start(String... overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put("name", connectorName);
        properties.put("connection.url", target.jdbcUrl());
        properties.put("connection.username", target.user());
        properties.put("connection.password", target.password());
        properties.put("retry.backoff.ms", "10");
        for (int i = 0; i < overrides.length; i += 2) {
            properties.put(overrides[i], overrides[i + 1]);
        }
        JdbcSinkTask task = new JdbcSinkTask();
        task.initialize(new FakeSinkTaskContext(properties, reporter));
        task.start(properties);
        tasks.add(task);
        return task;
    }

    static void put(JdbcSinkTask task, SinkRecord... records) {
        task.put(Arrays.asList(records));
    }

    Map<String, Object> row(String table, int id) throws SQLException {
        List<Map<String, Object>> rows = target.query("SELECT * FROM " + target.qualified(table) + " WHERE " + target.quote("id") + " = " + id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    // ---- applying changes ----

    @Test
    void createsTheTableAndUpsertsRows() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", "first"), customers.insert(11, 2, "Bob", null), customers.update(12, 1, "Ada L.", "first"));

        assertThat(target.rows("customers")).hasSize(2);
        assertThat(row("customers", 1)).containsEntry("name", "Ada L.").containsEntry("__cdc_position", 12L);
        assertThat(row("customers", 2)).containsEntry("name", "Bob").containsEntry("bio", null);
        assertThat(target.isNullable("customers", "id")).isFalse();
    }

    @Test
    void aReplayedOlderChangeNeverMovesARowBackwardsAndAnEqualPositionApplies() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "v10", null));
        put(task, customers.update(20, 1, "v20", null));
        put(task, customers.insert(10, 1, "v10", null), customers.update(15, 1, "v15", null));
        assertThat(row("customers", 1)).containsEntry("name", "v20").containsEntry("__cdc_position", 20L);

        put(task, customers.update(20, 1, "v20 again, same position", null));
        assertThat(row("customers", 1)).containsEntry("name", "v20 again, same position");
    }

    @Test
    void aDeleteCannotBeUndoneByAReplayedOlderInsert() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", null), customers.insert(11, 2, "Bob", null));
        put(task, customers.delete(20, 1, "Ada", null), customers.tombstone(1, "Ada", null));
        assertThat(row("customers", 1)).isNull();

        put(task, customers.insert(10, 1, "Ada", null), customers.update(15, 1, "Ada 15", null));
        assertThat(row("customers", 1)).isNull();
        assertThat(target.rows("customers__cdc_deletes")).singleElement().satisfies(tombstone ->
                assertThat(tombstone).containsEntry("__cdc_position", 20L));

        put(task, customers.insert(30, 1, "Ada again", null));
        assertThat(row("customers", 1)).containsEntry("name", "Ada again");
        assertThat(row("customers", 2)).containsEntry("name", "Bob");
    }

    @Test
    void anOlderDeleteDoesNotRemoveANewerRow() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(30, 1, "new", null));
        put(task, customers.delete(20, 1, "old", null));
        assertThat(row("customers", 1)).containsEntry("name", "new");
    }

    @Test
    void softDeletesKeepTheRowMarkedAndGuarded() throws SQLException {
        JdbcSinkTask task = start("delete.mode", "soft");
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", "bio"));
        put(task, customers.delete(20, 1, "Ada", "bio"));
        assertThat(row("customers", 1)).containsEntry("name", "Ada").containsEntry("__cdc_position", 20L);
        assertThat(deleted(row("customers", 1))).isTrue();

        put(task, customers.insert(10, 1, "Ada", "bio"));
        assertThat(deleted(row("customers", 1))).isTrue();

        put(task, customers.insert(30, 1, "Ada back", "bio"));
        assertThat(deleted(row("customers", 1))).isFalse();
        assertThat(row("customers", 1)).containsEntry("name", "Ada back");
        assertThat(target.tableExists("customers__cdc_deletes")).isFalse();
    }

    private static boolean deleted(Map<String, Object> row) {
        Object flag = row.get("__cdc_deleted");
        return flag instanceof Boolean bool ? bool : ((Number) flag).intValue() != 0;
    }

    @Test
    void severalChangesOfOneKeyInABatchEndInTheLastOne() throws SQLException {
        JdbcSinkTask task = start("batch.size", "5000");
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        List<SinkRecord> batch = new ArrayList<>();
        long position = 100;
        for (int id = 1; id <= 1_200; id++) {
            batch.add(customers.insert(position++, id, "n" + id, null));
        }
        for (int round = 0; round < 3; round++) {
            for (int id = 1; id <= 1_200; id += 2) {
                batch.add(customers.update(position++, id, "odd " + round, null));
            }
        }
        for (int id = 2; id <= 1_200; id += 4) {
            batch.add(customers.delete(position++, id, null, null));
        }
        batch.add(customers.insert(position++, 2, "two is back", null));
        task.put(batch);

        assertThat(target.count("customers")).isEqualTo(1_200 - 300 + 1);
        assertThat(row("customers", 1)).containsEntry("name", "odd 2");
        assertThat(row("customers", 2)).containsEntry("name", "two is back");
        assertThat(row("customers", 4)).containsEntry("name", "n4");
        assertThat(row("customers", 6)).isNull();
    }

    @Test
    void aTruncateEmptiesTheTableInOrderWithTheOtherChanges() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "a", null), customers.insert(11, 2, "b", null), customers.truncate(12),
                customers.insert(13, 3, "c", null));
        assertThat(target.rows("customers")).extracting(row -> row.get("name")).containsExactly("c");
    }

    @Test
    void truncatesAndDeletesAreSkippedWhenDisabled() throws SQLException {
        JdbcSinkTask task = start("delete.enabled", "false", "truncate.enabled", "false");
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "a", null), customers.delete(11, 1, "a", null), customers.truncate(12));
        assertThat(row("customers", 1)).containsEntry("name", "a");
    }

    @Test
    void unchangedToastValuesNeverOverwriteStoredValues() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", "a very long biography"), customers.insert(11, 2, "Bob", "bob's bio"));
        put(task, customers.update(20, 1, "Ada L.", UnavailableValue.PLACEHOLDER));
        assertThat(row("customers", 1)).containsEntry("name", "Ada L.").containsEntry("bio", "a very long biography");

        put(task, customers.update(30, 2, "Bob B.", "new bio"), customers.update(31, 2, "Bob C.", UnavailableValue.PLACEHOLDER));
        assertThat(row("customers", 2)).containsEntry("name", "Bob C.").containsEntry("bio", "new bio");
    }

    @Test
    void aRowTheTargetRejectsGoesToTheReporterAndTheRestIsWritten() throws SQLException {
        target.execute("CREATE TABLE " + target.qualified("customers") + " (" + target.quote("id") + " INT NOT NULL PRIMARY KEY, "
                + target.quote("name") + " VARCHAR(5), " + target.quote("bio") + " VARCHAR(100))");
        JdbcSinkTask task = start("errors.tolerance", "all");
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        SinkRecord poison = customers.insert(11, 2, "far too long", null);
        SinkRecord garbage = customers.garbage();
        put(task, customers.insert(10, 1, "Ada", null), poison, customers.insert(12, 3, "Cy", null), garbage);

        assertThat(target.rows("customers")).extracting(row -> row.get("name")).containsExactly("Ada", "Cy");
        assertThat(reporter.reports()).hasSize(2);
        assertThat(reporter.reports()).filteredOn(report -> report.record() == poison).singleElement()
                .satisfies(report -> assertThat(report.error()).hasMessageContaining("22001"));
        assertThat(reporter.reports()).filteredOn(report -> report.record() == garbage).singleElement()
                .satisfies(report -> assertThat(report.error()).hasMessageContaining("not a change event"));
    }

    @Test
    void withoutToleranceARejectedRowStopsTheTaskNamingTheRecordAndTheSqlState() throws SQLException {
        target.execute("CREATE TABLE " + target.qualified("customers") + " (" + target.quote("id") + " INT NOT NULL PRIMARY KEY, "
                + target.quote("name") + " VARCHAR(5), " + target.quote("bio") + " VARCHAR(100))");
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        assertThatThrownBy(() -> put(task, customers.insert(10, 1, "Ada", null), customers.insert(11, 2, "far too long", null)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic test.inventory.customers partition 0 offset 1")
                .hasMessageContaining("SQLSTATE 22001")
                .hasMessageContaining("errors.tolerance=all");
        assertThat(reporter.reports()).isEmpty();
        assertThat(target.count("customers")).isZero();
    }

    @Test
    void aLostConnectionIsRetriedOnANewOne() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "before", null));
        assertThat(target.killSinkConnections("cdc-sink-jdbc-" + connectorName)).isPositive();
        put(task, customers.insert(20, 2, "after", null));
        assertThat(target.rows("customers")).extracting(row -> row.get("name")).containsExactly("before", "after");
    }

    @Test
    void logicalTypesRoundTrip() throws SQLException {
        Schema schema = SchemaBuilder.struct().optional().name("test.inventory.types.Value")
                .field("id", Schema.INT64_SCHEMA)
                .field("flag", Schema.OPTIONAL_BOOLEAN_SCHEMA)
                .field("small", Schema.OPTIONAL_INT16_SCHEMA)
                .field("ratio", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field("price", Decimal.builder(2).parameter(ConnectSchemaNames.DECIMAL_PRECISION_PARAMETER, "10").optional().build())
                .field("born", SchemaBuilder.int32().name(ConnectSchemaNames.DATE).optional().build())
                .field("seen", SchemaBuilder.int64().name(ConnectSchemaNames.MICRO_TIMESTAMP).optional().build())
                .field("at", SchemaBuilder.string().name(ConnectSchemaNames.ZONED_TIMESTAMP).optional().build())
                .field("doc", SchemaBuilder.string().name(ConnectSchemaNames.JSON).optional().build())
                .field("color", SchemaBuilder.string().name(ConnectSchemaNames.ENUM).parameter("allowed", "red,green").optional().build())
                .field("raw", Schema.OPTIONAL_BYTES_SCHEMA)
                .build();
        JdbcSinkTask task = start();
        ChangeEvents types = new ChangeEvents("types", schema);
        put(task, types.insert(10, 1L, true, (short) 7, 0.5, new BigDecimal("12.34"), 19_000, 1_700_000_000_123_456L,
                "2024-05-06T07:08:09.123456Z", "{\"a\": 1}", "green", new byte[] {1, 2, 3}));

        Map<String, Object> row = target.query("SELECT " + target.quote("price") + " AS price, CAST(" + target.quote("born")
                + " AS CHAR(10)) AS born, " + target.quote("doc") + " AS doc, " + target.quote("color") + " AS color, "
                + target.quote("raw") + " AS raw, " + target.quote("small") + " AS small FROM " + target.qualified("types")).get(0);
        assertThat(row.get("price")).isEqualTo(new BigDecimal("12.34"));
        assertThat(row.get("born").toString()).isEqualTo("2022-01-08");
        assertThat(row.get("doc").toString().replace(" ", "")).isEqualTo("{\"a\":1}");
        assertThat(row.get("color")).isEqualTo("green");
        assertThat((byte[]) row.get("raw")).containsExactly(1, 2, 3);
        assertThat(((Number) row.get("small")).intValue()).isEqualTo(7);
        assertThat(seenAndAt()).isEqualTo("2023-11-14 22:13:20.123456|2024-05-06 07:08:09.123456");
    }

    /** The two timestamps of the types table as UTC text {@code seen|at}. */
    abstract String seenAndAt() throws SQLException;

    // ---- schema evolution, one test per change kind, with writes before and after ----

    static SchemaBuilder customerV1() {
        return SchemaBuilder.struct().optional().name("test.inventory.customers.Value")
                .field("id", Schema.INT32_SCHEMA)
                .field("name", Schema.OPTIONAL_STRING_SCHEMA);
    }

    @Test
    void anAddedColumnIsAddedAndWritten() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents v1 = new ChangeEvents("customers", customerV1().build());
        ChangeEvents v2 = v1.withRowSchema(customerV1().field("email", Schema.OPTIONAL_STRING_SCHEMA).build());
        put(task, v1.insert(10, 1, "Ada"), v2.insert(11, 2, "Bob", "bob@example.com"), v1.insert(12, 3, "Cy"));
        assertThat(row("customers", 1)).containsEntry("email", null);
        assertThat(row("customers", 2)).containsEntry("email", "bob@example.com");
        assertThat(row("customers", 3)).containsEntry("name", "Cy");
    }

    @Test
    void aRenamedColumnIsRenamedWithItsValues() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full", "schema.evolution.column.renames", "customers.name:full_name");
        ChangeEvents v1 = new ChangeEvents("customers", customerV1().build());
        ChangeEvents v2 = v1.withRowSchema(SchemaBuilder.struct().optional().name("test.inventory.customers.Value")
                .field("id", Schema.INT32_SCHEMA).field("full_name", Schema.OPTIONAL_STRING_SCHEMA).build());
        put(task, v1.insert(10, 1, "Ada"));
        put(task, v2.insert(11, 2, "Bob"));
        assertThat(row("customers", 1)).containsEntry("full_name", "Ada").doesNotContainKey("name");
        assertThat(row("customers", 2)).containsEntry("full_name", "Bob");
    }

    @Test
    void anIntegerColumnIsWidenedToBigint() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full");
        ChangeEvents v1 = new ChangeEvents("items", SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("qty", Schema.OPTIONAL_INT32_SCHEMA).build());
        ChangeEvents v2 = v1.withRowSchema(SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("qty", Schema.OPTIONAL_INT64_SCHEMA).build());
        put(task, v1.insert(10, 1, 5));
        put(task, v2.insert(11, 2, 9_000_000_000L));
        assertThat(target.columnType("items", "qty")).startsWith("bigint");
        assertThat(((Number) row("items", 1).get("qty")).longValue()).isEqualTo(5);
        assertThat(((Number) row("items", 2).get("qty")).longValue()).isEqualTo(9_000_000_000L);
    }

    @Test
    void aVarcharColumnIsWidened() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full");
        ChangeEvents v1 = new ChangeEvents("items", SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("code", sized(10)).build());
        ChangeEvents v2 = v1.withRowSchema(SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("code", sized(50)).build());
        put(task, v1.insert(10, 1, "short"));
        assertThat(target.columnType("items", "code")).containsAnyOf("varchar", "character varying").contains("(10)");
        put(task, v2.insert(11, 2, "a code that is longer than ten"));
        assertThat(target.columnType("items", "code")).contains("(50)");
        assertThat(row("items", 1)).containsEntry("code", "short");
        assertThat(row("items", 2)).containsEntry("code", "a code that is longer than ten");
    }

    private static Schema sized(int length) {
        return SchemaBuilder.string().optional().parameter(ConnectSchemaNames.LOGICAL_TYPE_PARAMETER, "STRING(" + length + ")").build();
    }

    @Test
    void aDecimalColumnGetsMorePrecision() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full");
        ChangeEvents v1 = new ChangeEvents("items", SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("price", decimal(5)).build());
        ChangeEvents v2 = v1.withRowSchema(SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("price", decimal(12)).build());
        put(task, v1.insert(10, 1, new BigDecimal("123.45")));
        put(task, v2.insert(11, 2, new BigDecimal("1234567890.12")));
        assertThat(target.columnType("items", "price")).contains("(12,2)");
        assertThat(row("items", 1)).containsEntry("price", new BigDecimal("123.45"));
        assertThat(row("items", 2)).containsEntry("price", new BigDecimal("1234567890.12"));
    }

    private static Schema decimal(int precision) {
        return Decimal.builder(2).parameter(ConnectSchemaNames.DECIMAL_PRECISION_PARAMETER, String.valueOf(precision)).optional().build();
    }

    @Test
    void aDroppedColumnIsDroppedByPolicy() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full", "schema.evolution.drop.columns", "drop");
        ChangeEvents v1 = new ChangeEvents("customers", customerV1().field("legacy", Schema.STRING_SCHEMA).build());
        ChangeEvents v2 = v1.withRowSchema(customerV1().build());
        put(task, v1.insert(10, 1, "Ada", "old"));
        put(task, v2.insert(11, 2, "Bob"));
        assertThat(row("customers", 1)).doesNotContainKey("legacy");
        assertThat(row("customers", 2)).containsEntry("name", "Bob");
    }

    @Test
    void aDroppedColumnIsKeptNullableByDefault() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents v1 = new ChangeEvents("customers", customerV1().field("legacy", Schema.STRING_SCHEMA).build());
        ChangeEvents v2 = v1.withRowSchema(customerV1().build());
        put(task, v1.insert(10, 1, "Ada", "old"));
        assertThat(target.isNullable("customers", "legacy")).isFalse();
        put(task, v2.insert(11, 2, "Bob"));
        assertThat(target.isNullable("customers", "legacy")).isTrue();
        assertThat(row("customers", 1)).containsEntry("legacy", "old");
        assertThat(row("customers", 2)).containsEntry("legacy", null);
    }

    @Test
    void aColumnThatBecomesOptionalLosesNotNull() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents v1 = new ChangeEvents("customers", SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("name", Schema.STRING_SCHEMA).build());
        ChangeEvents v2 = v1.withRowSchema(customerV1().build());
        put(task, v1.insert(10, 1, "Ada"));
        assertThat(target.isNullable("customers", "name")).isFalse();
        put(task, v2.insert(11, 2, null));
        assertThat(target.isNullable("customers", "name")).isTrue();
        assertThat(row("customers", 2)).containsEntry("name", null);
    }

    @Test
    void anIncompatibleTypeChangeStopsWithTheFix() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full");
        ChangeEvents v1 = new ChangeEvents("items", SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("code", Schema.OPTIONAL_INT32_SCHEMA).build());
        ChangeEvents v2 = v1.withRowSchema(SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("code", Schema.OPTIONAL_STRING_SCHEMA).build());
        put(task, v1.insert(10, 1, 5));
        assertThatThrownBy(() -> put(task, v2.insert(11, 2, "A-5")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Column 'code' of table")
                .hasMessageContaining("ALTER TABLE");
        assertThat(row("items", 1)).isNotNull();
        assertThat(row("items", 2)).isNull();
    }

    @Test
    void withSchemaEvolutionNoneAMissingTableStopsWithTheCreateStatement() {
        JdbcSinkTask task = start("schema.evolution", "none");
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        assertThatThrownBy(() -> put(task, customers.insert(10, 1, "Ada", null)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("does not exist and schema.evolution=none")
                .hasMessageContaining("CREATE TABLE");
    }
}
