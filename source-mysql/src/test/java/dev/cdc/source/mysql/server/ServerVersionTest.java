package dev.cdc.source.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerVersionTest {
    @Test
    void mariaDbFromDebian() {
        ServerVersion version = ServerVersion.parse("10.11.19-MariaDB-0+deb12u1-log", "Debian 12");

        assertThat(version.flavor()).isEqualTo(ServerFlavor.MARIADB);
        assertThat(version).extracting(ServerVersion::major, ServerVersion::minor, ServerVersion::patch).containsExactly(10, 11, 19);
        assertThat(version.hasRowMetadata()).isTrue();
        assertThat(version).hasToString("MariaDB 10.11.19");
    }

    @Test
    void mariaDbReplicationPrefixIsSkipped() {
        ServerVersion version = ServerVersion.parse("5.5.5-10.4.32-MariaDB", null);

        assertThat(version.major()).isEqualTo(10);
        assertThat(version.minor()).isEqualTo(4);
        assertThat(version.hasRowMetadata()).isFalse();
    }

    @Test
    void mariaDbRecognisedByVersionComment() {
        assertThat(ServerVersion.parse("10.6.16", "mariadb.org binary distribution").isMariaDb()).isTrue();
    }

    @Test
    void mySql() {
        ServerVersion version = ServerVersion.parse("8.0.36", "MySQL Community Server - GPL");

        assertThat(version.flavor()).isEqualTo(ServerFlavor.MYSQL);
        assertThat(version.hasRowMetadata()).isTrue();
        assertThat(ServerVersion.parse("8.0.0-dmr", null).hasRowMetadata()).isFalse();
        assertThat(ServerVersion.parse("5.7.44-log", null).hasRowMetadata()).isFalse();
    }

    @Test
    void comparesAllThreeParts() {
        ServerVersion version = ServerVersion.parse("8.4.2", null);

        assertThat(version.isAtLeast(8, 4, 2)).isTrue();
        assertThat(version.isAtLeast(8, 4, 3)).isFalse();
        assertThat(version.isAtLeast(8, 0, 99)).isTrue();
        assertThat(version.isAtLeast(9, 0, 0)).isFalse();
    }

    @Test
    void noNumber() {
        assertThatThrownBy(() -> ServerVersion.parse("unknown", null))
                .hasMessage("server version 'unknown' has no major.minor.patch number");
    }
}
