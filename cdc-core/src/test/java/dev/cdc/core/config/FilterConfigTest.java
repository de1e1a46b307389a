package dev.cdc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterConfigTest {
    /** A filter that keeps the lists it was made from. */
    record Lists(List<String> containerIncludes, List<String> containerExcludes, List<String> tableIncludes,
            List<String> tableExcludes, List<String> columnExcludes) {
    }

    private static final FilterConfig.Definition<Lists> CONNECT = new FilterConfig.Definition<>("catalog", Lists::new, MessageWording.CONNECT);
    private static final FilterConfig.Definition<Lists> KEY_FIRST =
            new FilterConfig.Definition<>("catalog", Lists::new, MessageWording.KEY_FIRST);

    private static Lists parse(Map<String, ?> properties) {
        return CONNECT.from(new AbstractConfig(CONNECT.define(new ConfigDef()), properties, false)).filter();
    }

    @Test
    void defaultsAreEmptyLists() {
        assertThat(parse(Map.of())).isEqualTo(new Lists(List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void everyKeyIsSplitIntoItsPatterns() {
        Lists lists = parse(Map.of("catalog.include.list", "shop, crm_\\d{1,2}", "catalog.exclude.list", "tmp",
                "table.include.list", "shop\\.orders", "table.exclude.list", "shop\\.audit_.*",
                "column.exclude.list", "shop\\.customers\\.(ssn|password),shop\\.orders\\.note"));

        assertThat(lists.containerIncludes()).containsExactly("shop", "crm_\\d{1,2}");
        assertThat(lists.containerExcludes()).containsExactly("tmp");
        assertThat(lists.tableIncludes()).containsExactly("shop\\.orders");
        assertThat(lists.tableExcludes()).containsExactly("shop\\.audit_.*");
        assertThat(lists.columnExcludes()).containsExactly("shop\\.customers\\.(ssn|password)", "shop\\.orders\\.note");
    }

    @Test
    void keysAreNamedAfterTheContainer() {
        ConfigDef definition = CONNECT.define(new ConfigDef());

        assertThat(CONNECT.containerIncludeList()).isEqualTo("catalog.include.list");
        assertThat(CONNECT.containerExcludeList()).isEqualTo("catalog.exclude.list");
        assertThat(definition.names()).containsExactlyInAnyOrder("catalog.include.list", "catalog.exclude.list",
                "table.include.list", "table.exclude.list", "column.exclude.list");
        assertThat(definition.configKeys().get("catalog.include.list").displayName).isEqualTo("Catalogs to capture");
        assertThat(definition.configKeys().get("table.include.list").documentation).contains("<catalog>.<table>");
        assertThat(definition.configKeys().values()).allSatisfy(key -> assertThat(key.group).isEqualTo("Filters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog.include.list", "catalog.exclude.list", "table.include.list", "table.exclude.list",
            "column.exclude.list"})
    void aBadPatternNamesKeyPatternAndReason(String key) {
        assertThatThrownBy(() -> parse(Map.of(key, "shop,ord(ers"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value shop,ord(ers for configuration " + key
                        + ": pattern 'ord(ers' is not a valid Java regular expression (Unclosed group near index 7)");
    }

    @Test
    void anIncludeListWithItsExcludeListIsAProblemOfBothKeysInConnectWording() {
        Map<String, String> properties = Map.of("catalog.include.list", "shop", "catalog.exclude.list", "tmp");
        String message = "Invalid value shop for configuration catalog.include.list: catalog.include.list and"
                + " catalog.exclude.list cannot both be set; keep one of them";

        assertThat(CONNECT.crossFieldProblems(properties)).containsExactly(
                new ConfigProblem("catalog.include.list", message), new ConfigProblem("catalog.exclude.list", message));
        assertThat(MessageWording.CONNECT.toException(CONNECT.crossFieldProblems(properties).get(0), properties)).hasMessage(message);
    }

    @Test
    void anIncludeListWithItsExcludeListIsAProblemOfBothKeysInKeyFirstWording() {
        Map<String, String> properties = Map.of("table.include.list", "shop.orders", "table.exclude.list", "shop.audit");
        String reason = "table.include.list and table.exclude.list cannot both be set; keep one of them";

        assertThat(KEY_FIRST.crossFieldProblems(properties)).containsExactly(
                new ConfigProblem("table.include.list", reason), new ConfigProblem("table.exclude.list", reason));
        assertThat(MessageWording.KEY_FIRST.toException(KEY_FIRST.crossFieldProblems(properties).get(0), properties))
                .hasMessage("Invalid value shop.orders for configuration table.include.list: " + reason);
    }

    @Test
    void blankListsCountAsUnset() {
        Map<String, String> properties = new HashMap<>(Map.of("table.include.list", " ", "table.exclude.list", "shop.audit"));
        properties.put("catalog.include.list", null);
        properties.put("catalog.exclude.list", "tmp");

        assertThat(CONNECT.crossFieldProblems(properties)).isEmpty();
    }

    @Test
    void definitionRefusesAContainerThatIsNoKeyPart() {
        assertThatThrownBy(() -> new FilterConfig.Definition<>("Schema", Lists::new, MessageWording.CONNECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("container 'Schema' is not a lower-case word such as 'schema'");
    }
}
