package dev.cdc.sink.elasticsearch.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Where Elasticsearch is and how to authenticate: URLs, basic auth or API key, TLS trust store, timeouts. */
public record ConnectionConfig(
        List<String> urls,
        Optional<String> username,
        Optional<Password> password,
        Optional<Password> apiKey,
        Optional<String> truststoreLocation,
        Optional<Password> truststorePassword,
        String truststoreType,
        int connectionTimeoutMs,
        int readTimeoutMs) {
    public static final String GROUP = "Connection";
    public static final String URL = "connection.url";
    public static final String USERNAME = "connection.username";
    public static final String PASSWORD = "connection.password";
    public static final String API_KEY = "connection.api.key";
    public static final String TRUSTSTORE_LOCATION = "elastic.https.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "elastic.https.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "elastic.https.ssl.truststore.type";
    public static final String CONNECTION_TIMEOUT_MS = "connection.timeout.ms";
    public static final String READ_TIMEOUT_MS = "read.timeout.ms";

    public ConnectionConfig {
        urls = List.copyOf(requireNonNull(urls, "urls is null"));
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(truststoreLocation, "truststoreLocation is null");
        requireNonNull(truststorePassword, "truststorePassword is null");
        requireNonNull(truststoreType, "truststoreType is null");
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.httpUrls(), Importance.HIGH,
                        "Elasticsearch URLs, comma-separated, e.g. http://127.0.0.1:9200. Requests are spread over them.",
                        GROUP, ++order, Width.LONG, "Connection URLs")
                .define(USERNAME, Type.STRING, null, ConfigValidators.nonBlankIfSet(), Importance.MEDIUM,
                        "User for HTTP basic authentication; needs " + PASSWORD + ". Not with " + API_KEY + ".",
                        GROUP, ++order, Width.MEDIUM, "Username")
                .define(PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                        "Password of " + USERNAME + ".", GROUP, ++order, Width.MEDIUM, "Password")
                .define(API_KEY, Type.PASSWORD, null, Importance.MEDIUM,
                        "Elasticsearch API key, the base64 'encoded' value, sent as 'Authorization: ApiKey <key>'. Not with "
                                + USERNAME + ".", GROUP, ++order, Width.LONG, "API key")
                .define(TRUSTSTORE_LOCATION, Type.STRING, null, ConfigValidators.nonBlankIfSet(), Importance.MEDIUM,
                        "Trust store for https:// URLs whose certificate the JVM does not trust.",
                        GROUP, ++order, Width.LONG, "Trust store")
                .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                        "Password of the trust store.", GROUP, ++order, Width.MEDIUM, "Trust store password")
                .define(TRUSTSTORE_TYPE, Type.STRING, "JKS", ConfigDef.CaseInsensitiveValidString.in("JKS", "PKCS12"),
                        Importance.LOW, "Type of the trust store.", GROUP, ++order, Width.SHORT, "Trust store type")
                .define(CONNECTION_TIMEOUT_MS, Type.INT, 5_000, ConfigValidators.between(1, 600_000), Importance.LOW,
                        "Milliseconds to wait for a TCP connection to Elasticsearch.",
                        GROUP, ++order, Width.SHORT, "Connection timeout")
                .define(READ_TIMEOUT_MS, Type.INT, 30_000, ConfigValidators.between(1, 3_600_000), Importance.LOW,
                        "Milliseconds to wait for a response, a bulk request included; a timeout is retried.",
                        GROUP, ++order, Width.SHORT, "Read timeout");
    }

    static ConnectionConfig from(AbstractConfig config) {
        Optional<String> username = Optional.ofNullable(config.getString(USERNAME));
        Optional<Password> password = Optional.ofNullable(config.getPassword(PASSWORD));
        Optional<Password> apiKey = Optional.ofNullable(config.getPassword(API_KEY));
        if (username.isPresent() != password.isPresent()) {
            String missing = username.isPresent() ? PASSWORD : USERNAME;
            throw new ConfigException(missing, null, "must be set together with "
                    + (username.isPresent() ? USERNAME : PASSWORD) + " for basic authentication");
        }
        if (username.isPresent() && apiKey.isPresent()) {
            throw new ConfigException(API_KEY, "[hidden]", "cannot be used together with " + USERNAME + "; choose one way to authenticate");
        }
        return new ConnectionConfig(
                config.getList(URL).stream().map(String::trim).toList(),
                username, password, apiKey,
                Optional.ofNullable(config.getString(TRUSTSTORE_LOCATION)),
                Optional.ofNullable(config.getPassword(TRUSTSTORE_PASSWORD)),
                config.getString(TRUSTSTORE_TYPE).toUpperCase(java.util.Locale.ROOT),
                config.getInt(CONNECTION_TIMEOUT_MS),
                config.getInt(READ_TIMEOUT_MS));
    }

    /** The URLs, for messages. */
    public String describeUrls() {
        return String.join(",", urls);
    }
}
