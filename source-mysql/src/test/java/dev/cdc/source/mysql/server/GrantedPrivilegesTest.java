package dev.cdc.source.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrantedPrivilegesTest {
    @Test
    void mariaDbConnectorUser() {
        GrantedPrivileges granted = GrantedPrivileges.parse(List.of(
                "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `cdc`@`localhost`"
                        + " IDENTIFIED BY PASSWORD '*11EFE3D56FB6AE7A199B1C6096139BEF7A313EA1'",
                "GRANT SELECT, INSERT ON `test`.* TO PUBLIC"));

        assertThat(granted.hasGlobal("REPLICATION SLAVE")).isTrue();
        assertThat(granted.hasGlobal("REPLICATION CLIENT", "BINLOG MONITOR")).isTrue();
        assertThat(granted.hasGlobal("SELECT")).isTrue();
        assertThat(granted.hasGlobal("INSERT")).isFalse();
        assertThat(granted.hasOnSomeDatabase("INSERT")).isTrue();
        assertThat(granted.roles()).isEmpty();
    }

    @Test
    void mySqlStaticAndDynamicPrivileges() {
        GrantedPrivileges granted = GrantedPrivileges.parse(List.of(
                "GRANT SELECT, RELOAD, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `debezium`@`%`",
                "GRANT BACKUP_ADMIN,BINLOG_ADMIN ON *.* TO `debezium`@`%`"));

        assertThat(granted.hasGlobal("REPLICATION CLIENT")).isTrue();
        assertThat(granted.hasGlobal("BINLOG_ADMIN")).isTrue();
    }

    @Test
    void allPrivilegesCoverEverything() {
        GrantedPrivileges granted = GrantedPrivileges.parse(List.of(
                "GRANT ALL PRIVILEGES ON *.* TO `cdc_admin`@`%` IDENTIFIED BY PASSWORD '*X' WITH GRANT OPTION"));

        assertThat(granted.hasGlobal("REPLICATION SLAVE")).isTrue();
        assertThat(granted.hasGlobal("SELECT")).isTrue();
    }

    @Test
    void databaseAndColumnLevelGrantsAreNotGlobal() {
        GrantedPrivileges granted = GrantedPrivileges.parse(List.of(
                "GRANT USAGE ON *.* TO `reader`@`%`",
                "GRANT SELECT (`id`, `name`), UPDATE (`name`) ON `shop`.`customers` TO `reader`@`%`"));

        assertThat(granted.hasGlobal("SELECT")).isFalse();
        assertThat(granted.hasOnSomeDatabase("SELECT")).isTrue();
        assertThat(granted.hasOnSomeDatabase("UPDATE")).isTrue();
    }

    @Test
    void rolesAreListed() {
        GrantedPrivileges granted = GrantedPrivileges.parse(List.of(
                "GRANT USAGE ON *.* TO `cdc`@`%`",
                "GRANT `cdc_role`,`auditor` TO `cdc`@`%`",
                "GRANT PROXY ON ''@'%' TO 'cdc'@'%' WITH GRANT OPTION"));

        assertThat(granted.roles()).containsExactly("cdc_role", "auditor");
        assertThat(granted.hasGlobal("SELECT")).isFalse();
    }

    @Test
    void routineGrantsAreNotGlobal() {
        GrantedPrivileges granted = GrantedPrivileges.parse(List.of("GRANT EXECUTE ON PROCEDURE `shop`.`refresh` TO `cdc`@`%`"));

        assertThat(granted.hasGlobal("EXECUTE")).isFalse();
        assertThat(granted.hasOnSomeDatabase("EXECUTE")).isTrue();
    }
}
