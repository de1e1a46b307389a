package dev.cdc.sink.elasticsearch.reindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReindexPlanTest {
    private static final Map<String, Object> INTEGER = Map.of("type", "integer");
    private static final Map<String, Object> TEXT = Map.of("type", "text");
    private static final Map<String, Object> LONG = Map.of("type", "long");

    @Test
    void theCopyRenamesAndConvertsRetypedFieldsAndKeepsTheRest() {
        ReindexPlan plan = new ReindexPlan("a", "a_v1", "a_v2", Map.of("id", LONG, "qty", INTEGER, "old", TEXT, "gone", TEXT),
                Map.of("id", LONG, "qty", TEXT, "new", TEXT, "gone", TEXT), Map.of("old", "new"));
        DocumentAdapter.Adapted adapted = plan.sourceToTarget().adapt("{\"id\":1,\"qty\":5,\"old\":\"x\",\"gone\":\"g\"}");
        assertThat(adapted.source()).isEqualTo("{\"id\":1,\"qty\":\"5\",\"gone\":\"g\",\"new\":\"x\"}");
        assertThat(adapted.droppedValues()).isZero();
    }

    @Test
    void aDocumentThatHasTheNewNameAlreadyKeepsIt() {
        DocumentAdapter adapter = new DocumentAdapter(Map.of("old", "new"), Map.of(), null);
        assertThat(adapter.adapt("{\"old\":1,\"new\":2}").source()).isEqualTo("{\"old\":1,\"new\":2}");
    }

    @Test
    void writingNewRowsToTheOldIndexRenamesBackConvertsAndLeavesOutUnknownFields() {
        Map<String, Object> row = Map.of("id", LONG, "qty", TEXT, "new", TEXT, "added", TEXT);
        Map<String, Object> oldIndex = Map.of("id", LONG, "qty", INTEGER, "old", TEXT);
        DocumentAdapter adapter = ReindexPlan.adapter(row, oldIndex, ReindexPlan.reversed(Map.of("old", "new")), true);
        DocumentAdapter.Adapted adapted = adapter.adapt("{\"id\":1,\"qty\":\"abc\",\"new\":\"x\",\"added\":\"y\"}");
        assertThat(adapted.source()).isEqualTo("{\"id\":1,\"old\":\"x\"}");
        assertThat(adapted.droppedValues()).isEqualTo(1);
        assertThat(adapter.adapt("{\"id\":2,\"qty\":\"7\",\"new\":\"x\",\"added\":\"y\"}").source()).isEqualTo("{\"id\":2,\"qty\":7,\"old\":\"x\"}");
    }

    @Test
    void rowsThatFitTheIndexAreNotRewritten() {
        Map<String, Object> index = Map.of("id", LONG, "qty", TEXT, "__cdc_deleted", Map.of("type", "boolean"));
        assertThat(ReindexPlan.adapter(Map.of("id", LONG, "qty", TEXT), index, Map.of("a", "b"), false)).isSameAs(DocumentAdapter.IDENTITY);
        assertThat(ReindexPlan.adapter(Map.of("id", LONG, "qty", TEXT), index, Map.of(), true)).isSameAs(DocumentAdapter.IDENTITY);
        assertThat(ReindexPlan.adapter(Map.of("id", LONG, "qty", INTEGER), index, Map.of(), false).isIdentity()).isFalse();
    }

    @Test
    void renamesCompose() {
        assertThat(ReindexPlan.compose(Map.of("a", "b"), Map.of("b", "c"))).isEqualTo(Map.of("a", "c", "b", "c"));
        assertThat(ReindexPlan.compose(Map.of("a", "b"), Map.of("b", "a"))).isEqualTo(Map.of("b", "a"));
        assertThat(ReindexPlan.compose(Map.of(), Map.of("x", "y"))).isEqualTo(Map.of("x", "y"));
    }
}
