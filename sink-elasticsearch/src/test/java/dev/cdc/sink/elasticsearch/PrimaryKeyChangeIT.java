package dev.cdc.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A primary-key change at the source (key {@code id} becomes {@code (id, region)}) against the
 * real Elasticsearch: the sink re-keys every document into {@code <alias>_v2} while {@code put()}
 * keeps writing changes of the new key, a late change of the old key lands under the new key,
 * deleted rows stay deleted, readers of the alias always see a complete index, and afterwards every
 * document equals its row under its new {@code _id}.
 */
class PrimaryKeyChangeIT {
    private static final int ROWS = 1_200;
    private static final Schema ROW = SchemaBuilder.struct().name("row").optional().field("id", Schema.INT64_SCHEMA)
            .field("region", Schema.OPTIONAL_STRING_SCHEMA).field("qty", Schema.OPTIONAL_INT32_SCHEMA).build();
    private static final Schema OLD_KEY = SchemaBuilder.struct().name("key").field("id", Schema.INT64_SCHEMA).build();
    private static final Schema NEW_KEY = SchemaBuilder.struct().name("key").field("id", Schema.INT64_SCHEMA)
            .field("region", Schema.STRING_SCHEMA).build();
    private static final long LATE_ID = 5;

    private final TableFixture table = new TableFixture("k");
    private final Map<String, JsonObject> expected = new HashMap<>();
    private final ChangeEvents events = table.events;
    private final String alias = table.alias;
    private ElasticsearchSinkTask task;
    private long position;

    @BeforeEach
    void start() {
        task = table.start(Map.of("reindex.batch.size", "20", "drop.old.index", "true"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        table.close();
    }

    @Test
    void aPrimaryKeyChangeReKeysEveryDocumentWhileWritesContinue() {
        List<SinkRecord> fill = new ArrayList<>();
        for (long id = 1; id <= ROWS; id++) {
            fill.add(events.change("c", oldKey(id), position += 10, row(id, (int) id)));
        }
        for (long id = 10; id <= 50; id += 10) {
            fill.add(events.change("d", oldKey(id), position += 10, null));
        }
        table.putAndCommit(task, fill);
        long beforeKeyChange = position;
        assertThat(table.es.count(alias)).isEqualTo(ROWS - 5);
        for (long id = 1; id <= ROWS; id++) {
            if (id % 10 != 0 || id > 50) {
                expected.put(newId(id), doc(id, (int) id));
            }
        }

        List<Long> counts = new ArrayList<>();
        long nextNew = ROWS + 1;
        long update = 1;
        int batches = 0;
        do {
            List<SinkRecord> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++, update = update % ROWS + 1) {
                if (update != LATE_ID && (update % 10 != 0 || update > 50)) {
                    batch.add(newKeyChange(update, (int) (position + 10)));
                }
            }
            batch.add(newKeyChange(nextNew++, 7));
            if (batches == 1) {
                // a change of the old key from before the key change, arriving late (e.g. from another partition)
                batch.add(events.change("u", oldKey(LATE_ID), beforeKeyChange + 5, row(LATE_ID, -5)));
                expected.put(newId(LATE_ID), doc(LATE_ID, -5));
                // a delete of the new key while the copy runs
                batch.add(events.change("d", newKey(3), position += 10, null));
                expected.remove(newId(3));
            }
            task.put(batch);
            task.preCommit(Map.of());
            counts.add(table.es.count(alias));
            batches++;
        } while (table.currentIndex().equals(alias + "_v1") && batches < 5_000);
        table.putAndCommit(task, List.of(newKeyChange(nextNew, 8)));

        assertThat(table.currentIndex()).isEqualTo(alias + "_v2");
        assertThat(batches).as("put() batches while the copy ran").isGreaterThanOrEqualTo(3);
        assertThat(counts).as("readers of the alias never see a missing or half-filled index")
                .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(ROWS - 6));
        assertThat(table.documents()).isEqualTo(expected);
        assertThat(table.es.request("HEAD", "/" + alias + "_v1", null).status()).as("drop.old.index=true").isEqualTo(404);
    }

    private SinkRecord newKeyChange(long id, int qty) {
        position += 10;
        expected.put(newId(id), doc(id, qty));
        return events.change("u", newKey(id), position, row(id, qty));
    }

    private static String region(long id) {
        return id % 2 == 0 ? "eu" : "us";
    }

    private static Struct oldKey(long id) {
        return new Struct(OLD_KEY).put("id", id);
    }

    private static Struct newKey(long id) {
        return new Struct(NEW_KEY).put("id", id).put("region", region(id));
    }

    private static String newId(long id) {
        return "[" + id + ",\"" + region(id) + "\"]";
    }

    private static Struct row(long id, int qty) {
        return new Struct(ROW).put("id", id).put("region", region(id)).put("qty", qty);
    }

    private static JsonObject doc(long id, int qty) {
        return EsResponse.parse(String.format("{\"id\":%d,\"region\":\"%s\",\"qty\":%d}", id, region(id), qty));
    }
}
