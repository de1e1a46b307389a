package dev.cdc.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import dev.cdc.source.mysql.server.ServerFlavor;
import dev.cdc.source.mysql.types.MySqlCharsets;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlTable;
import dev.cdc.source.mysql.types.MySqlType;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Table maps as the library deserializes them. The first is the one MariaDB 10.11 wrote for a
 * table of every type (captured from the local server); the others are built to MySQL 8's rules.
 */
class TableMapReaderTest {
    private static final MySqlCharsets CHARSETS = MySqlCharsets.builtIn();

    private static BitSet bits(int... indexes) {
        BitSet set = new BitSet();
        for (int index : indexes) {
            set.set(index);
        }
        return set;
    }

    /** MariaDB 10.11: {@code id int pk, ti tinyint, tiu tinyint unsigned, ..., u8 varchar(10) utf8mb3, mtx mediumtext latin1}. */
    private static TableMapEventData capturedMariaDb() {
        TableMapEventData map = new TableMapEventData();
        map.setDatabase("exp1");
        map.setTable("t");
        map.setColumnTypes(new byte[] {3, 1, 1, 2, 9, 9, 3, 8, -10, 4, 4, 5, 16, 16, -2, 15, 15, -2, -4, -4, 10, 19, 18, 17, 13, -2,
            -2, -4, -1, -1, 15, -4});
        map.setColumnMetadata(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 780, 4, 4, 8, 1, 257, 65029, 80, 10, 65028, 2, 2, 0, 3, 6, 2, 0,
            63233, 63489, 4, 4, 4, 30, 3});
        map.setColumnNullability(bits(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
            27, 28, 29, 30, 31));
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setSignedness(bits(2, 3, 5, 6, 7, 24));
        metadata.setColumnCharsets(List.of(8, 224, 63, 63, 224, 63, 46, 63, 63, 33, 8));
        metadata.setColumnNames(List.of("id", "ti", "tiu", "si", "mi", "miu", "iu", "bi", "d", "f", "f2", "db", "b1", "b9", "c", "vc",
                "vb", "bn", "tx", "bl", "dt", "tm", "dtm", "ts", "y", "e", "s", "j", "g", "p", "u8", "mtx"));
        metadata.setSetStrValues(List.<String[]>of(new String[] {"a", "b", "c"}));
        metadata.setEnumStrValues(List.<String[]>of(new String[] {"x", "y", "z"}));
        metadata.setGeometryTypes(List.of(0, 1));
        metadata.setSimplePrimaryKeys(List.of(0));
        TableMapEventMetadata.DefaultCharset enumCharset = new TableMapEventMetadata.DefaultCharset();
        enumCharset.setDefaultCharsetCollation(224);
        metadata.setEnumAndSetDefaultCharset(enumCharset);
        map.setEventMetadata(metadata);
        return map;
    }

    private static MySqlType type(MySqlTable table, String column) {
        return table.column(column).orElseThrow().type();
    }

    @Test
    void mariaDbTableOfEveryType() {
        MySqlTable table = new TableMapReader(CHARSETS, ServerFlavor.MARIADB).read(capturedMariaDb());

        assertThat(table.database()).isEqualTo("exp1");
        assertThat(table.primaryKey()).containsExactly("id");
        assertThat(table.column("id").orElseThrow().nullable()).isFalse();
        assertThat(table.column("ti").orElseThrow().nullable()).isTrue();
        assertThat(type(table, "ti")).isEqualTo(MySqlType.of(MySqlDataType.TINYINT));
        assertThat(type(table, "tiu")).isEqualTo(MySqlType.of(MySqlDataType.TINYINT).withUnsigned(true));
        assertThat(type(table, "si").unsigned()).isTrue();
        assertThat(type(table, "mi")).isEqualTo(MySqlType.of(MySqlDataType.MEDIUMINT));
        assertThat(type(table, "bi")).isEqualTo(MySqlType.of(MySqlDataType.BIGINT).withUnsigned(true));
        assertThat(type(table, "d")).isEqualTo(MySqlType.of(MySqlDataType.DECIMAL).withPrecisionAndScale(12, 3));
        assertThat(type(table, "f").dataType()).isEqualTo(MySqlDataType.FLOAT);
        assertThat(type(table, "db").dataType()).isEqualTo(MySqlDataType.DOUBLE);
        assertThat(type(table, "b1")).isEqualTo(MySqlType.of(MySqlDataType.BIT).withLength(1));
        assertThat(type(table, "b9")).isEqualTo(MySqlType.of(MySqlDataType.BIT).withLength(9));
        assertThat(type(table, "c")).isEqualTo(MySqlType.of(MySqlDataType.CHAR).withLength(5).withCharset("latin1"));
        assertThat(type(table, "vc")).isEqualTo(MySqlType.of(MySqlDataType.VARCHAR).withLength(20).withCharset("utf8mb4"));
        assertThat(type(table, "vb")).isEqualTo(MySqlType.of(MySqlDataType.VARBINARY).withLength(10));
        assertThat(type(table, "bn")).isEqualTo(MySqlType.of(MySqlDataType.BINARY).withLength(4));
        assertThat(type(table, "tx")).isEqualTo(MySqlType.of(MySqlDataType.TEXT).withCharset("utf8mb4"));
        assertThat(type(table, "bl")).isEqualTo(MySqlType.of(MySqlDataType.BLOB));
        assertThat(type(table, "dt")).isEqualTo(MySqlType.of(MySqlDataType.DATE));
        assertThat(type(table, "tm")).isEqualTo(MySqlType.of(MySqlDataType.TIME).withPrecision(3));
        assertThat(type(table, "dtm")).isEqualTo(MySqlType.of(MySqlDataType.DATETIME).withPrecision(6));
        assertThat(type(table, "ts")).isEqualTo(MySqlType.of(MySqlDataType.TIMESTAMP).withPrecision(2));
        assertThat(type(table, "y")).isEqualTo(MySqlType.of(MySqlDataType.YEAR));
        assertThat(type(table, "e")).isEqualTo(MySqlType.of(MySqlDataType.ENUM).withValues(List.of("x", "y", "z")).withCharset("utf8mb4"));
        assertThat(type(table, "s")).isEqualTo(MySqlType.of(MySqlDataType.SET).withValues(List.of("a", "b", "c")).withCharset("utf8mb4"));
        assertThat(type(table, "j")).as("MariaDB JSON is LONGTEXT in the binlog")
                .isEqualTo(MySqlType.of(MySqlDataType.LONGTEXT).withCharset("utf8mb4"));
        assertThat(type(table, "g")).isEqualTo(MySqlType.of(MySqlDataType.GEOMETRY));
        assertThat(type(table, "p")).isEqualTo(MySqlType.of(MySqlDataType.POINT));
        assertThat(type(table, "u8")).as("after the geometry columns, which MariaDB lists among character columns")
                .isEqualTo(MySqlType.of(MySqlDataType.VARCHAR).withLength(10).withCharset("utf8mb3"));
        assertThat(type(table, "mtx")).isEqualTo(MySqlType.of(MySqlDataType.MEDIUMTEXT).withCharset("latin1"));
    }

    /** MySQL 8 writes no signedness flag for YEAR and no charset for GEOMETRY; JSON has its own type. */
    private static TableMapEventData mySqlTable(BitSet librarySignedness) {
        TableMapEventData map = new TableMapEventData();
        map.setDatabase("shop");
        map.setTable("t");
        // y YEAR, a INT UNSIGNED, g GEOMETRY, v VARCHAR(10) latin1, j JSON, b TINYINT
        map.setColumnTypes(new byte[] {13, 3, -1, 15, -11, 1});
        map.setColumnMetadata(new int[] {0, 0, 4, 10, 4, 0});
        map.setColumnNullability(bits(0, 1, 2, 3, 4, 5));
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setSignedness(librarySignedness);
        TableMapEventMetadata.DefaultCharset charsets = new TableMapEventMetadata.DefaultCharset();
        charsets.setDefaultCharsetCollation(255);
        charsets.setCharsetCollations(Map.of(0, 8));
        metadata.setDefaultCharset(charsets);
        metadata.setColumnNames(List.of("y", "a", "g", "v", "j", "b"));
        metadata.setGeometryTypes(List.of(0));
        map.setEventMetadata(metadata);
        return map;
    }

    @Test
    void mySqlSignednessSkipsYear() {
        // the server wrote flags for (a, b) = (unsigned, signed): bits "10"; the library put them on (y, a)
        MySqlTable table = new TableMapReader(CHARSETS, ServerFlavor.MYSQL).read(mySqlTable(bits(0)));

        assertThat(type(table, "a").unsigned()).isTrue();
        assertThat(type(table, "b").unsigned()).isFalse();
    }

    @Test
    void mySqlDefaultCharsetWithExceptionsAndNoGeometryCharset() {
        MySqlTable table = new TableMapReader(CHARSETS, ServerFlavor.MYSQL).read(mySqlTable(bits(0)));

        assertThat(type(table, "v")).isEqualTo(MySqlType.of(MySqlDataType.VARCHAR).withLength(10).withCharset("latin1"));
        assertThat(type(table, "j")).isEqualTo(MySqlType.of(MySqlDataType.JSON));
        assertThat(type(table, "g")).isEqualTo(MySqlType.of(MySqlDataType.GEOMETRY));
        assertThat(table.primaryKey()).isEmpty();
    }

    @Test
    void minimalMetadataIsRefusedWithTheFix() {
        TableMapEventData map = capturedMariaDb();
        map.setEventMetadata(null);

        assertThatThrownBy(() -> new TableMapReader(CHARSETS, ServerFlavor.MARIADB).read(map))
                .hasMessage("the table map of exp1.t carries no column names: the server must run with binlog_row_metadata=FULL");
    }

    @Test
    void longCharLengthsBorrowBitsOfTheTypeByte() {
        // CHAR(255) utf8mb4 is 1020 bytes: meta 0xCEFC (type byte 0xFE with bits 4-5 flipped, low byte 0xFC)
        assertThat(TableMapReader.stringLength(0xCEFC)).isEqualTo(1020);
        assertThat(TableMapReader.realTypeCode(254, 0xCEFC)).isEqualTo(254);
        assertThat(TableMapReader.realTypeCode(254, 0xF701)).isEqualTo(247);
        assertThat(TableMapReader.stringLength(0xFE05)).isEqualTo(5);
    }

    @Test
    void nullableColumnsComeFromTheNullabilityBits() {
        MySqlTable table = new TableMapReader(CHARSETS, ServerFlavor.MARIADB).read(capturedMariaDb());

        assertThat(table.columns()).filteredOn(column -> !column.nullable()).extracting(MySqlColumn::name).containsExactly("id");
    }
}
