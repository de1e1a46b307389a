package dev.cdc.launcher.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentIdsTest {
    private final TableInfo single = new TableInfo("db", "t", List.of(new ColumnInfo("id", "bigint", "bigint(20)")), List.of("id"));
    private final TableInfo composite = new TableInfo("db", "t", List.of(
            new ColumnInfo("id", "int", "int(11)"), new ColumnInfo("code", "varchar", "varchar(10)"), new ColumnInfo("amount", "decimal", "decimal(5,2)")),
            List.of("id", "code", "amount"));

    @Test
    void singleKeyIsItsValue() {
        assertThat(DocumentIds.encode(single, List.of("42"))).isEqualTo("42");
        assertThat(DocumentIds.decode(single, "42")).containsExactly("42");
    }

    @Test
    void compositeKeyIsAJsonArrayWithNumbersBareAndTheRestQuoted() {
        String id = DocumentIds.encode(composite, List.of("7", "a\",b", "12.50"));
        assertThat(id).isEqualTo("[7,\"a\\\",b\",\"12.50\"]");
        assertThat(DocumentIds.decode(composite, id)).containsExactly("7", "a\",b", "12.50");
        assertThat(DocumentIds.encode(composite, Arrays.asList("7", null, "1.00"))).isEqualTo("[7,null,\"1.00\"]");
    }

    @Test
    void malformedCompositeIdIsRefusedWithTheTable() {
        assertThatThrownBy(() -> DocumentIds.decode(composite, "[1,\"x\"]")).hasMessageContaining("db.t").hasMessageContaining("3 key columns");
        assertThatThrownBy(() -> DocumentIds.decode(composite, "nope")).hasMessageContaining("not a JSON array");
    }
}
