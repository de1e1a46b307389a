package dev.cdc.source.postgres.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.cdc.schema.diff.ColumnRename;

class RenameColumnParserTest {
    @Test
    void findsTheClauseByTheNewName() {
        assertThat(RenameColumnParser.find("ALTER TABLE orders RENAME COLUMN note TO remark", "remark"))
                .hasValue(new ColumnRename("note", "remark"));
        assertThat(RenameColumnParser.find("alter table if exists only public.orders rename note to remark;", "remark"))
                .hasValue(new ColumnRename("note", "remark"));
    }

    @Test
    void foldsUnquotedAndKeepsQuotedIdentifiers() {
        assertThat(RenameColumnParser.find("ALTER TABLE \"Orders\" RENAME \"Note\" TO Remark", "remark"))
                .hasValue(new ColumnRename("Note", "remark"));
        assertThat(RenameColumnParser.find("ALTER TABLE t RENAME COLUMN \"a\"\"b\" TO \"C d\"", "C d"))
                .hasValue(new ColumnRename("a\"b", "C d"));
    }

    @Test
    void ignoresTableAndConstraintRenamesCommentsAndStrings() {
        assertThat(RenameColumnParser.renames("ALTER TABLE t RENAME TO u; ALTER TABLE u RENAME CONSTRAINT c TO d")).isEmpty();
        assertThat(RenameColumnParser.renames("-- ALTER TABLE t RENAME a TO b\nSELECT 'ALTER TABLE t RENAME a TO b'")).isEmpty();
        assertThat(RenameColumnParser.renames("/* x */ ALTER TABLE t RENAME a TO b; ALTER INDEX i RENAME TO j"))
                .containsExactly(new ColumnRename("a", "b"));
    }

    @Test
    void manyStatementsInOneQueryAreTellApartByTheNewName() {
        String query = "ALTER TABLE t RENAME a TO b; ALTER TABLE t RENAME c TO d";

        assertThat(RenameColumnParser.find(query, "d")).hasValue(new ColumnRename("c", "d"));
        assertThat(RenameColumnParser.find(query, "x")).isEmpty();
        assertThat(RenameColumnParser.find("ALTER TABLE t RENAME a TO b; ALTER TABLE u RENAME c TO b", "b")).as("ambiguous").isEmpty();
    }
}
