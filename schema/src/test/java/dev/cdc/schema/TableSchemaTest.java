package dev.cdc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TableSchemaTest {
    private static final TableId ID = TableId.ofCatalogTable("inventory", "customers");

    @Test
    void builderAssignsPositionsInOrder() {
        TableSchema schema = TableSchema.builder(ID)
                .column("id", ColumnType.int64(), false)
                .column(Column.builder("name", ColumnType.string(100)).position(42).build())
                .primaryKey("id").version(3).validFromPosition(99).build();
        assertThat(schema.columns()).extracting(Column::position).containsExactly(1, 2);
        assertThat(schema.columnNames()).containsExactly("id", "name");
        assertThat(schema.primaryKeyColumns()).extracting(Column::name).containsExactly("id");
        assertThat(schema.version()).isEqualTo(3);
        assertThat(schema.validFromPosition()).isEqualTo(99);
        assertThat(schema.column("name")).map(Column::type).contains(ColumnType.string(100));
        assertThat(schema.column("missing")).isEmpty();
    }

    @Test
    void constructorRejectsPositionsNotFollowingOrder() {
        Column a = Column.builder("a", ColumnType.int32()).position(2).build();
        assertThatThrownBy(() -> new TableSchema(ID, List.of(a), List.of(), 0, 0))
                .hasMessageContaining("column 'a' of table inventory..customers has position 2, expected 1");
    }

    @Test
    void duplicateColumnsAreRejected() {
        assertThatThrownBy(() -> TableSchema.builder(ID).column("a", ColumnType.int32(), true)
                .column("a", ColumnType.int64(), true).build())
                .hasMessage("table inventory..customers has column 'a' twice");
    }

    @Test
    void primaryKeyMustNameColumnsOnce() {
        TableSchema.Builder builder = TableSchema.builder(ID).column("a", ColumnType.int32(), false);
        assertThatThrownBy(() -> builder.primaryKey("b").build())
                .hasMessage("primary key column 'b' of table inventory..customers is not a column; columns are [a]");
        assertThatThrownBy(() -> builder.primaryKey("a", "a").build()).hasMessageContaining("names column 'a' twice");
    }

    @Test
    void negativeVersionOrPositionIsRejected() {
        assertThatThrownBy(() -> TableSchema.builder(ID).version(-1).build()).hasMessageContaining("negative schema version -1");
        assertThatThrownBy(() -> TableSchema.builder(ID).validFromPosition(-5).build()).hasMessageContaining("negative source position -5");
    }

    @Test
    void columnsAreImmutable() {
        TableSchema schema = TableSchema.builder(ID).column("a", ColumnType.int32(), true).build();
        assertThatThrownBy(() -> schema.columns().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderAndWithersKeepEverythingElse() {
        TableSchema schema = TableSchema.builder(ID).column("id", ColumnType.int64(), false).primaryKey("id")
                .version(1).validFromPosition(10).build();
        assertThat(schema.toBuilder().build()).isEqualTo(schema).hasSameHashCodeAs(schema);
        TableSchema renamed = schema.withId(ID.withTable("clients"));
        assertThat(renamed.id().table()).isEqualTo("clients");
        assertThat(renamed.columns()).isEqualTo(schema.columns());
        TableSchema next = schema.withVersion(2, 20);
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.validFromPosition()).isEqualTo(20);
        assertThat(next).isNotEqualTo(schema);
    }

    @Test
    void columnDefaultsAndValidation() {
        Column column = Column.builder("c", ColumnType.int32()).build();
        assertThat(column.isNullable()).isTrue();
        assertThat(column.defaultValueExpression()).isEmpty();
        assertThat(column.position()).isEqualTo(1);
        assertThatThrownBy(() -> Column.builder("", ColumnType.int32()).build()).hasMessage("column name is empty");
        assertThatThrownBy(() -> Column.builder("c", ColumnType.int32()).position(0).build())
                .hasMessageContaining("has position 0; positions start at 1");
        assertThatThrownBy(() -> Column.builder("c", null).build()).hasMessage("type is null");
        Column full = Column.builder("c", ColumnType.int32()).nullable(false).defaultValueExpression("0").comment("n")
                .autoIncrement(true).generated(false).build();
        assertThat(full.toBuilder().build()).isEqualTo(full);
        assertThat(full.withName("d").name()).isEqualTo("d");
        assertThat(full).hasToString("c INT32 NOT NULL DEFAULT 0 AUTO_INCREMENT @1");
    }
}
