package dev.cdc.core.event;

import static dev.cdc.core.event.EventFixtures.KEY;
import static dev.cdc.core.event.EventFixtures.MYSQL_LIKE_SOURCE;
import static dev.cdc.core.event.EventFixtures.PARTITION;
import static dev.cdc.core.event.EventFixtures.ROW;
import static dev.cdc.core.event.EventFixtures.TOPIC;
import static dev.cdc.core.event.EventFixtures.context;
import static dev.cdc.core.event.EventFixtures.key;
import static dev.cdc.core.event.EventFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import dev.cdc.core.Version;

class ChangeRecordFactoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_123_456L), ZoneOffset.UTC);
    private final ChangeRecordFactory factory = new ChangeRecordFactory(TOPIC, KEY, ROW, MYSQL_LIKE_SOURCE, CLOCK);

    @Test
    void theEnvelopeSchemaIsNamedAndShapedLikeDebeziums() {
        Schema schema = factory.envelopeSchema();

        assertThat(schema.name()).isEqualTo("inventory.shop.orders.Envelope");
        assertThat(schema.version()).isEqualTo(2);
        assertThat(schema.fields()).extracting(Field::name)
                .containsExactly("before", "after", "source", "op", "ts_ms", "transaction");
        assertThat(schema.field("before").schema()).isEqualTo(ROW);
        assertThat(schema.field("transaction").schema().name()).isEqualTo("event.block");
        assertThat(ROW.name()).isEqualTo("inventory.shop.orders.Value");
        assertThat(KEY.name()).isEqualTo("inventory.shop.orders.Key");
    }

    @Test
    void aCreateHasOnlyAnAfterRowAndCarriesKeySourceOffsetAndTimestamp() {
        SourceRecord record = factory.create(key(7), row(7, "new"), context(42));
        Struct value = (Struct) record.value();

        assertThat(record.topic()).isEqualTo("inventory.shop.orders");
        assertThat(record.kafkaPartition()).isNull();
        assertThat(record.key()).isEqualTo(key(7));
        assertThat(record.sourcePartition()).isEqualTo(PARTITION);
        assertThat(record.sourceOffset()).isEqualTo(Map.of("file", "mysql-bin.000003", "pos", 4000L));
        assertThat(value.getString("op")).isEqualTo("c");
        assertThat(value.get("before")).isNull();
        assertThat(value.getStruct("after")).isEqualTo(row(7, "new"));
        assertThat(value.getInt64("ts_ms")).isEqualTo(1_700_000_123_456L);
        assertThat(value.getStruct("source").getInt64("position")).isEqualTo(42);
        assertThat(value.getStruct("source").getString("version")).isEqualTo(Version.get());
        assertThat(value.getStruct("source").getString("snapshot")).isEqualTo("false");
        assertThat(value.get("transaction")).isNull();
    }

    @Test
    void eachOperationWritesItsCode() {
        assertThat(op(factory.read(key(1), row(1, "a"), context(1)))).isEqualTo("r");
        assertThat(op(factory.create(key(1), row(1, "a"), context(1)))).isEqualTo("c");
        assertThat(op(factory.update(key(1), row(1, "a"), row(1, "b"), context(1)))).isEqualTo("u");
        assertThat(op(factory.delete(key(1), row(1, "b"), context(1)))).isEqualTo("d");
        assertThat(op(factory.truncate(context(1)))).isEqualTo("t");
    }

    @Test
    void anUpdateCarriesBothImagesAndTheTransactionBlock() {
        EventContext context = new EventContext(PARTITION, Map.of(), EventFixtures.source(9), new TransactionBlock("gtid:12", 3, 2));

        Struct value = (Struct) factory.update(key(1), row(1, "old"), row(1, "new"), context).value();

        assertThat(value.getStruct("before").getString("status")).isEqualTo("old");
        assertThat(value.getStruct("after").getString("status")).isEqualTo("new");
        assertThat(TransactionBlock.fromStruct(value.getStruct("transaction"))).isEqualTo(new TransactionBlock("gtid:12", 3, 2));
    }

    @Test
    void aTruncateHasNoKeyAndNoRows() {
        SourceRecord record = factory.truncate(context(5));

        assertThat(record.key()).isNull();
        assertThat(record.keySchema()).isNull();
        assertThat(((Struct) record.value()).get("after")).isNull();
    }

    @Test
    void theTombstoneAfterADeleteKeepsTopicKeyAndOffsetWithANullValue() {
        SourceRecord delete = factory.delete(key(3), row(3, "gone"), context(77));

        SourceRecord tombstone = factory.tombstone(delete);

        assertThat(tombstone.topic()).isEqualTo(delete.topic());
        assertThat(tombstone.key()).isEqualTo(key(3));
        assertThat(tombstone.keySchema()).isEqualTo(KEY);
        assertThat(tombstone.sourceOffset()).isEqualTo(delete.sourceOffset());
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.valueSchema()).isNull();
    }

    @Test
    void aTombstoneNeedsADelete() {
        SourceRecord create = factory.create(key(3), row(3, "x"), context(1));

        assertThatThrownBy(() -> factory.tombstone(create)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a tombstone follows a delete with a key");
    }

    @Test
    void aMissingKeyIsRejectedWhenTheTopicHasAKeySchema() {
        assertThatThrownBy(() -> factory.create(null, row(1, "a"), context(1)))
                .hasMessage("topic inventory.shop.orders needs a key of schema inventory.shop.orders.Key but got null");
    }

    @Test
    void aTableWithoutKeyMakesRecordsWithoutKey() {
        ChangeRecordFactory keyless = new ChangeRecordFactory(TOPIC, null, ROW, MYSQL_LIKE_SOURCE, CLOCK);

        assertThat(keyless.create(null, row(1, "a"), context(1)).key()).isNull();
        assertThatThrownBy(() -> keyless.create(key(1), row(1, "a"), context(1)))
                .hasMessageContaining("has no key schema but the event has a key");
    }

    @Test
    void aRequiredRowSchemaIsRejectedWithTheFix() {
        Schema required = SchemaBuilder.struct().name("x.Value").field("id", Schema.INT64_SCHEMA).build();

        assertThatThrownBy(() -> new ChangeRecordFactory(TOPIC, KEY, required, MYSQL_LIKE_SOURCE, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an optional struct").hasMessageContaining("SchemaBuilder.struct().optional()");
    }

    @Test
    void aRowOfAnotherSchemaIsRejected() {
        Schema other = SchemaBuilder.struct().name("other.Value").optional().field("id", Schema.INT64_SCHEMA).build();

        assertThatThrownBy(() -> factory.create(key(1), new Struct(other).put("id", 1L), context(1)))
                .isInstanceOf(DataException.class);
    }

    @Test
    void aSourceStructWithoutPositionIsRejected() {
        Schema noPosition = SchemaBuilder.struct().name("x.Source").field("db", Schema.STRING_SCHEMA).build();

        assertThatThrownBy(() -> SourceInfo.of(new Struct(noPosition).put("db", "shop")))
                .isInstanceOf(DataException.class)
                .hasMessage("source struct of schema x.Source has no int64 field 'position'; build its schema with SourceInfoSchema");
    }

    @Test
    void aSourceStructWithAnUnsetRequiredFieldIsRejected() {
        Struct incomplete = new CommonSourceFields("mysql", "inventory", 1L, SnapshotMarker.FALSE, "shop", 1)
                .newStruct(MYSQL_LIKE_SOURCE);

        assertThatThrownBy(() -> SourceInfo.of(incomplete)).isInstanceOf(DataException.class).hasMessageContaining("file");
    }

    @Test
    void sourceSchemasReserveTheCommonFieldsAndEndWithPosition() {
        assertThat(MYSQL_LIKE_SOURCE.fields()).extracting(Field::name).containsExactly(
                "version", "connector", "name", "ts_ms", "snapshot", "db", "sequence", "table", "file", "pos", "row", "position");
        assertThat(MYSQL_LIKE_SOURCE.field("snapshot").schema().parameters())
                .containsEntry("allowed", "true,first,first_in_data_collection,last_in_data_collection,last,false,incremental");
        assertThatThrownBy(() -> SourceInfoSchema.builder("x").field("position", Schema.INT64_SCHEMA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'position'");
    }

    private static String op(SourceRecord record) {
        return ((Struct) record.value()).getString("op");
    }
}
