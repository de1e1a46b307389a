package dev.cdc.sink.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cdc.schema.diff.ColumnRename;

class JdbcSinkConfigTest {
    private static Map<String, String> minimal(String... overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put("connection.url", "jdbc:postgresql://127.0.0.1:5432/cdc");
        for (int i = 0; i < overrides.length; i += 2) {
            properties.put(overrides[i], overrides[i + 1]);
        }
        return properties;
    }

    @Test
    void everyDefault() {
        JdbcSinkConfig config = JdbcSinkConfig.parse(minimal());
        assertThat(config.connection().dialect()).isEqualTo(DialectKind.POSTGRESQL);
        assertThat(config.connection().username()).isNull();
        assertThat(config.connection().password()).isNull();
        assertThat(config.connection().endpoint()).isEqualTo("127.0.0.1:5432/cdc");
        assertThat(config.write().insertMode()).isEqualTo(InsertMode.UPSERT);
        assertThat(config.write().batchSize()).isEqualTo(1_000);
        assertThat(config.write().positionColumn()).isEqualTo("__cdc_position");
        assertThat(config.key().mode()).isEqualTo(PrimaryKeyMode.RECORD_KEY);
        assertThat(config.key().fields()).isEmpty();
        assertThat(config.delete().deleteEnabled()).isTrue();
        assertThat(config.delete().truncateEnabled()).isTrue();
        assertThat(config.delete().mode()).isEqualTo(DeleteMode.HARD);
        assertThat(config.delete().softDeleteColumn()).isEqualTo("__cdc_deleted");
        assertThat(config.table().nameFormat().template()).isEqualTo("${source.table}");
        assertThat(config.evolution().mode()).isEqualTo(SchemaEvolutionMode.BASIC);
        assertThat(config.evolution().dropPolicy()).isEqualTo(DropColumnPolicy.KEEP_NULLABLE);
        assertThat(config.evolution().renames().isEmpty()).isTrue();
        assertThat(config.evolution().dropTablePolicy()).isEqualTo(DropTablePolicy.KEEP);
        assertThat(config.retry()).isEqualTo(new RetryConfig(10, 500, 30_000));
    }

    @Test
    void everyKeyIsRead() {
        JdbcSinkConfig config = JdbcSinkConfig.parse(minimal(
                "connection.url", "jdbc:mariadb://db:3306/shop",
                "connection.username", "writer",
                "connection.password", "secret",
                "insert.mode", "UPDATE",
                "batch.size", "50",
                "source.position.column", "_version",
                "primary.key.mode", "record_value",
                "primary.key.fields", "order_id, line",
                "delete.enabled", "false",
                "truncate.enabled", "false",
                "delete.mode", "soft",
                "delete.soft.column", "_gone",
                "table.name.format", "archive.${source.db}_${source.table}",
                "schema.evolution", "full",
                "schema.evolution.drop.columns", "drop",
                "schema.evolution.column.renames", "orders.name:full_name,orders.qty:quantity",
                "schema.evolution.drop.tables", "DROP",
                "max.retries", "3",
                "retry.backoff.ms", "5",
                "retry.backoff.max.ms", "50"));
        assertThat(config.connection().dialect()).isEqualTo(DialectKind.MARIADB);
        assertThat(config.connection().username()).isEqualTo("writer");
        assertThat(config.connection().password().value()).isEqualTo("secret");
        assertThat(config.write()).isEqualTo(new WriteConfig(InsertMode.UPDATE, 50, "_version"));
        assertThat(config.key()).isEqualTo(new KeyConfig(PrimaryKeyMode.RECORD_VALUE, List.of("order_id", "line")));
        assertThat(config.delete()).isEqualTo(new DeleteConfig(false, false, DeleteMode.SOFT, "_gone"));
        assertThat(config.table().nameFormat().resolve("t", Map.of("db", "shop", "table", "orders")::get)).isEqualTo("archive.shop_orders");
        assertThat(config.evolution().mode()).isEqualTo(SchemaEvolutionMode.FULL);
        assertThat(config.evolution().dropPolicy()).isEqualTo(DropColumnPolicy.DROP);
        assertThat(config.evolution().renames().forTable("orders"))
                .containsExactly(new ColumnRename("name", "full_name"), new ColumnRename("qty", "quantity"));
        assertThat(config.evolution().dropTablePolicy()).isEqualTo(DropTablePolicy.DROP);
        assertThat(config.retry()).isEqualTo(new RetryConfig(3, 5, 50));
    }

    @Test
    void thePasswordIsAPasswordAndEveryKeyHasDocumentation() {
        ConfigDef def = JdbcSinkConfig.configDef();
        assertThat(def.configKeys().get("connection.password").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(def.configKeys().values()).allSatisfy(key -> assertThat(key.documentation).isNotBlank());
        assertThat(def.names()).contains("connection.url", "connection.username", "connection.password", "insert.mode",
                "primary.key.mode", "primary.key.fields", "delete.enabled", "truncate.enabled", "schema.evolution",
                "table.name.format", "batch.size");
    }

    @Test
    void mysqlUrlsAreAccepted() {
        assertThat(JdbcSinkConfig.parse(minimal("connection.url", "jdbc:mysql://h:3306/d?permitMysqlScheme")).connection().dialect())
                .isEqualTo(DialectKind.MYSQL);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "connection.url|jdbc:oracle:thin:@h:1521:x|Invalid value jdbc:oracle:thin:@h:1521:x for configuration connection.url: is not a supported JDBC URL; expected jdbc:postgresql://host:port/database",
            "connection.url|jdbc:postgresql:cdc|has no host after 'jdbc:postgresql:'; expected jdbc:postgresql://host:port/database",
            "connection.url|jdbc:mysql://h:3306/d|uses jdbc:mysql:, which the bundled MariaDB Connector/J only accepts with the permitMysqlScheme option",
            "insert.mode|merge|Invalid value merge for configuration insert.mode: must be one of upsert, insert, update",
            "primary.key.mode|kafka|Invalid value kafka for configuration primary.key.mode: must be one of record_key, record_value, none",
            "delete.mode|purge|must be one of hard, soft",
            "schema.evolution|advanced|must be one of none, basic, full",
            "schema.evolution.drop.columns|forget|must be one of keep_nullable, drop",
            "schema.evolution.drop.tables|purge|Invalid value purge for configuration schema.evolution.drop.tables: must be one of keep, drop",
            "batch.size|0|Invalid value 0 for configuration batch.size: must be a whole number from 1 to 100000",
            "batch.size|many|Invalid value many for configuration batch.size: Not a number of type INT",
            "max.retries|-1|must be a whole number from 0 to 1000",
            "retry.backoff.ms|-5|must be a whole number from 0 to 3600000",
            "delete.enabled|maybe|Invalid value maybe for configuration delete.enabled: Expected value to be either true or false",
            "source.position.column|1abc|Invalid value 1abc for configuration source.position.column: must start with a letter or '_'",
            "delete.soft.column|a-b|must start with a letter or '_' and hold only letters, digits, '_' and '$'",
            "table.name.format|${table}|has the unknown token ${table}; known tokens are ${topic}, ${source.db}, ${source.schema} and ${source.table}",
            "table.name.format|a.b.${source.table}|has 2 literal dots; one dot at most separates schema",
            "table.name.format|${source.table|has an unclosed '${' at index 0",
            "schema.evolution.column.renames|orders.name|entry 'orders.name' is not table.old_column:new_column",
    })
    void aBadValueIsNamedWithWhatIsAllowed(String key, String value, String message) {
        assertThatThrownBy(() -> JdbcSinkConfig.parse(minimal(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aLongPositionColumnNameIsRefused() {
        assertThatThrownBy(() -> JdbcSinkConfig.parse(minimal("source.position.column", "p".repeat(64))))
                .hasMessageContaining("is 64 characters long; at most 63 are allowed");
    }

    @Test
    void theUrlIsRequired() {
        assertThatThrownBy(() -> JdbcSinkConfig.parse(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.url");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "primary.key.mode=record_value|primary.key.fields|must name the key columns when primary.key.mode=record_value",
            "primary.key.mode=none,delete.enabled=false|insert.mode|needs a primary key; with primary.key.mode=none only insert.mode=insert",
            "primary.key.mode=none,insert.mode=insert|delete.enabled|needs a primary key to find the row",
            "primary.key.mode=none,insert.mode=insert,delete.enabled=false,primary.key.fields=id|primary.key.fields|must be empty when primary.key.mode=none",
            "schema.evolution.drop.columns=drop|schema.evolution.drop.columns|needs schema.evolution=full (it is basic)",
            "schema.evolution.column.renames=t.a:b|schema.evolution.column.renames|needs schema.evolution=full (it is basic)",
            "schema.evolution.drop.tables=drop|schema.evolution.drop.tables|needs schema.evolution=full (it is basic)",
            "delete.soft.column=__cdc_position|delete.soft.column|must differ from source.position.column",
            "retry.backoff.ms=100,retry.backoff.max.ms=10|retry.backoff.max.ms|must not be below retry.backoff.ms (100)",
    })
    void keysThatDoNotGoTogetherAreNamed(String settings, String key, String message) {
        Map<String, String> properties = minimal();
        for (String setting : settings.split(",")) {
            String[] parts = setting.split("=", 2);
            properties.put(parts[0], parts[1]);
        }
        assertThatThrownBy(() -> JdbcSinkConfig.parse(properties))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("configuration " + key)
                .hasMessageContaining(message);
    }

    @Test
    void primaryKeyModeNoneWorksWithInsertsOnly() {
        JdbcSinkConfig config = JdbcSinkConfig.parse(minimal("primary.key.mode", "none", "insert.mode", "insert", "delete.enabled", "false"));
        assertThat(config.key().mode()).isEqualTo(PrimaryKeyMode.NONE);
        Function<String, String> none = name -> null;
        assertThat(config.table().nameFormat().resolve("shop.inventory.orders", none)).isEqualTo("orders");
    }
}
