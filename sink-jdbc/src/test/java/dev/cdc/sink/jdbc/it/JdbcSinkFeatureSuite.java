package dev.cdc.sink.jdbc.it;

import dev.cdc.testkit.connect.FakeSinkTaskContext;
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
import dev.cdc.sink.jdbc.JdbcSinkTask;
import dev.cdc.sink.jdbc.SchemaChangeEvents;
import dev.cdc.sink.jdbc.record.UnavailableValue;
import dev.cdc.sink.jdbc.record.UnchangedToastHeader;

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

    /** Puts the records and waits until they are written, as Connect's offset commit does. */
    static void put(JdbcSinkTask task, SinkRecord... records) {
        put(task, Arrays.asList(records));
    }

    static void put(JdbcSinkTask task, List<SinkRecord> records) {
        task.put(records);
        task.preCommit(Map.of());
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
        put(task, batch);

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

    // ---- unchanged TOAST values: Debezium's placeholder, our header ----

    static final String BIG = "x".repeat(5_000);

    /** Marks columns as unchanged TOAST values, as source-postgres does (their fields are null). */
    static SinkRecord unchangedToast(SinkRecord record, String columns) {
        record.headers().addString(UnchangedToastHeader.NAME, columns);
        return record;
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
    void theUnchangedToastHeaderKeepsTheStoredValue() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", BIG), customers.insert(11, 2, "Bob", BIG));
        put(task, unchangedToast(customers.update(20, 1, "Ada L.", null), "bio"));
        assertThat(row("customers", 1)).containsEntry("name", "Ada L.").containsEntry("bio", BIG).containsEntry("__cdc_position", 20L);

        put(task, customers.update(30, 2, "Bob B.", "new bio"), unchangedToast(customers.update(31, 2, "Bob C.", null), "bio"));
        assertThat(row("customers", 2)).containsEntry("name", "Bob C.").containsEntry("bio", "new bio");

        put(task, customers.update(40, 1, "Ada M.", null));
        assertThat(row("customers", 1)).as("a null without the header is a null").containsEntry("bio", null);
    }

    @Test
    void anUpdateWithUnchangedToastTakesTheValueOfItsInsertInTheSameBatch() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", BIG), unchangedToast(customers.update(11, 1, "Ada L.", null), "bio"),
                customers.insert(12, 2, "Bob", BIG), customers.update(13, 2, "Bob B.", UnavailableValue.PLACEHOLDER),
                unchangedToast(customers.update(14, 2, "Bob C.", null), "bio"));
        assertThat(row("customers", 1)).containsEntry("name", "Ada L.").containsEntry("bio", BIG).containsEntry("__cdc_position", 11L);
        assertThat(row("customers", 2)).containsEntry("name", "Bob C.").containsEntry("bio", BIG).containsEntry("__cdc_position", 14L);
    }

    @Test
    void rowsWithDifferentUnchangedColumnsInOneBatchKeepEachTheirOwn() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", "bio 1"), customers.insert(11, 2, "Bob", "bio 2"), customers.insert(12, 3, "Cy", "bio 3"));
        put(task, unchangedToast(customers.update(20, 1, null, null), "name,bio"), unchangedToast(customers.update(21, 2, "Bob B.", null), "bio"),
                customers.update(22, 3, "Cy C.", "bio 3b"));
        assertThat(row("customers", 1)).containsEntry("name", "Ada").containsEntry("bio", "bio 1").containsEntry("__cdc_position", 20L);
        assertThat(row("customers", 2)).containsEntry("name", "Bob B.").containsEntry("bio", "bio 2");
        assertThat(row("customers", 3)).containsEntry("name", "Cy C.").containsEntry("bio", "bio 3b");
    }

    @Test
    void anUnchangedToastUpdateOfARowNotThereYetInsertsNull() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", BIG));
        put(task, unchangedToast(customers.update(20, 2, "Bob", null), "bio"), customers.update(21, 3, "Cy", UnavailableValue.PLACEHOLDER),
                unchangedToast(customers.update(22, 1, "Ada L.", null), "bio"));
        assertThat(row("customers", 2)).containsEntry("name", "Bob").containsEntry("bio", null).containsEntry("__cdc_position", 20L);
        assertThat(row("customers", 3)).containsEntry("name", "Cy").containsEntry("bio", null);
        assertThat(row("customers", 1)).containsEntry("name", "Ada L.").containsEntry("bio", BIG);

        put(task, customers.update(30, 2, "Bob B.", "the real bio"), unchangedToast(customers.update(31, 2, "Bob C.", null), "bio"));
        assertThat(row("customers", 2)).containsEntry("name", "Bob C.").containsEntry("bio", "the real bio");
    }

    @Test
    void aStaleUnchangedToastUpdateChangesNothing() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", BIG), customers.update(30, 1, "Ada L.", "newer bio"));
        put(task, unchangedToast(customers.update(20, 1, "stale", null), "bio"));
        assertThat(row("customers", 1)).containsEntry("name", "Ada L.").containsEntry("bio", "newer bio").containsEntry("__cdc_position", 30L);
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
    void aTypeChangeACastCouldRoundStopsWithTheFix() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full");
        ChangeEvents v1 = new ChangeEvents("items", SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("price", decimal(10)).build());
        ChangeEvents v2 = v1.withRowSchema(SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("price", Schema.OPTIONAL_INT32_SCHEMA).build());
        put(task, v1.insert(10, 1, new BigDecimal("12.34")));
        assertThatThrownBy(() -> put(task, v2.insert(11, 2, 7)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Column 'price' of table")
                .hasMessageContaining("round or cut values silently")
                .hasMessageContaining("ALTER TABLE")
                .hasMessageContaining("__new");
        assertThat(row("items", 1)).containsEntry("price", new BigDecimal("12.34"));
        assertThat(row("items", 2)).isNull();
    }

    @Test
    void withBasicEvolutionATypeConversionStopsWithTheFix() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents v1 = new ChangeEvents("items", SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("code", Schema.OPTIONAL_INT32_SCHEMA).build());
        ChangeEvents v2 = v1.withRowSchema(SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("code", Schema.OPTIONAL_STRING_SCHEMA).build());
        put(task, v1.insert(10, 1, 5));
        assertThatThrownBy(() -> put(task, v2.insert(11, 2, "A-5")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("converts types only with schema.evolution=full")
                .hasMessageContaining("ALTER TABLE");
        assertThat(target.columnType("items", "code")).startsWith("int");
    }

    @Test
    void anIntegerColumnIsConvertedToTextWithItsValuesAndOlderRecordsDoNotFlipItBack() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full");
        ChangeEvents v1 = new ChangeEvents("items", SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("code", Schema.OPTIONAL_INT32_SCHEMA).build());
        ChangeEvents v2 = v1.withRowSchema(SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("code", Schema.OPTIONAL_STRING_SCHEMA).build());
        put(task, v1.insert(10, 1, 5), v1.insert(11, 3, -12));
        put(task, v2.insert(20, 2, "A-5"));
        assertThat(target.columnType("items", "code")).isIn("text", "longtext");
        assertThat(row("items", 1)).containsEntry("code", "5");
        assertThat(row("items", 2)).containsEntry("code", "A-5");

        put(task, v1.update(15, 4, 7), v2.update(21, 3, "B-12"));
        assertThat(target.columnType("items", "code")).isIn("text", "longtext");
        assertThat(row("items", 4)).containsEntry("code", "7");
        assertThat(row("items", 3)).containsEntry("code", "B-12");
    }

    @Test
    void aTextColumnIsConvertedToATimestampWithItsValues() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full");
        ChangeEvents v1 = new ChangeEvents("events", SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("at", sized(30)).build());
        ChangeEvents v2 = v1.withRowSchema(SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("at", SchemaBuilder.int64().name(ConnectSchemaNames.MICRO_TIMESTAMP).optional().build())
                .build());
        put(task, v1.insert(10, 1, "2024-01-02 03:04:05"), v1.insert(11, 2, null));
        put(task, v2.insert(20, 3, 1_700_000_000_000_000L));
        assertThat(target.columnType("events", "at")).containsAnyOf("timestamp(6)", "datetime(6)");
        assertThat(timestampText("events", 1)).startsWith("2024-01-02 03:04:05");
        assertThat(timestampText("events", 2)).isNull();
        assertThat(timestampText("events", 3)).startsWith("2023-11-14 22:13:20");
    }

    @Test
    void aValueThatCannotBeConvertedStopsWithTheSqlAndLeavesTheColumnAsItWas() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full");
        ChangeEvents v1 = new ChangeEvents("events", SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("at", sized(30)).build());
        ChangeEvents v2 = v1.withRowSchema(SchemaBuilder.struct().optional().name("v")
                .field("id", Schema.INT32_SCHEMA).field("at", SchemaBuilder.int64().name(ConnectSchemaNames.MICRO_TIMESTAMP).optional().build())
                .build());
        put(task, v1.insert(10, 1, "2024-01-02 03:04:05"), v1.insert(11, 2, "not a date"));
        assertThatThrownBy(() -> put(task, v2.insert(20, 3, 1_700_000_000_000_000L)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Converting column 'at' of table")
                .hasMessageContaining("cannot be converted")
                .hasMessageContaining("ALTER TABLE");
        assertThat(target.columnType("events", "at")).containsAnyOf("varchar(30)", "character varying(30)");
        assertThat(row("events", 2)).containsEntry("at", "not a date");
        assertThat(row("events", 3)).isNull();
    }

    private String timestampText(String table, int id) throws SQLException {
        Object value = target.query("SELECT CAST(" + target.quote("at") + " AS CHAR(26)) AS v FROM " + target.qualified(table) + " WHERE "
                + target.quote("id") + " = " + id).get(0).get("v");
        return value == null ? null : value.toString();
    }

    // ---- truncates: replays do not bring rows back ----

    @Test
    void aReplayFromBeforeATruncateDoesNotBringRowsBack() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        List<SinkRecord> topic = List.of(customers.insert(10, 1, "a", null), customers.insert(11, 2, "b", null),
                customers.delete(12, 2, "b", null), customers.tombstone(2, "b", null), customers.truncate(13),
                customers.insert(14, 3, "c", null), customers.update(15, 3, "c2", null));
        put(task, topic);
        assertThat(target.rows("customers")).extracting(row -> row.get("name")).containsExactly("c2");
        assertThat(target.rows("customers__cdc_deletes")).as("tombstones older than the truncate are pruned").isEmpty();
        assertThat(target.rows("__cdc_tables")).singleElement().satisfies(state -> assertThat(state)
                .containsEntry("table_name", "customers").containsEntry("truncated_position", 13L));

        put(task, topic); // the whole topic again, from offset 0
        assertThat(target.rows("customers")).extracting(row -> row.get("name")).containsExactly("c2");

        JdbcSinkTask restarted = start();
        put(restarted, topic);
        assertThat(target.rows("customers")).extracting(row -> row.get("name")).containsExactly("c2");
    }

    @Test
    void aTruncateKeepsRowsOfLaterChangesThatArrivedFirst() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "old", null), customers.insert(30, 2, "newer than the truncate", null));
        put(task, customers.truncate(20));
        assertThat(target.rows("customers")).extracting(row -> row.get("name")).containsExactly("newer than the truncate");
        put(task, customers.insert(10, 1, "old", null));
        assertThat(row("customers", 1)).isNull();
    }

    @Test
    void aTruncateEventOnTheSchemaTopicDoesNotTruncateAgain() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        SchemaChangeEvents schema = new SchemaChangeEvents();
        put(task, customers.insert(10, 1, "a", null), customers.truncate(20), customers.insert(30, 2, "b", null));
        put(task, schema.truncate(20, "customers"));
        assertThat(target.rows("customers")).extracting(row -> row.get("name")).containsExactly("b");
    }

    // ---- structured schema-change events (<prefix>.schema-changes) ----

    static Schema customerRenamed() {
        return SchemaBuilder.struct().optional().name("test.inventory.customers.Value")
                .field("id", Schema.INT32_SCHEMA).field("full_name", Schema.OPTIONAL_STRING_SCHEMA).build();
    }

    @Test
    void aRenameColumnEventRenamesTheColumnWithItsValuesWithoutHints() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents v1 = new ChangeEvents("customers", customerV1().build());
        ChangeEvents v2 = v1.withRowSchema(customerRenamed());
        SchemaChangeEvents schema = new SchemaChangeEvents();
        put(task, v1.insert(10, 1, "Ada"));
        put(task, schema.renameColumn(20, "customers", "name", "full_name"), v2.insert(30, 2, "Bob"));
        assertThat(row("customers", 1)).containsEntry("full_name", "Ada").doesNotContainKey("name");
        assertThat(row("customers", 2)).containsEntry("full_name", "Bob");
        assertThat(target.count("customers")).as("the event is no row").isEqualTo(2);

        put(task, schema.renameColumn(20, "customers", "name", "full_name"));
        assertThat(row("customers", 1)).containsEntry("full_name", "Ada");
    }

    @Test
    void aRenameColumnEventAfterRecordsOfTheNewSchemaMovesTheOlderValues() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents v1 = new ChangeEvents("customers", customerV1().build());
        ChangeEvents v2 = v1.withRowSchema(customerRenamed());
        SchemaChangeEvents schema = new SchemaChangeEvents();
        put(task, v1.insert(10, 1, "Ada"), v1.insert(11, 3, "Cy"));
        put(task, v2.update(30, 3, "Cy new"), v2.insert(31, 2, "Bob"), v2.insert(32, 4, null));
        assertThat(row("customers", 1)).containsEntry("name", "Ada").containsEntry("full_name", null);

        put(task, schema.renameColumn(20, "customers", "name", "full_name"));
        assertThat(row("customers", 1)).containsEntry("full_name", "Ada").doesNotContainKey("name");
        assertThat(row("customers", 3)).containsEntry("full_name", "Cy new");
        assertThat(row("customers", 2)).containsEntry("full_name", "Bob");
        assertThat(row("customers", 4)).containsEntry("full_name", null);
    }

    @Test
    void recordsOfTheOldSchemaArrivingAfterARenameColumnEventGoToTheRenamedColumn() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents v1 = new ChangeEvents("customers", customerV1().build());
        ChangeEvents v2 = v1.withRowSchema(customerRenamed());
        SchemaChangeEvents schema = new SchemaChangeEvents();
        put(task, v1.insert(10, 1, "Ada"));
        put(task, schema.renameColumn(20, "customers", "name", "full_name"));
        put(task, v1.insert(15, 3, "Cy, late"), v2.insert(30, 2, "Bob"));
        assertThat(row("customers", 3)).containsEntry("full_name", "Cy, late").doesNotContainKey("name");
        assertThat(row("customers", 2)).containsEntry("full_name", "Bob");
    }

    @Test
    void aRenameTableEventRenamesTheTargetTableItsTombstonesAndItsTruncatePosition() throws SQLException {
        JdbcSinkTask task = start("table.name.format", "${source.db}_${source.table}");
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        ChangeEvents clients = new ChangeEvents("clients", CUSTOMER);
        SchemaChangeEvents schema = new SchemaChangeEvents();
        put(task, customers.insert(5, 9, "before the truncate", null), customers.truncate(8));
        put(task, customers.insert(10, 1, "Ada", null), customers.insert(11, 2, "Bob", null), customers.delete(12, 2, "Bob", null));
        put(task, schema.renameTable(20, "customers", "clients"), clients.insert(30, 3, "Cy", null));

        assertThat(target.tableExists("inventory_customers")).isFalse();
        assertThat(target.tableExists("inventory_customers__cdc_deletes")).isFalse();
        assertThat(target.rows("inventory_clients")).extracting(row -> row.get("name")).containsExactly("Ada", "Cy");
        assertThat(target.rows("inventory_clients__cdc_deletes")).singleElement()
                .satisfies(tombstone -> assertThat(tombstone).containsEntry("__cdc_position", 12L));

        put(task, clients.insert(11, 2, "Bob", null), clients.insert(5, 9, "before the truncate", null));
        assertThat(target.rows("inventory_clients")).as("the delete and the truncate still guard the renamed table")
                .extracting(row -> row.get("name")).containsExactly("Ada", "Cy");
    }

    @Test
    void aDropTableEventKeepsTheTableByDefault() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", null), new SchemaChangeEvents().dropTable(20, "customers"));
        assertThat(row("customers", 1)).containsEntry("name", "Ada");
    }

    @Test
    void aDropTableEventDropsTheTableWhenConfiguredAndAReplayDoesNotRefillIt() throws SQLException {
        JdbcSinkTask task = start("schema.evolution", "full", "schema.evolution.drop.tables", "drop");
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        put(task, customers.insert(10, 1, "Ada", null), customers.delete(11, 1, "Ada", null), customers.insert(12, 2, "Bob", null));
        put(task, new SchemaChangeEvents().dropTable(20, "customers"));
        assertThat(target.tableExists("customers")).isFalse();
        assertThat(target.tableExists("customers__cdc_deletes")).isFalse();

        put(task, customers.insert(12, 2, "Bob", null));
        assertThat(target.count("customers")).isZero();
        put(task, customers.insert(30, 3, "a new table's row", null));
        assertThat(target.rows("customers")).extracting(row -> row.get("name")).containsExactly("a new table's row");
    }

    @Test
    void aPrimaryKeyChangeStopsWithTheFixUntilTheTargetHasTheNewKey() throws SQLException {
        JdbcSinkTask task = start();
        ChangeEvents customers = new ChangeEvents("customers", CUSTOMER);
        SchemaChangeEvents schema = new SchemaChangeEvents();
        put(task, customers.insert(10, 1, "Ada", null));
        SinkRecord rekey = schema.changePrimaryKey(20, "customers", List.of("id"), List.of("id", "name"));
        assertThatThrownBy(() -> put(task, rekey))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("changed from [id] to [id, name]")
                .hasMessageContaining("ADD PRIMARY KEY")
                .hasMessageContaining("customers__cdc_deletes");

        put(task, schema.changePrimaryKey(21, "customers", List.of("id", "name"), List.of("id")));
        assertThat(row("customers", 1)).containsEntry("name", "Ada");
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
