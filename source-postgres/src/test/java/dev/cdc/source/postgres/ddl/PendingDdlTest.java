package dev.cdc.source.postgres.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.ColumnRename;

class PendingDdlTest {
    private static final TableId ORDERS = TableId.of("shop", "public", "orders");

    private static DdlMessage alter(String column, String ddl) {
        return new DdlMessage("ALTER TABLE", 42, "public", "orders", Optional.ofNullable(column), ddl);
    }

    private static TableSchema table(String... columns) {
        TableSchema.Builder builder = TableSchema.builder(ORDERS).column("id", ColumnType.parse("INT32"), false);
        for (String column : columns) {
            builder.column(column, ColumnType.parse("STRING"), true);
        }
        return builder.primaryKey("id").build();
    }

    @Test
    void renamesChainAndTheTextJoinsTheStatements() {
        PendingDdl pending = new PendingDdl();
        pending.add(alter("b", "ALTER TABLE orders RENAME a TO b;"));
        pending.add(alter("c", "ALTER TABLE orders RENAME b TO c"));

        assertThat(pending.renames(table("a"), table("c"))).containsExactly(new ColumnRename("a", "c"));
        assertThat(pending.ddl()).hasValue("ALTER TABLE orders RENAME a TO b;\nALTER TABLE orders RENAME b TO c");
    }

    @Test
    void aRenamedColumnDroppedLaterGivesNoHint() {
        PendingDdl pending = new PendingDdl();
        pending.add(alter("b", "ALTER TABLE orders RENAME a TO b"));
        pending.add(alter(null, "ALTER TABLE orders DROP COLUMN b"));

        assertThat(pending.renames(table("a"), table())).isEmpty();
    }

    @Test
    void swapsGiveTwoHints() {
        PendingDdl pending = new PendingDdl();
        pending.add(alter("tmp", "ALTER TABLE orders RENAME a TO tmp"));
        pending.add(alter("a", "ALTER TABLE orders RENAME b TO a"));
        pending.add(alter("b", "ALTER TABLE orders RENAME tmp TO b"));

        assertThat(pending.renames(table("a", "b"), table("a", "b")))
                .containsExactlyInAnyOrder(new ColumnRename("a", "b"), new ColumnRename("b", "a"));
    }

    @Test
    void messagesAreReadFromTheTriggersJson() {
        DdlMessage message = DdlMessage.parse(("{\"command\" : \"ALTER TABLE\", \"oid\" : \"22248\", \"schema\" : \"public\","
                + " \"table\" : \"orders\", \"column\" : \"remark\", \"ddl\" : \"ALTER TABLE orders RENAME note TO remark;\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(message).isEqualTo(new DdlMessage("ALTER TABLE", 22248, "public", "orders", Optional.of("remark"),
                "ALTER TABLE orders RENAME note TO remark;"));
        assertThatThrownBy(() -> DdlMessage.parse("{\"command\": \"ALTER TABLE\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("without integer field 'oid'");
    }

    @Test
    void triggerFunctionsWriteThePrefixTheStreamReads() {
        assertThat(DdlCaptureTrigger.installStatements()).hasSize(4)
                .allSatisfy(sql -> assertThat(sql).doesNotContain("EXCEPTION"));
        assertThat(DdlCaptureTrigger.installStatements().subList(0, 2))
                .allSatisfy(sql -> assertThat(sql).contains("'" + DdlCaptureTrigger.MESSAGE_PREFIX + "'"));
    }
}
