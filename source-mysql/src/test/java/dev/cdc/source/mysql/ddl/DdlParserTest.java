package dev.cdc.source.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.source.mysql.ddl.DdlStatement.AlterTable;
import dev.cdc.source.mysql.ddl.DdlStatement.CreateTable;
import dev.cdc.source.mysql.ddl.DdlStatement.Ignored;
import org.junit.jupiter.api.Test;

class DdlParserTest {
    @Test
    void commentsOfEveryKindAreSkipped() {
        CreateTable create = (CreateTable) DdlParser.parse("/* leading */ CREATE TABLE t ( -- the key\n id INT, # hash comment\n"
                + " name VARCHAR(3) /* inline */ ) /*!50100 COMMENT='x' */");

        assertThat(create.columns()).extracting(ColumnDefinition::name).containsExactly("id", "name");
    }

    @Test
    void backquotedNamesMayContainAnything() {
        CreateTable create = (CreateTable) DdlParser.parse("CREATE TABLE `my db`.`we``ird` (`select` INT, `a b` TEXT)");

        assertThat(create.table()).isEqualTo(new TableName("my db", "we`ird"));
        assertThat(create.columns()).extracting(ColumnDefinition::name).containsExactly("select", "a b");
    }

    @Test
    void columnNamedLikeAKeyword() {
        CreateTable create = (CreateTable) DdlParser.parse("CREATE TABLE t (key INT, index VARCHAR(3), KEY k (key))");

        assertThat(create.columns()).extracting(ColumnDefinition::name).containsExactly("key", "index");
    }

    @Test
    void alterWithoutCommaBeforeTableOptions() {
        AlterTable alter = (AlterTable) DdlParser.parse("ALTER TABLE t ADD COLUMN a INT ENGINE=InnoDB");

        assertThat(alter.actions()).singleElement().isInstanceOf(AlterAction.AddColumn.class);
    }

    @Test
    void mariaDbExecutableComment() {
        AlterTable alter = (AlterTable) DdlParser.parse("ALTER TABLE t /*M!100301 ADD COLUMN IF NOT EXISTS x INT */");

        assertThat(alter.actions()).singleElement().isEqualTo(new AlterAction.AddColumn(
                ((AlterAction.AddColumn) alter.actions().get(0)).column(), ColumnPosition.DEFAULT, true));
    }

    @Test
    void otherStatementsAreIgnored() {
        assertThat(DdlParser.parse("INSERT INTO t VALUES (1)")).isInstanceOf(Ignored.class);
        assertThat(DdlParser.parse("SAVEPOINT a")).isInstanceOf(Ignored.class);
        assertThat(DdlParser.parse("FLUSH TABLES")).isInstanceOf(Ignored.class);
        assertThat(DdlParser.parse("ALTER USER x IDENTIFIED BY 'y'")).isInstanceOf(Ignored.class);
    }

    @Test
    void brokenStatementSaysWhereAndWhat() {
        assertThatThrownBy(() -> DdlParser.parse("ALTER TABLE t CHANGE COLUMN a"))
                .isInstanceOf(DdlParseException.class)
                .hasMessageStartingWith("expected a column name but found end of statement at offset 29");
    }

    @Test
    void unterminatedString() {
        assertThatThrownBy(() -> DdlParser.parse("CREATE TABLE t (a INT COMMENT 'oops)"))
                .hasMessageStartingWith("unterminated '-quoted text");
    }

    @Test
    void primaryKeyMustNameAColumn() {
        assertThatThrownBy(() -> DdlParser.parse("CREATE TABLE t (a INT, PRIMARY KEY (b))"))
                .hasMessageStartingWith("primary key column 'b' is not a column of t");
    }
}
