package dev.cdc.sink.jdbc.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cdc.schema.ColumnType;
import dev.cdc.sink.jdbc.config.DialectKind;
import dev.cdc.sink.jdbc.table.TableRef;
import dev.cdc.sink.jdbc.table.TargetColumn;

/** Golden SQL of the guarded statements, and the round trip of every type through each dialect. */
class DialectSqlTest {
    private static final TableRef TABLE = new TableRef("shop", "orders");
    private static final RowShape SHAPE = new RowShape(TABLE, List.of(
            new WriteColumn("id", ColumnType.int32(), "integer"),
            new WriteColumn("note", ColumnType.string(), "character varying(20)"),
            new WriteColumn("__cdc_position", ColumnType.int64(), "bigint")), List.of("id"), "__cdc_position",
            TABLE.sibling("orders__cdc_deletes"));

    @Test
    void postgresUpsertIsGuardedAndConsultsTheTombstones() {
        assertThat(new PostgresDialect().upsert(SHAPE, 2)).isEqualTo(
                "INSERT INTO \"shop\".\"orders\" AS \"__target\" (\"id\", \"note\", \"__cdc_position\") "
                        + "SELECT \"__v\".\"id\", \"__v\".\"note\", \"__v\".\"__cdc_position\" FROM (VALUES "
                        + "(CAST(? AS integer), CAST(? AS character varying), CAST(? AS bigint)), "
                        + "(CAST(? AS integer), CAST(? AS character varying), CAST(? AS bigint))) AS \"__v\" (\"id\", \"note\", \"__cdc_position\") "
                        + "WHERE NOT EXISTS (SELECT 1 FROM \"shop\".\"orders__cdc_deletes\" \"__d\" WHERE \"__d\".\"id\" = \"__v\".\"id\" "
                        + "AND \"__d\".\"__cdc_position\" > \"__v\".\"__cdc_position\") "
                        + "ON CONFLICT (\"id\") DO UPDATE SET \"note\" = EXCLUDED.\"note\", \"__cdc_position\" = EXCLUDED.\"__cdc_position\" "
                        + "WHERE \"__target\".\"__cdc_position\" IS NULL OR \"__target\".\"__cdc_position\" <= EXCLUDED.\"__cdc_position\"");
    }

    @Test
    void mysqlUpsertAssignsThePositionLast() {
        String sql = new MySqlDialect(DialectKind.MARIADB).upsert(SHAPE, 1);
        assertThat(sql).isEqualTo("INSERT INTO `shop`.`orders` (`id`, `note`, `__cdc_position`) "
                + "SELECT `__v`.`id`, `__v`.`note`, `__v`.`__cdc_position` FROM (SELECT ? AS `id`, ? AS `note`, ? AS `__cdc_position`) AS `__v` "
                + "WHERE NOT EXISTS (SELECT 1 FROM `shop`.`orders__cdc_deletes` `__d` WHERE `__d`.`id` = `__v`.`id` "
                + "AND `__d`.`__cdc_position` > `__v`.`__cdc_position`) "
                + "ON DUPLICATE KEY UPDATE "
                + "`note` = IF(`shop`.`orders`.`__cdc_position` IS NULL OR VALUES(`__cdc_position`) >= `shop`.`orders`.`__cdc_position`, "
                + "VALUES(`note`), `shop`.`orders`.`note`), "
                + "`__cdc_position` = IF(`shop`.`orders`.`__cdc_position` IS NULL OR VALUES(`__cdc_position`) >= `shop`.`orders`.`__cdc_position`, "
                + "VALUES(`__cdc_position`), `shop`.`orders`.`__cdc_position`)");
        assertThat(sql.lastIndexOf("`__cdc_position` = IF")).isGreaterThan(sql.lastIndexOf("`note` = IF"));
    }

    @Test
    void keptColumnsAreInsertedButNeverUpdated() {
        RowShape kept = new RowShape(TABLE, SHAPE.columns(), List.of("id"), "__cdc_position", null, null, java.util.Set.of("note"));
        String postgres = new PostgresDialect().upsert(kept, 1);
        assertThat(postgres).startsWith("INSERT INTO \"shop\".\"orders\" AS \"__target\" (\"id\", \"note\", \"__cdc_position\") ")
                .contains("DO UPDATE SET \"__cdc_position\" = EXCLUDED.\"__cdc_position\" WHERE");
        String mysql = new MySqlDialect(DialectKind.MARIADB).upsert(kept, 1);
        assertThat(mysql).startsWith("INSERT INTO `shop`.`orders` (`id`, `note`, `__cdc_position`) ")
                .contains("ON DUPLICATE KEY UPDATE `__cdc_position` = IF(").doesNotContain("`note` = IF");
    }

    @Test
    void aKeptColumnMustBeAWrittenNonKeyColumn() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RowShape(TABLE, SHAPE.columns(), List.of("id"), "__cdc_position",
                null, null, java.util.Set.of("id"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kept column id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RowShape(TABLE, SHAPE.columns(), List.of("id"), "__cdc_position",
                null, null, java.util.Set.of("bio"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kept column bio");
    }

    @Test
    void absentKeysSelectTheIndexesOfKeysWithoutARow() {
        List<WriteColumn> key = List.of(SHAPE.columns().get(0));
        assertThat(new PostgresDialect().absentKeys(TABLE, key, 2)).isEqualTo("SELECT \"__v\".\"__i\" FROM (VALUES "
                + "(0, CAST(? AS integer)), (1, CAST(? AS integer))) AS \"__v\" (\"__i\", \"id\") WHERE NOT EXISTS "
                + "(SELECT 1 FROM \"shop\".\"orders\" \"__t\" WHERE \"__t\".\"id\" = \"__v\".\"id\") ORDER BY 1");
        assertThat(new MySqlDialect(DialectKind.MARIADB).absentKeys(TABLE, key, 2)).isEqualTo("SELECT `__v`.`__i` FROM "
                + "(SELECT 0 AS `__i`, ? AS `id` UNION ALL SELECT 1, ?) AS `__v` WHERE NOT EXISTS "
                + "(SELECT 1 FROM `shop`.`orders` `__t` WHERE `__t`.`id` = `__v`.`id`) ORDER BY 1");
    }

    @Test
    void deletesAreGuardedByPosition() {
        RowShape keys = new RowShape(TABLE, List.of(SHAPE.columns().get(0), SHAPE.columns().get(2)), List.of("id"), "__cdc_position", null);
        assertThat(new PostgresDialect().delete(keys, 1)).endsWith("WHERE \"__target\".\"id\" = \"__v\".\"id\" AND "
                + "(\"__target\".\"__cdc_position\" IS NULL OR \"__target\".\"__cdc_position\" <= \"__v\".\"__cdc_position\")");
        assertThat(new MySqlDialect(DialectKind.MYSQL).delete(keys, 2)).isEqualTo("DELETE `__target` FROM `shop`.`orders` AS `__target` "
                + "JOIN (SELECT ? AS `id`, ? AS `__cdc_position` UNION ALL SELECT ?, ?) AS `__v` ON `__target`.`id` = `__v`.`id` "
                + "WHERE `__target`.`__cdc_position` IS NULL OR `__target`.`__cdc_position` <= `__v`.`__cdc_position`");
    }

    @Test
    void tombstonesKeepTheGreaterPosition() {
        RowShape keys = new RowShape(TABLE.sibling("t__cdc_deletes"), List.of(SHAPE.columns().get(0), SHAPE.columns().get(2)),
                List.of("id"), "__cdc_position", null);
        assertThat(new PostgresDialect().recordTombstones(keys, 1)).endsWith(
                "ON CONFLICT (\"id\") DO UPDATE SET \"__cdc_position\" = GREATEST(\"__d\".\"__cdc_position\", EXCLUDED.\"__cdc_position\")");
        assertThat(new MySqlDialect(DialectKind.MARIADB).recordTombstones(keys, 1)).endsWith(
                "ON DUPLICATE KEY UPDATE `__cdc_position` = GREATEST(`__cdc_position`, VALUES(`__cdc_position`))");
    }

    @Test
    void upsertsSkipChangesOlderThanTheTablesLastTruncate() {
        RowShape guarded = new RowShape(TABLE, SHAPE.columns(), List.of("id"), "__cdc_position", null, TABLE.sibling("__cdc_tables"));
        assertThat(new PostgresDialect().upsert(guarded, 1)).contains(") AS \"__v\" (\"id\", \"note\", \"__cdc_position\") "
                + "WHERE NOT EXISTS (SELECT 1 FROM \"shop\".\"__cdc_tables\" \"__s\" WHERE \"__s\".\"table_name\" = 'orders' "
                + "AND \"__s\".\"truncated_position\" > \"__v\".\"__cdc_position\") ON CONFLICT");
        assertThat(new MySqlDialect(DialectKind.MARIADB).upsert(guarded, 1)).contains(") AS `__v` "
                + "WHERE NOT EXISTS (SELECT 1 FROM `shop`.`__cdc_tables` `__s` WHERE `__s`.`table_name` = 'orders' "
                + "AND `__s`.`truncated_position` > `__v`.`__cdc_position`) ON DUPLICATE KEY UPDATE");
        RowShape both = new RowShape(TABLE, SHAPE.columns(), List.of("id"), "__cdc_position", SHAPE.tombstones(), TABLE.sibling("__cdc_tables"));
        assertThat(new PostgresDialect().upsert(both, 1)).contains("\"__v\".\"__cdc_position\") AND NOT EXISTS (SELECT 1 FROM \"shop\".\"__cdc_tables\"");
    }

    @Test
    void tableNamesInGuardsAreQuotedLiterals() {
        RowShape odd = new RowShape(new TableRef("shop", "o'd\\d"), SHAPE.columns(), List.of("id"), "__cdc_position", null,
                TABLE.sibling("__cdc_tables"));
        assertThat(new PostgresDialect().upsert(odd, 1)).contains("= 'o''d\\d' AND");
        assertThat(new MySqlDialect(DialectKind.MARIADB).upsert(odd, 1)).contains("= 'o''d\\\\d' AND");
    }

    @Test
    void truncatesKeepRowsAtOrAfterTheirPosition() {
        assertThat(new PostgresDialect().deleteOlderThan(TABLE, "__cdc_position"))
                .isEqualTo("DELETE FROM \"shop\".\"orders\" WHERE \"__cdc_position\" IS NULL OR \"__cdc_position\" < ?");
        assertThat(new MySqlDialect(DialectKind.MARIADB).anyRowAtOrAfter(TABLE, "__cdc_position"))
                .isEqualTo("SELECT 1 FROM `shop`.`orders` WHERE `__cdc_position` >= ? LIMIT 1");
    }

    @Test
    void conversionsCastWithoutCharacterLengthsOnPostgresAndModifyOnMysql() {
        TargetColumn code = new TargetColumn("code", "integer", ColumnType.int32(), true);
        assertThat(new PostgresDialect().convertColumnType(TABLE, code, "character varying(20)")).isEqualTo(
                "ALTER TABLE \"shop\".\"orders\" ALTER COLUMN \"code\" TYPE character varying(20) USING CAST(\"code\" AS character varying)");
        assertThat(new MySqlDialect(DialectKind.MARIADB).convertColumnType(TABLE, code, "varchar(20)"))
                .isEqualTo("ALTER TABLE `shop`.`orders` MODIFY COLUMN `code` varchar(20) NULL");
    }

    @Test
    void tablesAreRenamedWithinAndAcrossSchemas() {
        assertThat(new PostgresDialect().renameTable(TABLE, TABLE.sibling("purchases")))
                .containsExactly("ALTER TABLE \"shop\".\"orders\" RENAME TO \"purchases\"");
        assertThat(new PostgresDialect().renameTable(TABLE, new TableRef("archive", "purchases"))).containsExactly(
                "ALTER TABLE \"shop\".\"orders\" RENAME TO \"purchases\"", "ALTER TABLE \"shop\".\"purchases\" SET SCHEMA \"archive\"");
        assertThat(new MySqlDialect(DialectKind.MARIADB).renameTable(TABLE, new TableRef("archive", "purchases")))
                .containsExactly("RENAME TABLE `shop`.`orders` TO `archive`.`purchases`");
    }

    @Test
    void identifiersAreQuotedWithTheirQuotesDoubled() {
        assertThat(new PostgresDialect().quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(new MySqlDialect(DialectKind.MARIADB).quote("a`b")).isEqualTo("`a``b`");
    }

    @ParameterizedTest(name = "{0}: postgres {1}, mysql {2}")
    @CsvSource(delimiter = '|', value = {
            "BOOLEAN|boolean|tinyint(1)",
            "INT8|smallint|tinyint",
            "INT32 UNSIGNED|bigint|int unsigned",
            "INT64|bigint|bigint",
            "INT64 UNSIGNED|numeric(20,0)|bigint unsigned",
            "FLOAT64|double precision|double",
            "DECIMAL(10,2)|numeric(10,2)|decimal(10,2)",
            "STRING|text|longtext",
            "STRING(40)|character varying(40)|varchar(40)",
            "STRING(5000)|character varying(5000)|text",
            "CHAR(3)|character(3)|char(3)",
            "VARBINARY|bytea|longblob",
            "DATE|date|date",
            "TIME(3)|time(3) without time zone|time(3)",
            "TIMESTAMP(6)|timestamp(6) without time zone|datetime(6)",
            "TIMESTAMP_TZ(6)|timestamp(6) with time zone|datetime(6)",
            "JSON|jsonb|json",
            "UUID|uuid|char(36)",
            "BIT(5)|bit varying(5)|bit(5)",
            "ENUM('a','b')|text|enum('a','b')",
    })
    void typesMapAndReadBack(String logical, String postgres, String mysql) {
        ColumnType type = ColumnType.parse(logical);
        PostgresDialect pg = new PostgresDialect();
        MySqlDialect my = new MySqlDialect(DialectKind.MARIADB);
        assertThat(pg.columnType(type, false)).isEqualTo(postgres);
        assertThat(my.columnType(type, false)).isEqualTo(mysql);
        assertThat(pg.parseType(postgres)).isPresent();
        assertThat(my.parseType(mysql)).isPresent();
        assertThat(pg.storedType(type, false).kind()).isIn(type.kind(), ColumnType.Kind.INT16, ColumnType.Kind.INT64,
                ColumnType.Kind.DECIMAL, ColumnType.Kind.STRING, ColumnType.Kind.TIMESTAMP_TZ);
    }

    @Test
    void mysqlKeysGetIndexableTypes() {
        MySqlDialect my = new MySqlDialect(DialectKind.MARIADB);
        assertThat(my.columnType(ColumnType.string(), true)).isEqualTo("varchar(255)");
        assertThat(my.columnType(ColumnType.varbinary(), true)).isEqualTo("varbinary(255)");
    }

    @Test
    void postgresCastsDropCharacterLengthsSoThatTooLongValuesFail() {
        assertThat(PostgresDialect.castType("character varying(5)")).isEqualTo("character varying");
        assertThat(PostgresDialect.castType("character(5)")).isEqualTo("character");
        assertThat(PostgresDialect.castType("numeric(10,2)")).isEqualTo("numeric(10,2)");
    }
}
