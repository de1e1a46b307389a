package dev.cdc.source.mysql.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import dev.cdc.source.mysql.binlog.BinlogRowConverter;
import dev.cdc.source.mysql.binlog.TableMapReader;
import dev.cdc.source.mysql.config.BigintUnsignedMode;
import dev.cdc.source.mysql.it.BinlogCapture;
import dev.cdc.source.mysql.it.TestDatabase;
import dev.cdc.source.mysql.server.ServerFlavor;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One row of every type written on the real MariaDB, read back from its binlog with the connector's
 * deserializer, table-map reader and converters, and every value checked.
 */
class AllTypesBinlogIT {
    private static final String CREATE = "CREATE TABLE all_types ("
            + " id INT PRIMARY KEY, ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED, mi MEDIUMINT,"
            + " miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED, d DECIMAL(12,3), dz DECIMAL(5,0),"
            + " f FLOAT, db DOUBLE, b1 BIT(1), b9 BIT(9), c CHAR(5) CHARACTER SET latin1, vc VARCHAR(20), vb VARBINARY(10),"
            + " bn BINARY(4), tx TEXT, mtx MEDIUMTEXT CHARACTER SET latin1, u8 VARCHAR(10) CHARACTER SET utf8mb3, bl BLOB,"
            + " dt DATE, dt_old DATE, tm TIME(3), tm_neg TIME, dtm DATETIME(6), dtm0 DATETIME, ts TIMESTAMP(2) NULL, y YEAR,"
            + " y0 YEAR, e ENUM('x','y','z'), s SET('a','b','c'), j JSON, g GEOMETRY, p POINT,"
            + " dt_zero DATE NULL, dt_zero_nn DATE NOT NULL DEFAULT '2000-01-01', nothing VARCHAR(5))";
    private static final String INSERT = "INSERT INTO all_types VALUES (1, -5, 250, -32000, 65000, -8000000, 16000000,"
            + " -2000000000, 4000000000, -9000000000000000000, 18446744073709551615, -123456789.123, 99999, 1.5, 2.5e100,"
            + " b'1', b'100000001', 'abc  ', 'é€😀', x'00ff', x'0102', 'üüü', 'ÿ', 'abc', x'cafe',"
            + " '2024-02-29', '1000-03-01', '-838:59:59.999', '-00:00:01', '2024-01-02 03:04:05.123456', '1970-01-01 00:00:00',"
            + " '2024-01-02 03:04:05.12', 2155, 0, 'y', 'a,c', '{\"k\": [1, 2.5, \"x\"]}', ST_GeomFromText('LINESTRING(0 0,1 1)', 4326),"
            + " POINT(1.5,-2), '0000-00-00', '0000-00-00', NULL)";

    private TestDatabase database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("types");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void everyTypeRoundTripsThroughTheBinlog() throws Exception {
        Struct row;
        MySqlTable table;
        try (BinlogCapture capture = BinlogCapture.start()) {
            database.execute("SET SESSION sql_mode = ''", CREATE, INSERT);
            TableMapEventData tableMap = capture.awaitEvent(TableMapEventData.class, map -> map.getDatabase().equals(database.name()));
            WriteRowsEventData rows = capture.awaitEvent(WriteRowsEventData.class, write -> write.getTableId() == tableMap.getTableId());
            table = new TableMapReader(MySqlCharsets.builtIn(), ServerFlavor.MARIADB).read(tableMap);
            BinlogRowConverter converter = new BinlogRowConverter(table, column -> true,
                    new BinlogValueConverters(BigintUnsignedMode.LONG, false), BigintUnsignedMode.LONG, "it." + database.name() + ".all_types");
            row = converter.row(rows.getRows().get(0), rows.getIncludedColumns());
            assertThat(converter.keySchema().fields()).extracting(org.apache.kafka.connect.data.Field::name).containsExactly("id");
        }
        ConnectSchema.validateValue(row.schema(), row);

        assertThat(table.column("tiu").orElseThrow().type().unsigned()).isTrue();
        assertThat(table.column("ti").orElseThrow().type().unsigned()).isFalse();
        assertThat(table.column("y0").orElseThrow().type().dataType()).isEqualTo(MySqlDataType.YEAR);
        assertThat(table.column("c").orElseThrow().type()).isEqualTo(MySqlType.of(MySqlDataType.CHAR).withCharset("latin1").withLength(5));
        assertThat(table.column("vc").orElseThrow().type()).isEqualTo(MySqlType.of(MySqlDataType.VARCHAR).withCharset("utf8mb4").withLength(20));
        assertThat(table.column("vb").orElseThrow().type()).isEqualTo(MySqlType.of(MySqlDataType.VARBINARY).withLength(10));
        assertThat(table.column("mtx").orElseThrow().type().dataType()).isEqualTo(MySqlDataType.MEDIUMTEXT);
        assertThat(table.column("bl").orElseThrow().type().dataType()).isEqualTo(MySqlDataType.BLOB);
        assertThat(table.column("p").orElseThrow().type().dataType()).isEqualTo(MySqlDataType.POINT);
        assertThat(table.column("e").orElseThrow().type().values()).containsExactly("x", "y", "z");
        assertThat(table.column("dt_zero_nn").orElseThrow().nullable()).isFalse();
        assertThat(table.primaryKey()).containsExactly("id");

        assertThat(row.get("id")).isEqualTo(1);
        assertThat(row.get("ti")).isEqualTo((short) -5);
        assertThat(row.get("tiu")).isEqualTo((short) 250);
        assertThat(row.get("si")).isEqualTo((short) -32000);
        assertThat(row.get("siu")).isEqualTo(65000);
        assertThat(row.get("mi")).isEqualTo(-8_000_000);
        assertThat(row.get("miu")).isEqualTo(16_000_000);
        assertThat(row.get("i")).isEqualTo(-2_000_000_000);
        assertThat(row.get("iu")).isEqualTo(4_000_000_000L);
        assertThat(row.get("bi")).isEqualTo(-9_000_000_000_000_000_000L);
        assertThat(row.get("biu")).as("Debezium's long mode wraps above 2^63-1").isEqualTo(-1L);
        assertThat(row.get("d")).isEqualTo(new BigDecimal("-123456789.123"));
        assertThat(row.get("dz")).isEqualTo(new BigDecimal("99999"));
        assertThat(row.get("f")).isEqualTo(1.5f);
        assertThat(row.get("db")).isEqualTo(2.5e100);
        assertThat(row.get("b1")).isEqualTo(true);
        assertThat((byte[]) row.get("b9")).containsExactly(0x01, 0x01);
        assertThat(row.get("c")).isEqualTo("abc");
        assertThat(row.get("vc")).isEqualTo("é€😀");
        assertThat((byte[]) row.get("vb")).containsExactly(0x00, 0xff);
        assertThat((byte[]) row.get("bn")).containsExactly(0x01, 0x02, 0x00, 0x00);
        assertThat(row.get("tx")).isEqualTo("üüü");
        assertThat(row.get("mtx")).isEqualTo("ÿ");
        assertThat(row.get("u8")).isEqualTo("abc");
        assertThat((byte[]) row.get("bl")).containsExactly(0xca, 0xfe);
        assertThat(row.get("dt")).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(row.get("dt_old")).as("proleptic Gregorian before 1582").isEqualTo((int) LocalDate.of(1000, 3, 1).toEpochDay());
        assertThat(row.get("tm")).isEqualTo(-(838 * 3600 + 59 * 60 + 59) * 1_000_000L - 999_000L);
        assertThat(row.get("tm_neg")).isEqualTo(-1_000_000L);
        assertThat(row.get("dtm")).isEqualTo(1_704_164_645_123_456L);
        assertThat(row.get("dtm0")).isEqualTo(0L);
        assertThat(row.get("ts")).isEqualTo("2024-01-02T03:04:05.12Z");
        assertThat(row.get("y")).isEqualTo(2155);
        assertThat(row.get("y0")).isEqualTo(0);
        assertThat(row.get("e")).isEqualTo("y");
        assertThat(row.get("s")).isEqualTo("a,c");
        assertThat(row.get("j")).isEqualTo("{\"k\": [1, 2.5, \"x\"]}");
        Struct geometry = row.getStruct("g");
        assertThat(geometry.getInt32("srid")).isEqualTo(4326);
        assertThat(wkbType(geometry.getBytes("wkb"))).as("LINESTRING").isEqualTo(2);
        Struct point = row.getStruct("p");
        assertThat(point.getInt32("srid")).isNull();
        ByteBuffer wkb = ByteBuffer.wrap(point.getBytes("wkb")).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(wkb.getInt(1)).as("POINT").isEqualTo(1);
        assertThat(wkb.getDouble(5)).isEqualTo(1.5);
        assertThat(wkb.getDouble(13)).isEqualTo(-2.0);
        assertThat(row.get("dt_zero")).as("zero date in a nullable column").isNull();
        assertThat(row.get("dt_zero_nn")).as("zero date in a NOT NULL column: the epoch day").isEqualTo(0);
        assertThat(row.get("nothing")).isNull();
        assertThat(row.schema().field("dt_zero_nn").schema().isOptional()).isFalse();
        assertThat(schemaNames(row.schema())).contains("io.debezium.time.Date", "io.debezium.time.MicroTime",
                "io.debezium.time.MicroTimestamp", "io.debezium.time.Timestamp", "io.debezium.time.ZonedTimestamp",
                "io.debezium.time.Year", "io.debezium.data.Enum", "io.debezium.data.EnumSet", "io.debezium.data.Bits",
                "io.debezium.data.geometry.Geometry", "org.apache.kafka.connect.data.Decimal");
    }

    private static int wkbType(byte[] wkb) {
        ByteBuffer buffer = ByteBuffer.wrap(wkb).order(wkb[0] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        return buffer.getInt(1);
    }

    private static List<String> schemaNames(Schema row) {
        return row.fields().stream().map(field -> field.schema().name()).filter(java.util.Objects::nonNull).toList();
    }
}
