package dev.cdc.schema.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;

class InMemorySchemaHistoryTest {
    private static final TableId ORDERS = TableId.ofCatalogTable("shop", "orders");
    private static final TableId ITEMS = TableId.ofCatalogTable("shop", "items");
    private static final TableId ORDERS_OLD = ORDERS.withTable("orders_old");

    private static TableSchema orders(int columns, long version, long position) {
        TableSchema.Builder builder = TableSchema.builder(ORDERS).version(version).validFromPosition(position);
        for (int i = 0; i < columns; i++) {
            builder.column("c" + i, ColumnType.int32(), true);
        }
        return builder.build();
    }

    private final SchemaHistory history = new InMemorySchemaHistory();

    @Test
    void lookupBeforeAtAndAfterAChange() {
        TableSchema v1 = orders(1, 1, 100);
        TableSchema v2 = orders(2, 2, 200);
        history.record(SchemaHistoryEntry.of(v1, "CREATE TABLE orders"));
        history.record(SchemaHistoryEntry.of(v2, "ALTER TABLE orders ADD c1 INT"));

        assertThat(history.schemaAt(ORDERS, 99)).isEmpty();
        assertThat(history.schemaAt(ORDERS, 100)).contains(v1);
        assertThat(history.schemaAt(ORDERS, 199)).contains(v1);
        assertThat(history.schemaAt(ORDERS, 200)).contains(v2);
        assertThat(history.schemaAt(ORDERS, Long.MAX_VALUE)).contains(v2);
    }

    @Test
    void entriesMayArriveOutOfOrder() {
        TableSchema v1 = orders(1, 1, 100);
        TableSchema v2 = orders(2, 2, 200);
        history.record(SchemaHistoryEntry.of(v2, null));
        history.record(SchemaHistoryEntry.of(v1, null));
        assertThat(history.schemaAt(ORDERS, 150)).contains(v1);
        assertThat(history.entries()).extracting(SchemaHistoryEntry::position).containsExactly(100L, 200L);
    }

    @Test
    void reRecordingAtTheSamePositionReplaces() {
        history.record(SchemaHistoryEntry.of(orders(1, 1, 100), null));
        TableSchema rebuilt = orders(3, 1, 100);
        history.record(SchemaHistoryEntry.of(rebuilt, "rebuilt"));
        assertThat(history.schemaAt(ORDERS, 100)).contains(rebuilt);
        assertThat(history.entries()).hasSize(1);
    }

    @Test
    void dropHidesTheTableAndRecreateShowsItAgain() {
        history.record(SchemaHistoryEntry.of(orders(1, 1, 100), null));
        history.record(SchemaHistoryEntry.dropped(ORDERS, 300, "DROP TABLE orders"));
        TableSchema recreated = orders(2, 3, 400);
        history.record(SchemaHistoryEntry.of(recreated, null));
        assertThat(history.schemaAt(ORDERS, 299)).isPresent();
        assertThat(history.schemaAt(ORDERS, 300)).isEmpty();
        assertThat(history.schemaAt(ORDERS, 399)).isEmpty();
        assertThat(history.schemaAt(ORDERS, 400)).contains(recreated);
    }

    @Test
    void multipleTablesAndARenameAreIndependent() {
        TableSchema orders = orders(1, 1, 100);
        TableSchema items = TableSchema.builder(ITEMS).column("id", ColumnType.int64(), false).primaryKey("id")
                .version(1).validFromPosition(150).build();
        history.record(SchemaHistoryEntry.of(orders, null));
        history.record(SchemaHistoryEntry.of(items, null));
        history.record(SchemaHistoryEntry.dropped(ORDERS, 500, "RENAME TABLE orders TO orders_old"));
        history.record(SchemaHistoryEntry.of(orders.withId(ORDERS_OLD).withVersion(2, 500), "RENAME TABLE orders TO orders_old"));

        assertThat(history.tablesAt(120)).containsExactly(ORDERS);
        assertThat(history.tablesAt(150)).containsExactlyInAnyOrder(ORDERS, ITEMS);
        assertThat(history.tablesAt(500)).containsExactlyInAnyOrder(ITEMS, ORDERS_OLD);
        assertThat(history.schemaAt(ITEMS, 1000)).contains(items);
        assertThat(history.schemaAt(ORDERS_OLD, 499)).isEmpty();
        assertThat(history.schemaAt(ORDERS_OLD, 500).map(TableSchema::columns)).contains(orders.columns());
        assertThat(history.entries()).extracting(SchemaHistoryEntry::table)
                .containsExactly(ORDERS, ITEMS, ORDERS, ORDERS_OLD);
    }

    @Test
    void unknownTableHasNoSchema() {
        assertThat(history.schemaAt(ITEMS, 0)).isEmpty();
        assertThat(history.tablesAt(0)).isEmpty();
    }

    @Test
    void historyRebuiltFromEncodedEntriesAnswersTheSame() {
        history.record(SchemaHistoryEntry.of(orders(1, 1, 100), null));
        history.record(SchemaHistoryEntry.of(orders(2, 2, 200), "ALTER"));
        history.record(SchemaHistoryEntry.dropped(ORDERS, 300, "DROP"));
        SchemaHistory copy = new InMemorySchemaHistory();
        history.entries().forEach(entry -> copy.record(SchemaHistoryEntryCodec.decode(SchemaHistoryEntryCodec.encode(entry))));
        assertThat(copy.entries()).isEqualTo(history.entries());
        for (long position : new long[] {99, 100, 150, 200, 250, 300, 400}) {
            assertThat(copy.schemaAt(ORDERS, position)).isEqualTo(history.schemaAt(ORDERS, position));
        }
    }
}
