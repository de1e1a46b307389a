package dev.cdc.source.mysql.config;

import static dev.cdc.source.mysql.config.ConfigFixtures.minimal;
import static dev.cdc.source.mysql.config.ConfigFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.source.mysql.filter.CaptureFilter;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterConfigTest {
    @Test
    void defaultsCaptureEverythingButSystemDatabases() {
        CaptureFilter filter = MySqlConnectorConfig.parse(minimal()).filters().filter();

        assertThat(filter.isTableCaptured("shop", "orders")).isTrue();
        assertThat(filter.isColumnCaptured("shop", "orders", "note")).isTrue();
        assertThat(filter.isDatabaseCaptured("mysql")).isFalse();
        assertThat(filter.isDatabaseCaptured("INFORMATION_SCHEMA")).isFalse();
    }

    @Test
    void everyKey() {
        Map<String, String> properties = minimal();
        properties.put("database.include.list", "shop,crm_\\d+");
        properties.put("table.exclude.list", "shop\\.audit_.*");
        properties.put("column.exclude.list", "shop\\.customers\\.(password|ssn)");

        CaptureFilter filter = MySqlConnectorConfig.parse(properties).filters().filter();

        assertThat(filter.isTableCaptured("shop", "orders")).isTrue();
        assertThat(filter.isTableCaptured("crm_12", "contacts")).isTrue();
        assertThat(filter.isTableCaptured("crm", "contacts")).isFalse();
        assertThat(filter.isTableCaptured("shop", "audit_2024")).isFalse();
        assertThat(filter.isColumnCaptured("shop", "customers", "ssn")).isFalse();
        assertThat(filter.isColumnCaptured("shop", "customers", "name")).isTrue();
    }

    @Test
    void databaseExcludeList() {
        CaptureFilter filter = MySqlConnectorConfig.parse(with("database.exclude.list", "tmp.*")).filters().filter();

        assertThat(filter.isDatabaseCaptured("tmp_load")).isFalse();
        assertThat(filter.isDatabaseCaptured("shop")).isTrue();
    }

    @Test
    void tableIncludeList() {
        CaptureFilter filter = MySqlConnectorConfig.parse(with("table.include.list", "shop.orders")).filters().filter();

        assertThat(filter.isTableCaptured("shop", "orders")).isTrue();
        assertThat(filter.isTableCaptured("shop", "order_lines")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"database.include.list", "database.exclude.list", "table.include.list", "table.exclude.list",
            "column.exclude.list"})
    void badRegexNamesKeyExpressionAndReason(String key) {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with(key, "shop,ord(ers")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value shop,ord(ers for configuration " + key
                        + ": pattern 'ord(ers' is not a valid Java regular expression (Unclosed group near index 7)");
    }

    @Test
    void databaseIncludeAndExcludeTogether() {
        Map<String, String> properties = minimal();
        properties.put("database.include.list", "shop");
        properties.put("database.exclude.list", "tmp");

        assertThatThrownBy(() -> MySqlConnectorConfig.parse(properties))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.include.list and database.exclude.list cannot both be set; keep one of them");
    }

    @Test
    void tableIncludeAndExcludeTogether() {
        Map<String, String> properties = minimal();
        properties.put("table.include.list", "shop.orders");
        properties.put("table.exclude.list", "shop.audit");

        assertThatThrownBy(() -> MySqlConnectorConfig.parse(properties))
                .hasMessageContaining("table.include.list and table.exclude.list cannot both be set");
    }

    @Test
    void matchingIgnoresCaseAsInDebezium() {
        CaptureFilter filter = MySqlConnectorConfig.parse(with("table.include.list", "Shop\\.Orders")).filters().filter();

        assertThat(filter.isTableCaptured("shop", "orders")).isTrue();
    }

    @Test
    void quantifierCommaDoesNotSplit() {
        CaptureFilter filter = MySqlConnectorConfig.parse(with("database.include.list", "crm_\\d{1,2},shop")).filters().filter();

        assertThat(filter.isDatabaseCaptured("crm_12")).isTrue();
        assertThat(filter.isDatabaseCaptured("crm_123")).isFalse();
        assertThat(filter.isDatabaseCaptured("shop")).isTrue();
    }

    @Test
    void blankListsCountAsUnset() {
        Map<String, String> properties = minimal();
        properties.put("table.include.list", " ");
        properties.put("table.exclude.list", "shop.audit");

        assertThat(MySqlConnectorConfig.parse(properties).filters().filter().isTableCaptured("shop", "audit")).isFalse();
    }
}
