package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * Where the target database is and who the sink is there. The dialect follows from the URL.
 *
 * @param url      the JDBC URL
 * @param username the user, null when the URL carries it
 * @param password the password, null when there is none
 * @param dialect  detected from the URL
 */
public record ConnectionConfig(String url, String username, Password password, DialectKind dialect) {
    public static final String GROUP = "Connection";
    public static final String URL = "connection.url";
    public static final String USERNAME = "connection.username";
    public static final String PASSWORD = "connection.password";

    public ConnectionConfig {
        requireNonNull(url, "url is null");
        requireNonNull(dialect, "dialect is null");
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                        ConfigValidators.parsedBy("jdbc:postgresql://, jdbc:mariadb:// or jdbc:mysql://...?permitMysqlScheme URL",
                                ConnectionConfig::checkUrl),
                        Importance.HIGH, "JDBC URL of the target database: jdbc:postgresql://host:5432/db, "
                                + "jdbc:mariadb://host:3306/db, or jdbc:mysql://host:3306/db?permitMysqlScheme (MySQL through "
                                + "MariaDB Connector/J). The dialect follows from the URL. Tables without a schema part in "
                                + "table.name.format go to the URL's database (MySQL/MariaDB) or the current schema (PostgreSQL).",
                        GROUP, ++order, Width.LONG, "JDBC URL")
                .define(USERNAME, Type.STRING, null, Importance.HIGH,
                        "User of the target database; it needs INSERT, UPDATE, DELETE and SELECT on the target tables, and "
                                + "CREATE and ALTER when tables are created or evolved.", GROUP, ++order, Width.MEDIUM, "User")
                .define(PASSWORD, Type.PASSWORD, null, Importance.HIGH, "Password of the user.", GROUP, ++order, Width.MEDIUM,
                        "Password");
    }

    static ConnectionConfig from(AbstractConfig config) {
        String url = config.getString(URL).trim();
        return new ConnectionConfig(url, config.getString(USERNAME), config.getPassword(PASSWORD), DialectKind.fromUrl(url));
    }

    /** The host part of the URL, for messages: {@code 127.0.0.1:5432/cdc}. */
    public String endpoint() {
        int start = url.indexOf("//");
        String rest = start < 0 ? url : url.substring(start + 2);
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    static DialectKind checkUrl(String url) {
        DialectKind kind = DialectKind.fromUrl(url);
        String rest = url.trim().substring(kind.urlPrefix().length());
        if (!rest.startsWith("//") || rest.length() == 2) {
            throw new IllegalArgumentException("has no host after '" + kind.urlPrefix() + "'; expected "
                    + kind.urlPrefix() + "//host:port/database");
        }
        if (kind == DialectKind.MYSQL && !url.toLowerCase(Locale.ROOT).contains("permitmysqlscheme")) {
            throw new IllegalArgumentException("uses jdbc:mysql:, which the bundled MariaDB Connector/J only accepts with the "
                    + "permitMysqlScheme option: append ?permitMysqlScheme (or write jdbc:mariadb://, which works with MySQL too)");
        }
        return kind;
    }
}
