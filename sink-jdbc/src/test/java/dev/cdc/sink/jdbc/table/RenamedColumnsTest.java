package dev.cdc.sink.jdbc.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class RenamedColumnsTest {
    private static final TableRef TABLE = new TableRef("shop", "customers");
    private final RenamedColumns renamed = new RenamedColumns();

    @Test
    void anOldNameGoesToTheRenamedColumnUnlessTheRecordCarriesTheNewName() {
        renamed.renamed(TABLE, "name", "full_name");
        assertThat(renamed.targetName(TABLE, "name", Set.of("id", "name"))).isEqualTo("full_name");
        assertThat(renamed.targetName(TABLE, "name", Set.of("id", "name", "full_name"))).as("a re-added old name").isEqualTo("name");
        assertThat(renamed.targetName(TABLE.sibling("other"), "name", Set.of("name"))).isEqualTo("name");
    }

    @Test
    void renamesChainAndForgetting() {
        renamed.renamed(TABLE, "a", "b");
        renamed.renamed(TABLE, "b", "c");
        assertThat(renamed.targetName(TABLE, "a", Set.of("a"))).isEqualTo("c");
        assertThat(renamed.targetName(TABLE, "b", Set.of("b"))).isEqualTo("c");
        renamed.forget(TABLE);
        assertThat(renamed.targetName(TABLE, "a", Set.of("a"))).isEqualTo("a");
    }
}
