package dev.cdc.schema.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.SchemaChange.AddColumn;
import dev.cdc.schema.diff.SchemaChange.ChangeColumnDefault;
import dev.cdc.schema.diff.SchemaChange.ChangeColumnType;
import dev.cdc.schema.diff.SchemaChange.ChangeNullability;
import dev.cdc.schema.diff.SchemaChange.ChangePrimaryKey;
import dev.cdc.schema.diff.SchemaChange.CreateTable;
import dev.cdc.schema.diff.SchemaChange.DropColumn;
import dev.cdc.schema.diff.SchemaChange.DropTable;
import dev.cdc.schema.diff.SchemaChange.RenameColumn;
import dev.cdc.schema.diff.SchemaChange.RenameTable;

class SchemaDiffTest {
    private static final TableId ORDERS = TableId.ofCatalogTable("shop", "orders");

    private static Column column(String name, ColumnType type) {
        return Column.builder(name, type).nullable(true).build();
    }

    private static TableSchema table(TableId id, List<String> primaryKey, Column... columns) {
        return TableSchema.builder(id).columns(List.of(columns)).primaryKey(primaryKey).build();
    }

    private static final TableSchema BASE = table(ORDERS, List.of("id"),
            Column.builder("id", ColumnType.int32()).nullable(false).build(),
            column("status", ColumnType.string(16)),
            column("amount", ColumnType.decimal(12, 2)));

    private static TableSchema withColumns(Column... columns) {
        return table(ORDERS, List.of("id"), columns);
    }

    private static Column id() {
        return BASE.column("id").orElseThrow();
    }

    @Test
    void identicalSchemasHaveNoChanges() {
        assertThat(SchemaDiff.compare(BASE, BASE.withVersion(7, 1000))).isEmpty();
    }

    @Test
    void reorderIsNotAChange() {
        TableSchema reordered = withColumns(column("amount", ColumnType.decimal(12, 2)), id(), column("status", ColumnType.string(16)));
        assertThat(SchemaDiff.compare(BASE, reordered)).isEmpty();
    }

    @Test
    void nativeTypeNameAloneIsNotAChange() {
        TableSchema renamedNative = withColumns(id(), column("status", ColumnType.string(16).withNativeTypeName("VARCHAR")),
                column("amount", ColumnType.decimal(12, 2)));
        assertThat(SchemaDiff.compare(BASE, renamedNative)).isEmpty();
    }

    @Test
    void createAndDropTable() {
        assertThat(SchemaDiff.compare(null, BASE)).containsExactly(new CreateTable(BASE));
        assertThat(SchemaDiff.compare(BASE, null)).containsExactly(new DropTable(ORDERS));
        assertThatThrownBy(() -> SchemaDiff.compare(null, null)).hasMessage("cannot compare two absent tables");
    }

    @Test
    void addColumn() {
        Column note = column("note", ColumnType.string());
        TableSchema after = BASE.toBuilder().column(note).build();
        assertThat(SchemaDiff.compare(BASE, after)).containsExactly(new AddColumn(ORDERS, note.withPosition(4)));
    }

    @Test
    void dropColumn() {
        TableSchema after = withColumns(id(), column("amount", ColumnType.decimal(12, 2)));
        assertThat(SchemaDiff.compare(BASE, after)).containsExactly(new DropColumn(ORDERS, "status"));
    }

    @Test
    void renameWithoutHintIsDropPlusAdd() {
        TableSchema after = withColumns(id(), column("state", ColumnType.string(16)), column("amount", ColumnType.decimal(12, 2)));
        assertThat(SchemaDiff.compare(BASE, after)).containsExactly(
                new DropColumn(ORDERS, "status"),
                new AddColumn(ORDERS, after.column("state").orElseThrow()));
    }

    @Test
    void renameWithHint() {
        TableSchema after = withColumns(id(), column("state", ColumnType.string(16)), column("amount", ColumnType.decimal(12, 2)));
        assertThat(SchemaDiff.compare(BASE, after, List.of(new ColumnRename("status", "state"))))
                .containsExactly(new RenameColumn(ORDERS, "status", "state"));
    }

    @Test
    void renamePlusTypeChangeNamesTheNewColumn() {
        TableSchema after = withColumns(id(), column("state", ColumnType.string(64)), column("amount", ColumnType.decimal(12, 2)));
        assertThat(SchemaDiff.compare(BASE, after, List.of(new ColumnRename("status", "state")))).containsExactly(
                new RenameColumn(ORDERS, "status", "state"),
                new ChangeColumnType(ORDERS, "state", ColumnType.string(16), ColumnType.string(64), true));
    }

    @Test
    void swappedNamesAreTwoRenamesNotTypeChanges() {
        TableSchema before = withColumns(id(), column("a", ColumnType.int32()), column("b", ColumnType.string()));
        TableSchema after = withColumns(id(), column("b", ColumnType.int32()), column("a", ColumnType.string()));
        List<ColumnRename> swap = List.of(new ColumnRename("a", "b"), new ColumnRename("b", "a"));
        assertThat(SchemaDiff.compare(before, after, swap)).containsExactly(
                new RenameColumn(ORDERS, "a", "b"), new RenameColumn(ORDERS, "b", "a"));
        assertThat(SchemaDiff.compare(before, after)).extracting(SchemaChange::kind).containsExactly(
                SchemaChangeKind.CHANGE_COLUMN_TYPE, SchemaChangeKind.CHANGE_COLUMN_TYPE);
    }

    @Test
    void renamedAwayNameReAddedIsRenamePlusAdd() {
        TableSchema after = withColumns(id(), column("old_status", ColumnType.string(16)),
                column("amount", ColumnType.decimal(12, 2)), column("status", ColumnType.int32()));
        assertThat(SchemaDiff.compare(BASE, after, List.of(new ColumnRename("status", "old_status")))).containsExactly(
                new RenameColumn(ORDERS, "status", "old_status"),
                new AddColumn(ORDERS, after.column("status").orElseThrow()));
    }

    @Test
    void typeChangesCarryWidening() {
        TableSchema after = withColumns(Column.builder("id", ColumnType.int64()).nullable(false).build(),
                column("status", ColumnType.int32()), column("amount", ColumnType.decimal(14, 2)));
        List<SchemaChange> changes = SchemaDiff.compare(BASE, after);
        assertThat(changes).containsExactly(
                new ChangeColumnType(ORDERS, "id", ColumnType.int32(), ColumnType.int64(), true),
                new ChangeColumnType(ORDERS, "status", ColumnType.string(16), ColumnType.int32(), false),
                new ChangeColumnType(ORDERS, "amount", ColumnType.decimal(12, 2), ColumnType.decimal(14, 2), true));
    }

    @Test
    void nullabilityAndDefaultChanges() {
        TableSchema after = withColumns(id(),
                Column.builder("status", ColumnType.string(16)).nullable(false).defaultValueExpression("'new'").build(),
                column("amount", ColumnType.decimal(12, 2)));
        assertThat(SchemaDiff.compare(BASE, after)).containsExactly(
                new ChangeNullability(ORDERS, "status", true, false),
                new ChangeColumnDefault(ORDERS, "status", null, "'new'"));
    }

    @Test
    void primaryKeyChange() {
        TableSchema after = table(ORDERS, List.of("id", "status"), id(),
                Column.builder("status", ColumnType.string(16)).nullable(false).build(), column("amount", ColumnType.decimal(12, 2)));
        assertThat(SchemaDiff.compare(BASE, after)).containsExactly(
                new ChangeNullability(ORDERS, "status", true, false),
                new ChangePrimaryKey(ORDERS, List.of("id"), List.of("id", "status")));
        TableSchema noKey = table(ORDERS, List.of(), BASE.columns().toArray(Column[]::new));
        assertThat(SchemaDiff.compare(BASE, noKey)).containsExactly(new ChangePrimaryKey(ORDERS, List.of("id"), List.of()));
    }

    @Test
    void renamingAKeyColumnIsNotAKeyChange() {
        TableSchema after = table(ORDERS, List.of("order_id"), Column.builder("order_id", ColumnType.int32()).nullable(false).build(),
                column("status", ColumnType.string(16)), column("amount", ColumnType.decimal(12, 2)));
        assertThat(SchemaDiff.compare(BASE, after, List.of(new ColumnRename("id", "order_id"))))
                .containsExactly(new RenameColumn(ORDERS, "id", "order_id"));
    }

    @Test
    void renameTableWithColumnChangesNamesTheNewTable() {
        TableId clients = ORDERS.withTable("orders_v2");
        TableSchema after = BASE.toBuilder().id(clients).column(column("note", ColumnType.string())).build();
        List<SchemaChange> changes = SchemaDiff.compare(BASE, after);
        assertThat(changes).containsExactly(
                new RenameTable(ORDERS, clients),
                new AddColumn(clients, after.column("note").orElseThrow()));
        assertThat(changes).allSatisfy(change -> assertThat(change.table()).isEqualTo(clients));
    }

    @Test
    void everythingAtOnceComesInTheDocumentedOrder() {
        TableSchema after = table(ORDERS, List.of("order_id"),
                column("note", ColumnType.string()),
                Column.builder("order_id", ColumnType.int64()).nullable(false).build(),
                Column.builder("amount", ColumnType.decimal(12, 2)).nullable(false).build());
        assertThat(SchemaDiff.compare(BASE, after, List.of(new ColumnRename("id", "order_id"))))
                .extracting(SchemaChange::kind).containsExactly(
                        SchemaChangeKind.RENAME_COLUMN, SchemaChangeKind.DROP_COLUMN, SchemaChangeKind.ADD_COLUMN,
                        SchemaChangeKind.CHANGE_COLUMN_TYPE, SchemaChangeKind.CHANGE_NULLABILITY);
    }

    @Test
    void hintsThatDoNotMatchAreRejected() {
        TableSchema after = withColumns(id(), column("state", ColumnType.string(16)), column("amount", ColumnType.decimal(12, 2)));
        assertThatThrownBy(() -> SchemaDiff.compare(BASE, after, List.of(new ColumnRename("nope", "state"))))
                .hasMessage("rename hint 'nope' -> 'state' for table shop..orders does not match: the older schema has no column 'nope';"
                        + " its columns are [id, status, amount]");
        assertThatThrownBy(() -> SchemaDiff.compare(BASE, after, List.of(new ColumnRename("status", "nope"))))
                .hasMessageContaining("the newer schema has no column 'nope'");
        assertThatThrownBy(() -> SchemaDiff.compare(BASE, after,
                List.of(new ColumnRename("status", "state"), new ColumnRename("amount", "state"))))
                .hasMessageContaining("conflicts with an earlier hint");
        assertThatThrownBy(() -> SchemaDiff.compare(BASE, BASE, List.of(new ColumnRename("id", "id"))))
                .hasMessageContaining("renames a column to itself");
    }

    @Test
    void compareColumnsWorksOnListsWithoutConsistentPositions() {
        List<Column> target = List.of(Column.builder("a", ColumnType.int32()).position(5).build());
        List<Column> record = List.of(Column.builder("b", ColumnType.int32()).position(1).build(),
                Column.builder("a", ColumnType.int64()).position(2).build());
        assertThat(SchemaDiff.compareColumns(ORDERS, target, record, List.of())).containsExactly(
                new AddColumn(ORDERS, record.get(0)),
                new ChangeColumnType(ORDERS, "a", ColumnType.int32(), ColumnType.int64(), true));
        assertThatThrownBy(() -> SchemaDiff.compareColumns(ORDERS, List.of(), List.of(record.get(0), record.get(0)), List.of()))
                .hasMessage("the newer columns of table shop..orders have 'b' twice");
    }

    @Test
    void changeRecordsValidateThemselves() {
        assertThatThrownBy(() -> new RenameTable(ORDERS, ORDERS)).hasMessage("table shop..orders is renamed to itself");
        assertThatThrownBy(() -> new ChangeNullability(ORDERS, "a", true, true)).hasMessageContaining("does not change");
        assertThatThrownBy(() -> new RenameColumn(ORDERS, "a", "a")).hasMessageContaining("renamed to itself");
        assertThat(SchemaChangeKind.TRUNCATE_TABLE.isTableLevel()).isTrue();
        assertThat(new SchemaChange.Truncate(ORDERS).kind()).isEqualTo(SchemaChangeKind.TRUNCATE_TABLE);
        assertThat(SchemaChangeKind.ADD_COLUMN.isTableLevel()).isFalse();
    }
}
