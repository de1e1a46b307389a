package dev.cdc.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cdc.core.event.Envelope;
import dev.cdc.source.mysql.config.BigintUnsignedMode;
import dev.cdc.source.mysql.config.ConnectionConfig;
import dev.cdc.source.mysql.config.DecodingFailureMode;
import dev.cdc.source.mysql.ddl.SchemaCatalog;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.it.Endpoints;
import dev.cdc.source.mysql.it.TestDatabase;
import dev.cdc.source.mysql.server.GtidFlavor;
import dev.cdc.source.mysql.server.ServerFlavor;
import dev.cdc.source.mysql.types.MySqlCharsets;
import dev.cdc.testkit.TestStack;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The binlog reader on the real MariaDB: every operation, the source block, and resuming from a stored offset. */
class BinlogReaderIT {
    private static final int EXPECTED_RECORDS = 13;

    private TestDatabase database;
    private final List<AutoCloseable> readers = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabase.create("stream");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable reader : readers) {
            reader.close();
        }
        database.close();
    }

    private List<SourceRecord> read(BinlogOffset start, int serverIdOffset) {
        return read(start, serverIdOffset, true);
    }

    /** @param byGtid whether the reader may resume by GTID set; otherwise by file and position */
    private List<SourceRecord> read(BinlogOffset start, int serverIdOffset, boolean byGtid) {
        List<SourceRecord> records = new CopyOnWriteArrayList<>();
        StreamingSettings settings = new StreamingSettings("it", new CaptureFilter(List.of(database.name()), List.of(), List.of(),
                List.of(), List.of()), true, BigintUnsignedMode.LONG, DecodingFailureMode.FAIL, ServerFlavor.MARIADB);
        SchemaCatalog catalog = new SchemaCatalog("utf8mb4");
        BinlogEventHandler handler = new BinlogEventHandler(settings, catalog,
                new TableMapReader(MySqlCharsets.builtIn(), ServerFlavor.MARIADB),
                new RecordMaker(settings, catalog, records::add, Clock.systemUTC()), start, GtidFlavor.MARIADB);
        Map<String, String> properties = Endpoints.connectorProperties();
        properties.put("database.server.id", String.valueOf(Long.parseLong(properties.get("database.server.id")) + serverIdOffset));
        BinlogReader reader = new BinlogReader(ConnectionConfig.parse(properties), "it", start,
                byGtid ? GtidFlavor.MARIADB : GtidFlavor.NONE, handler, failures::add);
        readers.add(reader);
        reader.start();
        return records;
    }

    private static BinlogOffset currentEnd() throws Exception {
        try (Connection connection = TestStack.get().mysqlAdminConnection(null); Statement statement = connection.createStatement();
                ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
            status.next();
            return BinlogOffset.at(status.getString(1), status.getLong(2), null);
        }
    }

    private static String op(SourceRecord record) {
        if (record.value() == null) {
            return "tombstone";
        }
        Struct value = (Struct) record.value();
        return value.schema().field(Envelope.OPERATION) != null ? value.getString(Envelope.OPERATION) : "schema-change";
    }

    private static Struct source(SourceRecord record) {
        return ((Struct) record.value()).getStruct(Envelope.SOURCE);
    }

    @Test
    void everyOperationWithItsSourceBlockAndResumeFromAStoredOffset() throws Exception {
        BinlogOffset start = currentEnd();
        List<SourceRecord> records = read(start, 0);
        database.execute(
                "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, price DECIMAL(8,2))",
                "INSERT INTO items VALUES (1, 'pen', 1.50), (2, 'ink', 7.25)",
                "UPDATE items SET price = 2.00 WHERE id = 1",
                "UPDATE items SET id = 3 WHERE id = 2",
                "DELETE FROM items WHERE id = 1",
                "TRUNCATE TABLE items",
                "ALTER TABLE items ADD COLUMN stock INT NOT NULL DEFAULT 0",
                "INSERT INTO items VALUES (4, 'pad', NULL, 9)");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(records.size() >= EXPECTED_RECORDS || !failures.isEmpty())
                .as("records %s, failures %s", records.stream().map(BinlogReaderIT::op).toList(), failures).isTrue());
        assertThat(failures).isEmpty();

        String topic = "it." + database.name() + ".items";
        assertThat(records).extracting(record -> record.topic().equals(topic) ? op(record) : "schema:" + record.topic())
                .containsExactly("schema:it.schema-changes", "c", "c", "u", "d", "tombstone", "c", "d", "tombstone",
                        "schema:it.schema-changes", "t", "schema:it.schema-changes", "c");

        Struct firstInsert = source(records.get(1));
        Struct secondInsert = source(records.get(2));
        assertThat(firstInsert.getString("file")).isEqualTo(start.file());
        assertThat(firstInsert.getInt64("pos")).isEqualTo(secondInsert.getInt64("pos")).as("one rows event");
        assertThat(firstInsert.getInt32("row")).isZero();
        assertThat(secondInsert.getInt32("row")).isEqualTo(1);
        assertThat(secondInsert.getInt64("position")).isEqualTo(firstInsert.getInt64("position") + 1);
        assertThat(firstInsert.getString("gtid")).matches("\\d+-\\d+-\\d+");
        assertThat(firstInsert.getString("db")).isEqualTo(database.name());
        assertThat(firstInsert.getString("table")).isEqualTo("items");
        assertThat(firstInsert.getString("connector")).isEqualTo("mysql");
        assertThat(firstInsert.getString("snapshot")).isEqualTo("false");
        assertThat(firstInsert.getInt64("server_id")).isPositive();
        Struct transaction = ((Struct) records.get(2).value()).getStruct(Envelope.TRANSACTION);
        assertThat(transaction.getString("id")).isEqualTo(firstInsert.getString("gtid"));
        assertThat(transaction.getInt64("total_order")).isEqualTo(2);

        Struct update = (Struct) records.get(3).value();
        assertThat(update.getStruct(Envelope.BEFORE).get("price")).isEqualTo(new BigDecimal("1.50"));
        assertThat(update.getStruct(Envelope.AFTER).get("price")).isEqualTo(new BigDecimal("2.00"));
        assertThat(((Struct) records.get(4).key()).getInt32("id")).as("key change: delete of the old key").isEqualTo(2);
        assertThat(((Struct) records.get(6).key()).getInt32("id")).as("then create of the new key").isEqualTo(3);
        assertThat(((Struct) records.get(7).value()).getStruct(Envelope.BEFORE).getString("name")).isEqualTo("pen");
        assertThat(records.get(8).key()).isEqualTo(records.get(7).key());
        assertThat(records.get(8).sourceOffset()).isEqualTo(records.get(7).sourceOffset());
        Struct afterAlter = ((Struct) records.get(12).value()).getStruct(Envelope.AFTER);
        assertThat(afterAlter.getInt32("stock")).isEqualTo(9);
        assertThat(afterAlter.get("price")).isNull();

        List<Long> positions = records.stream().filter(record -> record.value() != null)
                .map(record -> ((Struct) record.value()).getStruct(Envelope.SOURCE).getInt64("position")).toList();
        for (int i = 1; i < positions.size(); i++) {
            assertThat(positions.get(i)).as("position %d", i).isGreaterThanOrEqualTo(positions.get(i - 1));
        }
        assertThat(positions.stream().distinct().count()).as("only a record and the delete/create of one row share one")
                .isGreaterThanOrEqualTo(positions.size() - 2L);

        // resume after the first inserted row: the rest comes again, with the same positions and offsets
        BinlogOffset afterFirstRow = BinlogOffset.fromMap(records.get(1).sourceOffset()).orElseThrow();
        assertThat(afterFirstRow.rowsToSkip()).isEqualTo(1);
        List<SourceRecord> byFilePosition = read(afterFirstRow, 1, false);
        List<SourceRecord> byGtid = read(afterFirstRow, 2);
        assertThat(afterFirstRow.gtids()).as("the offset carries the GTIDs completed before its transaction").matches("\\d+-\\d+-\\d+");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                byFilePosition.size() >= EXPECTED_RECORDS - 2 && byGtid.size() >= EXPECTED_RECORDS - 2 || !failures.isEmpty())
                .as("by file and position %s, by GTID %s, failures %s", byFilePosition.stream().map(BinlogReaderIT::op).toList(),
                        byGtid.stream().map(BinlogReaderIT::op).toList(), failures).isTrue());
        assertThat(failures).isEmpty();
        assertThat(describe(byFilePosition)).isEqualTo(describe(records.subList(2, EXPECTED_RECORDS)));
        assertThat(describe(byGtid)).isEqualTo(describe(records.subList(2, EXPECTED_RECORDS)));
    }

    /** Topic, op, source position, offset and row of each record: what a restart must reproduce. */
    private static String describe(List<SourceRecord> records) {
        return records.stream().map(record -> {
            String op = op(record);
            if (record.value() == null) {
                return record.topic() + " tombstone " + record.sourceOffset();
            }
            Struct value = (Struct) record.value();
            Struct source = value.getStruct(Envelope.SOURCE);
            String row = value.schema().field(Envelope.AFTER) != null ? String.valueOf(value.get(Envelope.AFTER)) : "";
            String transaction = value.schema().field(Envelope.TRANSACTION) != null ? String.valueOf(value.get(Envelope.TRANSACTION)) : "";
            return record.topic() + " " + op + " " + source.get("position") + " " + record.sourceOffset() + " " + row + " " + transaction;
        }).collect(Collectors.joining("\n"));
    }
}
