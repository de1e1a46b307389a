package dev.cdc.launcher.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PipelineConfigsTest {

    @Test
    void sinkSubscribesToExactlyTheSourceTopicsOfTheDatabase() {
        Pattern topics = Pattern.compile(PipelineConfigs.sink("inventory", "http://127.0.0.1:9200").get("topics.regex"));
        assertThat(topics.matcher("quickstart.inventory.orders").matches()).isTrue();
        assertThat(topics.matcher("quickstart.inventoryX.orders").matches()).isFalse();
        assertThat(topics.matcher("quickstart.schema-changes").matches()).isFalse();
        assertThat(topics.matcher("quickstartXinventory.orders").matches()).isFalse();
    }

    @Test
    void sourceUsesDebeziumKeyNamesAndTheLeastPrivilegedUser() {
        assertThat(PipelineConfigs.source("inventory", "127.0.0.1", 3306))
                .containsEntry("database.hostname", "127.0.0.1")
                .containsEntry("database.port", "3306")
                .containsEntry("database.user", "cdc")
                .containsEntry("database.include.list", "inventory")
                .containsEntry("topic.prefix", PipelineConfigs.TOPIC_PREFIX);
    }

    @Test
    void sinkNoticesNewTableTopicsWithinSeconds() {
        assertThat(Long.parseLong(PipelineConfigs.sink("inventory", "http://127.0.0.1:9200").get("consumer.override.metadata.max.age.ms")))
                .isLessThanOrEqualTo(10_000);
    }

    @Test
    void indexIsTheLowerCasedDatabaseAndTable() {
        assertThat(PipelineConfigs.indexOf("Inventory", "Orders")).isEqualTo("inventory.orders");
    }
}
