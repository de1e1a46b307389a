package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** The target database family, detected from the JDBC URL. */
public enum DialectKind {
    /** PostgreSQL, {@code jdbc:postgresql:} URLs, driver pgjdbc. */
    POSTGRESQL("jdbc:postgresql:"),
    /** MariaDB, {@code jdbc:mariadb:} URLs, MariaDB Connector/J. */
    MARIADB("jdbc:mariadb:"),
    /** MySQL, {@code jdbc:mysql:} URLs, through MariaDB Connector/J (needs {@code permitMysqlScheme}). */
    MYSQL("jdbc:mysql:");

    private final String urlPrefix;

    DialectKind(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    public String urlPrefix() {
        return urlPrefix;
    }

    /** True for MariaDB and MySQL, which share one SQL dialect here. */
    public boolean isMySqlFamily() {
        return this != POSTGRESQL;
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException naming the URL prefixes that are supported
     */
    public static DialectKind fromUrl(String url) {
        requireNonNull(url, "url is null");
        String lower = url.trim().toLowerCase(Locale.ROOT);
        for (DialectKind kind : values()) {
            if (lower.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("is not a supported JDBC URL; expected jdbc:postgresql://host:port/database, "
                + "jdbc:mariadb://host:port/database or jdbc:mysql://host:port/database?permitMysqlScheme");
    }
}
