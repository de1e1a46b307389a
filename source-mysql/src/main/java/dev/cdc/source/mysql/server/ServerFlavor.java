package dev.cdc.source.mysql.server;

/** Which server family speaks the binlog protocol at the other end. */
public enum ServerFlavor {
    MYSQL("MySQL"),
    MARIADB("MariaDB");

    private final String displayName;

    ServerFlavor(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
