package dev.cdc.source.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Types as information_schema.COLUMNS.COLUMN_TYPE and DDL write them. */
class TypeParserTest {
    @Test
    void columnTypeTexts() {
        assertThat(TypeParser.parse("int(10) unsigned")).isEqualTo(MySqlType.of(MySqlDataType.INT).withLength(10).withUnsigned(true));
        assertThat(TypeParser.parse("decimal(12,2)")).isEqualTo(MySqlType.of(MySqlDataType.DECIMAL).withPrecisionAndScale(12, 2));
        assertThat(TypeParser.parse("decimal")).isEqualTo(MySqlType.of(MySqlDataType.DECIMAL).withPrecisionAndScale(10, 0));
        assertThat(TypeParser.parse("numeric(7)")).isEqualTo(MySqlType.of(MySqlDataType.DECIMAL).withPrecisionAndScale(7, 0));
        assertThat(TypeParser.parse("datetime(6)")).isEqualTo(MySqlType.of(MySqlDataType.DATETIME).withPrecision(6));
        assertThat(TypeParser.parse("timestamp")).isEqualTo(MySqlType.of(MySqlDataType.TIMESTAMP).withPrecision(0));
        assertThat(TypeParser.parse("enum('a','it''s','x,y')").values()).containsExactly("a", "it's", "x,y");
        assertThat(TypeParser.parse("set('a','b')").values()).containsExactly("a", "b");
        assertThat(TypeParser.parse("bit(7)")).isEqualTo(MySqlType.of(MySqlDataType.BIT).withLength(7));
        assertThat(TypeParser.parse("char")).isEqualTo(MySqlType.of(MySqlDataType.CHAR).withLength(1));
        assertThat(TypeParser.parse("year(4)")).isEqualTo(MySqlType.of(MySqlDataType.YEAR));
        assertThat(TypeParser.parse("tinyint(3) unsigned zerofill")).isEqualTo(
                MySqlType.of(MySqlDataType.TINYINT).withLength(3).withUnsigned(true));
    }

    @Test
    void floatPrecisionPicksTheStorage() {
        assertThat(TypeParser.parse("float(24)")).isEqualTo(MySqlType.of(MySqlDataType.FLOAT));
        assertThat(TypeParser.parse("float(25)")).isEqualTo(MySqlType.of(MySqlDataType.DOUBLE));
        assertThat(TypeParser.parse("float(7,2)")).isEqualTo(MySqlType.of(MySqlDataType.FLOAT).withPrecisionAndScale(7, 2));
        assertThat(TypeParser.parse("double precision")).isEqualTo(MySqlType.of(MySqlDataType.DOUBLE));
        assertThat(TypeParser.parse("real")).isEqualTo(MySqlType.of(MySqlDataType.DOUBLE));
    }

    @Test
    void charsets() {
        assertThat(TypeParser.parse("varchar(10) character set latin1 collate latin1_bin").charset()).isEqualTo("latin1");
        assertThat(TypeParser.parse("varchar(10) charset utf8").charset()).as("utf8 is utf8mb3").isEqualTo("utf8mb3");
        assertThat(TypeParser.parse("char(16) character set binary")).isEqualTo(MySqlType.of(MySqlDataType.BINARY).withLength(16));
        assertThat(TypeParser.parse("text charset binary")).isEqualTo(MySqlType.of(MySqlDataType.BLOB));
        assertThat(TypeParser.parse("national varchar(5)")).isEqualTo(MySqlType.of(MySqlDataType.VARCHAR).withLength(5));
        assertThat(TypeParser.parse("varchar(5) binary")).isEqualTo(MySqlType.of(MySqlDataType.VARCHAR).withLength(5));
    }

    @Test
    void booleanIsTinyintOne() {
        assertThat(TypeParser.parse("BOOLEAN")).isEqualTo(MySqlType.of(MySqlDataType.TINYINT).withLength(1));
    }

    @Test
    void unknownTypeNamesItsOffset() {
        assertThatThrownBy(() -> TypeParser.parse("inet6"))
                .isInstanceOf(DdlParseException.class)
                .hasMessage("data type 'INET6' is not one this connector maps at offset 0 of:  <<HERE>> inet6");
    }

    @Test
    void trailingGarbage() {
        assertThatThrownBy(() -> TypeParser.parse("int(10) potato"))
                .hasMessageStartingWith("unexpected 'potato' after the type at offset 8");
    }

    @Test
    void enumNeedsQuotedValues() {
        assertThatThrownBy(() -> TypeParser.parse("enum(a, b)")).hasMessageContaining("expected a quoted ENUM/SET value but found 'a'");
    }

    @Test
    void valuesKeepOrder() {
        assertThat(TypeParser.parse("enum('z','a')").values()).isEqualTo(List.of("z", "a"));
    }
}
