package dev.cdc.source.postgres.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One row of every common type, read by the snapshot (op=r) and streamed (op=c): both give the same, expected values. */
class AllTypesIT {
    private static final String COLUMNS = "id int PRIMARY KEY, c_int2 int2, c_int4 int4, c_int8 int8, c_num numeric(10,2),"
            + " c_num_var numeric, c_float4 float4, c_float8 float8, c_text text, c_varchar varchar(20), c_char char(5), c_bytea bytea,"
            + " c_bool bool, c_date date, c_time time, c_time3 time(3), c_timetz timetz, c_ts timestamp, c_ts3 timestamp(3),"
            + " c_tstz timestamptz, c_interval interval, c_uuid uuid, c_json json, c_jsonb jsonb, c_int_array int4[],"
            + " c_text_array text[], c_mood mood, c_inet inet, c_cidr cidr, c_money money, c_bit bit(1), c_bits bit(10),"
            + " c_null text";
    private static final String VALUES = "-32768, 2147483647, -9223372036854775808, 12345678.91, 3.14159265358979323846, 1.5, 2.25,"
            + " 'héllo', 'varchar', 'ab', '\\x00ff10', true, '2024-02-29', '13:45:10.123456', '13:45:10.123', '13:45:10.5+02',"
            + " '2024-02-29 13:45:10.123456', '2024-02-29 13:45:10.123', '2024-02-29 13:45:10.123456+01',"
            + " '1 year 2 mons 3 days 04:05:06.789', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": 1}', '{\"b\": [1, 2]}',"
            + " '{1,NULL,3}', ARRAY['x y', 'q\"z', NULL], 'happy', '192.168.0.1/24', '10.0.0.0/8', '1234.56', B'1', B'1010000001', NULL";

    private TestDatabase database;
    private TaskRunner runner;

    @BeforeEach
    void createTable() throws Exception {
        database = TestDatabase.create("types");
        database.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')", "CREATE TABLE all_types (" + COLUMNS + ")",
                "INSERT INTO all_types VALUES (1, " + VALUES + ")");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (runner != null) {
            runner.close();
        }
        database.close();
    }

    @Test
    void snapshotAndStreamGiveDebeziumValues() throws Exception {
        runner = TaskRunner.start(TaskRunner.config(database));
        String topic = database.name() + ".public.all_types";
        runner.awaitRecords(topic, 1);
        StreamingIT.awaitSlotActive(database);
        database.execute("INSERT INTO all_types VALUES (2, " + VALUES + ")");

        List<SourceRecord> records = runner.awaitRecords(topic, 2);
        assertThat(records).extracting(TaskRunner::op).containsExactly("r", "c");
        for (SourceRecord record : records) {
            assertRow(((Struct) record.value()).getStruct("after"));
        }
    }

    private static void assertRow(Struct row) {
        Schema schema = row.schema();
        assertThat(row.getInt16("c_int2")).isEqualTo((short) -32768);
        assertThat(row.getInt32("c_int4")).isEqualTo(Integer.MAX_VALUE);
        assertThat(row.getInt64("c_int8")).isEqualTo(Long.MIN_VALUE);
        assertThat(row.get("c_num")).isEqualTo(new BigDecimal("12345678.91"));
        assertThat(schema.field("c_num").schema().parameters()).containsEntry("scale", "2").containsEntry("connect.decimal.precision", "10");
        Struct variable = row.getStruct("c_num_var");
        assertThat(variable.schema().name()).isEqualTo("io.debezium.data.VariableScaleDecimal");
        assertThat(new BigDecimal(new BigInteger(variable.getBytes("value")), variable.getInt32("scale")))
                .isEqualTo(new BigDecimal("3.14159265358979323846"));
        assertThat(row.getFloat32("c_float4")).isEqualTo(1.5f);
        assertThat(row.getFloat64("c_float8")).isEqualTo(2.25);
        assertThat(row.getString("c_text")).isEqualTo("héllo");
        assertThat(row.getString("c_varchar")).isEqualTo("varchar");
        assertThat(row.getString("c_char")).isEqualTo("ab   ");
        assertThat(row.getBytes("c_bytea")).containsExactly(0x00, 0xff, 0x10);
        assertThat(row.getBoolean("c_bool")).isTrue();
        assertThat(row.getInt32("c_date")).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(schema.field("c_date").schema().name()).isEqualTo("io.debezium.time.Date");
        assertThat(row.getInt64("c_time")).isEqualTo(LocalTime.of(13, 45, 10, 123_456_000).toNanoOfDay() / 1000);
        assertThat(schema.field("c_time").schema().name()).isEqualTo("io.debezium.time.MicroTime");
        assertThat(row.getInt32("c_time3")).isEqualTo((int) (LocalTime.of(13, 45, 10, 123_000_000).toNanoOfDay() / 1_000_000));
        assertThat(schema.field("c_time3").schema().name()).isEqualTo("io.debezium.time.Time");
        assertThat(row.getString("c_timetz")).isEqualTo("11:45:10.5Z");
        long micros = LocalDateTime.of(2024, 2, 29, 13, 45, 10, 123_456_000).toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 123_456;
        assertThat(row.getInt64("c_ts")).isEqualTo(micros);
        assertThat(schema.field("c_ts").schema().name()).isEqualTo("io.debezium.time.MicroTimestamp");
        assertThat(row.getInt64("c_ts3")).isEqualTo((micros - 456) / 1000);
        assertThat(schema.field("c_ts3").schema().name()).isEqualTo("io.debezium.time.Timestamp");
        assertThat(row.getString("c_tstz")).isEqualTo("2024-02-29T12:45:10.123456Z");
        assertThat(schema.field("c_tstz").schema().name()).isEqualTo("io.debezium.time.ZonedTimestamp");
        double days = 14 * 365.25 / 12 + 3;
        long interval = Math.round(days * 86_400_000_000.0) + ((4 * 60 + 5) * 60 + 6) * 1_000_000L + 789_000;
        assertThat(row.getInt64("c_interval")).isEqualTo(interval);
        assertThat(schema.field("c_interval").schema().name()).isEqualTo("io.debezium.time.MicroDuration");
        assertThat(row.getString("c_uuid")).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(schema.field("c_uuid").schema().name()).isEqualTo("io.debezium.data.Uuid");
        assertThat(row.getString("c_json")).isEqualTo("{\"a\": 1}");
        assertThat(row.getString("c_jsonb")).isEqualTo("{\"b\": [1, 2]}");
        assertThat(schema.field("c_jsonb").schema().name()).isEqualTo("io.debezium.data.Json");
        assertThat(row.getArray("c_int_array")).containsExactly(1, null, 3);
        assertThat(row.getArray("c_text_array")).containsExactly("x y", "q\"z", null);
        assertThat(row.getString("c_mood")).isEqualTo("happy");
        assertThat(schema.field("c_mood").schema().name()).isEqualTo("io.debezium.data.Enum");
        assertThat(schema.field("c_mood").schema().parameters()).containsEntry("allowed", "sad,ok,happy");
        assertThat(row.getString("c_inet")).isEqualTo("192.168.0.1/24");
        assertThat(row.getString("c_cidr")).isEqualTo("10.0.0.0/8");
        assertThat(row.get("c_money")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(row.getBoolean("c_bit")).isTrue();
        assertThat(row.getBytes("c_bits")).containsExactly(0x81, 0x02);
        assertThat(schema.field("c_bits").schema().parameters()).isEqualTo(Map.of("length", "10"));
        assertThat(row.get("c_null")).isNull();
        assertThat(Arrays.asList(row.schema().fields().get(0).name())).containsExactly("id");
    }
}
