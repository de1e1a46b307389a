package dev.cdc.source.mysql.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.schema.ColumnType;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlTable;
import dev.cdc.source.mysql.types.MySqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTablesTest {
    @Test
    void aTableComesBackFromItsHistorySchema() {
        MySqlTable table = new MySqlTable("shop", "orders", List.of(
                new MySqlColumn("id", MySqlType.of(MySqlDataType.BIGINT).withUnsigned(true), false, null, true, false, null),
                new MySqlColumn("amount", MySqlType.of(MySqlDataType.DECIMAL).withPrecisionAndScale(12, 2), true, "0.00", false, false, "total"),
                MySqlColumn.of("status", MySqlType.of(MySqlDataType.ENUM).withValues(List.of("new", "paid"))),
                MySqlColumn.of("note", MySqlType.of(MySqlDataType.VARCHAR).withLength(200).withCharset("utf8mb4")),
                MySqlColumn.of("created", MySqlType.of(MySqlDataType.DATETIME).withPrecision(3)),
                MySqlColumn.of("flags", MySqlType.of(MySqlDataType.BIT).withLength(9)),
                MySqlColumn.of("spot", MySqlType.of(MySqlDataType.POINT))), List.of("id"));
        assertThat(HistoryTables.toMySqlTable(table.toTableSchema(3, 99))).contains(table);
    }

    @Test
    void anUnknownNativeTypeGivesNothing() {
        assertThat(HistoryTables.type(ColumnType.int32())).isEmpty();
    }
}
