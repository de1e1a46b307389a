package dev.cdc.source.mysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MySqlCharsetsTest {
    private final MySqlCharsets charsets = MySqlCharsets.builtIn();

    @Test
    void commonCollations() {
        assertThat(charsets.charsetOfCollation(8)).contains("latin1");
        assertThat(charsets.charsetOfCollation(33)).contains("utf8mb3");
        assertThat(charsets.charsetOfCollation(45)).contains("utf8mb4");
        assertThat(charsets.charsetOfCollation(46)).contains("utf8mb4");
        assertThat(charsets.charsetOfCollation(224)).contains("utf8mb4");
        assertThat(charsets.charsetOfCollation(255)).as("MySQL 8 utf8mb4_0900_ai_ci").contains("utf8mb4");
        assertThat(charsets.charsetOfCollation(63)).contains("binary");
        assertThat(charsets.charsetOfCollation(1069)).as("MariaDB utf8mb4_nopad_bin").contains("utf8mb4");
    }

    @Test
    void serverCollationsComplete() {
        MySqlCharsets completed = charsets.withCollations(Map.of(2304, "UTF8MB4"));

        assertThat(completed.charsetOfCollation(2304)).contains("utf8mb4");
        assertThat(charsets.charsetOfCollation(2304)).isEmpty();
    }

    @Test
    void javaCharsets() {
        assertThat(MySqlCharsets.javaCharset("utf8mb4")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(MySqlCharsets.javaCharset("utf8mb3")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(MySqlCharsets.javaCharset("LATIN1").name()).as("MySQL latin1 is cp1252").isEqualTo("windows-1252");
        assertThat(MySqlCharsets.javaCharset("ucs2")).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(MySqlCharsets.javaCharset("cp932").name()).isEqualTo("windows-31j");
    }

    @Test
    void binaryIsNotText() {
        assertThatThrownBy(() -> MySqlCharsets.javaCharset("binary"))
                .hasMessage("'binary' is not a MySQL/MariaDB character set this connector decodes (binary columns carry bytes, not text)");
    }

    @Test
    void bytesPerCharacter() {
        assertThat(MySqlCharsets.maxBytesPerCharacter("utf8mb4")).isEqualTo(4);
        assertThat(MySqlCharsets.maxBytesPerCharacter("utf8mb3")).isEqualTo(3);
        assertThat(MySqlCharsets.maxBytesPerCharacter("latin1")).isEqualTo(1);
        assertThat(MySqlCharsets.maxBytesPerCharacter("gbk")).isEqualTo(2);
    }
}
