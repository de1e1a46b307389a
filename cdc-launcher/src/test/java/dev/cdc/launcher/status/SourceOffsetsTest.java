package dev.cdc.launcher.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceOffsetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRunningSnapshotAndTheHistoryTablesOfMySql() throws Exception {
        SourceOffsets offsets = SourceOffsets.parse(offsets("""
                {"offsets":[
                 {"partition":{"server":"quickstart","table":"inventory.customers"},"offset":{"schema_history_entry":"{}"}},
                 {"partition":{"server":"quickstart"},"offset":{"file":"mysql-bin.000001","pos":4,"snapshot_tables":"s:inventory.orders,s:inventory.order%2Citems",
                   "snapshot_chunk":43,"snapshot_chunk_end":"l:45000","snapshot_rows":45000}}]}"""));

        assertThat(offsets.historyTables()).containsExactly("inventory.customers");
        SourceOffsets.Snapshot snapshot = offsets.snapshot().orElseThrow();
        assertThat(snapshot.remainingTables()).containsExactly("inventory.orders", "inventory.order,items");
        assertThat(snapshot.rowsDone()).isEqualTo(45_000);
        assertThat(snapshot.lastFinishedChunk()).isEqualTo(43);
        assertThat(snapshot.isPending("inventory.order,items")).isTrue();
        assertThat(snapshot.isPending("inventory.orders")).isFalse();
    }

    @Test
    void aCompletedSnapshotLeavesNoKeys() throws Exception {
        SourceOffsets offsets = SourceOffsets.parse(offsets("""
                {"offsets":[{"partition":{"server":"quickstart"},"offset":{"file":"mysql-bin.000001","pos":18001139,"gtids":"0-1-14953"}}]}"""));

        assertThat(offsets.snapshot()).isEmpty();
        assertThat(offsets.historyTables()).isEmpty();
    }

    @Test
    void aPostgresReSnapshotUsesTheIncrementalKeys() throws Exception {
        SourceOffsets offsets = SourceOffsets.parse(offsets("""
                {"offsets":[{"partition":{"server":"pg"},"offset":{"lsn":123,"incremental_snapshot_tables":"s:public.orders",
                  "incremental_snapshot_chunk":-1,"incremental_snapshot_rows":0}}]}"""));

        assertThat(offsets.snapshot().orElseThrow().remainingTables()).containsExactly("public.orders");
        assertThat(offsets.snapshot().orElseThrow().lastFinishedChunk()).isEqualTo(-1);
    }

    @Test
    void offsetsOfAnotherConnectorGiveNothing() throws Exception {
        SourceOffsets offsets = SourceOffsets.parse(offsets("""
                {"offsets":[{"partition":{"filename":"/tmp/in.txt"},"offset":{"position":42}}]}"""));

        assertThat(offsets.snapshot()).isEmpty();
        assertThat(offsets.historyTables()).isEmpty();
    }

    private static List<JsonNode> offsets(String response) throws Exception {
        List<JsonNode> offsets = new ArrayList<>();
        JSON.readTree(response).path("offsets").forEach(offsets::add);
        return offsets;
    }
}
