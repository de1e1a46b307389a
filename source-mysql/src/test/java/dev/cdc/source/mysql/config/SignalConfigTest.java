package dev.cdc.source.mysql.config;

import static dev.cdc.source.mysql.config.ConfigFixtures.minimal;
import static dev.cdc.source.mysql.config.ConfigFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.schema.TableId;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SignalConfigTest {
    @Test
    void noSignalTableByDefault() {
        MySqlConnectorConfig config = MySqlConnectorConfig.parse(minimal());

        assertThat(config.signals().table()).isEmpty();
        assertThat(config.captureFilter().isTableCaptured("inventory", "cdc_signal")).isTrue();
    }

    @Test
    void theSignalTableIsDatabaseDotTableAndNeverCaptured() {
        MySqlConnectorConfig config = MySqlConnectorConfig.parse(with("signal.data.collection", " inventory.cdc_signal "));

        assertThat(config.signals().table()).contains(TableId.ofCatalogTable("inventory", "cdc_signal"));
        assertThat(config.captureFilter().isTableCaptured("inventory", "cdc_signal")).as("its rows are signals, not changes").isFalse();
        assertThat(config.captureFilter().isTableCaptured("inventory", "orders")).isTrue();
        assertThat(config.captureFilter().isTableCaptured("other", "cdc_signal")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdc_signal", "a.b.c", "inventory.", ".cdc_signal", "`inventory`.`cdc_signal`", "inventory. cdc_signal"})
    void otherFormsAreRefusedWithTheExpectedForm(String value) {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("signal.data.collection", value)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value " + value + " for configuration signal.data.collection: empty (no signal table) or the signal table"
                        + " as database.table, e.g. inventory.cdc_signal, without quotes, spaces or further dots");
    }
}
