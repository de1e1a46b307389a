package dev.cdc.source.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import dev.cdc.source.mysql.binlog.TableMapReader;
import dev.cdc.source.mysql.it.BinlogCapture;
import dev.cdc.source.mysql.it.TestDatabase;
import dev.cdc.source.mysql.server.ServerFlavor;
import dev.cdc.source.mysql.types.MySqlCharsets;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each DDL kind run on the real MariaDB: the statement as the server wrote it to the binlog is
 * parsed and applied, and the catalog's table must then agree with the table map the server writes
 * for the next row of that table (names, order, types, nullability, key).
 */
class DdlFromBinlogIT {
    private TestDatabase database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("ddl");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void everyDdlKindKeepsTheCatalogInStepWithTheBinlog() throws Exception {
        String marker = "done_" + database.name();
        try (BinlogCapture capture = BinlogCapture.start()) {
            database.execute(
                    "CREATE TABLE orders (id BIGINT NOT NULL, qty SMALLINT, note VARCHAR(20), PRIMARY KEY (id))",
                    "INSERT INTO orders VALUES (1, 2, 'a')",
                    "ALTER TABLE orders ADD COLUMN status ENUM('new','paid') NOT NULL DEFAULT 'new' AFTER id",
                    "INSERT INTO orders (id, qty) VALUES (2, 3)",
                    "ALTER TABLE orders RENAME COLUMN note TO remark",
                    "INSERT INTO orders (id, qty) VALUES (3, 1)",
                    "ALTER TABLE orders MODIFY qty INT UNSIGNED NOT NULL DEFAULT 0",
                    "INSERT INTO orders (id) VALUES (4)",
                    "ALTER TABLE orders CHANGE COLUMN remark comment_text TEXT CHARACTER SET latin1",
                    "INSERT INTO orders (id) VALUES (5)",
                    "ALTER TABLE orders DROP COLUMN comment_text, ADD COLUMN amount DECIMAL(10,2) FIRST",
                    "INSERT INTO orders (id) VALUES (6)",
                    "RENAME TABLE orders TO orders_2024",
                    "INSERT INTO orders_2024 (id) VALUES (7)",
                    "ALTER TABLE orders_2024 RENAME TO orders",
                    "INSERT INTO orders (id) VALUES (8)",
                    "TRUNCATE TABLE orders",
                    "CREATE TABLE copy LIKE orders",
                    "INSERT INTO copy (id) VALUES (1)",
                    "DROP TABLE copy",
                    "CREATE TABLE " + marker + " (id INT)");
            capture.awaitEvent(QueryEventData.class, query -> query.getSql().contains(marker));
            SchemaCatalog catalog = new SchemaCatalog("utf8mb4");
            catalog.apply(new DdlStatement.CreateDatabase(database.name(), "utf8mb4", null), null, 0);
            TableMapReader tableMaps = new TableMapReader(MySqlCharsets.builtIn(), ServerFlavor.MARIADB);
            List<String> changes = new ArrayList<>();
            int tableMapsCompared = 0;
            long position = 0;
            for (Event event : capture.events()) {
                if (event.getData() instanceof QueryEventData query && database.name().equals(query.getDatabase())) {
                    DdlOutcome outcome = catalog.apply(DdlParser.parse(query.getSql()), query.getDatabase(), ++position);
                    outcome.changes().stream().map(SchemaChanges::describe).forEach(changes::add);
                    assertThat(outcome.undefinedTables()).as(query.getSql()).isEmpty();
                } else if (event.getData() instanceof TableMapEventData map && map.getDatabase().equals(database.name())) {
                    MySqlTable fromBinlog = tableMaps.read(map);
                    MySqlTable fromDdl = catalog.table(map.getDatabase(), map.getTable()).orElseThrow();
                    assertThat(comparable(fromDdl)).as("table map of %s", map.getTable()).isEqualTo(comparable(fromBinlog));
                    tableMapsCompared++;
                }
            }

            assertThat(tableMapsCompared).isEqualTo(9);
            String db = database.name();
            assertThat(changes).containsSubsequence(
                    "ADD_COLUMN " + db + ".orders status ENUM('new','paid') /*ENUM*/ NOT NULL DEFAULT 'new' @2",
                    "RENAME_COLUMN " + db + ".orders note -> remark",
                    "CHANGE_COLUMN_TYPE " + db + ".orders qty INT16 -> INT32 UNSIGNED",
                    "CHANGE_NULLABILITY " + db + ".orders qty NULL -> NOT NULL",
                    "CHANGE_COLUMN_DEFAULT " + db + ".orders qty (none) -> 0",
                    "RENAME_COLUMN " + db + ".orders remark -> comment_text",
                    "DROP_COLUMN " + db + ".orders comment_text",
                    "RENAME_TABLE " + db + ".orders_2024 from " + db + ".orders",
                    "RENAME_TABLE " + db + ".orders from " + db + ".orders_2024",
                    "TRUNCATE_TABLE " + db + ".orders",
                    "DROP_TABLE " + db + ".copy");
            assertThat(changes).noneMatch(change -> change.startsWith("DROP_COLUMN " + db + ".orders note"));
            assertThat(catalog.table(db, "orders").orElseThrow().columns()).extracting(MySqlColumn::name)
                    .containsExactly("amount", "id", "status", "qty");
        }
    }

    /** What a table map can tell: names, base types, signedness, charsets, values, nullability, key. */
    private static List<String> comparable(MySqlTable table) {
        List<String> lines = new ArrayList<>();
        for (MySqlColumn column : table.columns()) {
            var type = column.type();
            lines.add(column.name() + " " + type.dataType() + (type.unsigned() ? " unsigned" : "") + " " + type.charset() + " "
                    + type.values() + (column.nullable() ? " null" : " not null"));
        }
        lines.add("key " + table.primaryKey());
        return lines;
    }
}
