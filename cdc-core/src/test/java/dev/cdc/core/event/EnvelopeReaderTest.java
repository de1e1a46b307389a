package dev.cdc.core.event;

import static dev.cdc.core.event.EventFixtures.KEY;
import static dev.cdc.core.event.EventFixtures.MYSQL_LIKE_SOURCE;
import static dev.cdc.core.event.EventFixtures.ROW;
import static dev.cdc.core.event.EventFixtures.TOPIC;
import static dev.cdc.core.event.EventFixtures.context;
import static dev.cdc.core.event.EventFixtures.key;
import static dev.cdc.core.event.EventFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import dev.cdc.core.position.SourcePosition;

class EnvelopeReaderTest {
    private final ChangeRecordFactory factory = new ChangeRecordFactory(TOPIC, KEY, ROW, MYSQL_LIKE_SOURCE, Clock.systemUTC());

    @Test
    void readsOurCreateWithItsPositionFromSourcePosition() {
        DecodedChange change = EnvelopeReader.read(sink(factory.create(key(1), row(1, "new"), context(123_456))));

        assertThat(change.shape()).isEqualTo(DecodedChange.Shape.ENVELOPE);
        assertThat(change.action()).isEqualTo(ChangeAction.UPSERT);
        assertThat(change.operation()).contains(Operation.CREATE);
        assertThat(change.key()).isEqualTo(key(1));
        assertThat(change.after()).isEqualTo(row(1, "new"));
        assertThat(change.row()).isEqualTo(row(1, "new"));
        assertThat(change.before()).isNull();
        assertThat(change.source().getString("table")).isEqualTo("orders");
        assertThat(change.position()).hasValue(123_456);
        assertThat(change.requirePosition()).isEqualTo(123_456);
    }

    @Test
    void readsOurUpdateDeleteReadAndTruncate() {
        assertThat(EnvelopeReader.read(sink(factory.update(key(1), row(1, "a"), row(1, "b"), context(2)))).before())
                .isEqualTo(row(1, "a"));
        DecodedChange delete = EnvelopeReader.read(sink(factory.delete(key(1), row(1, "b"), context(3))));
        assertThat(delete.action()).isEqualTo(ChangeAction.DELETE);
        assertThat(delete.row()).isEqualTo(row(1, "b"));
        assertThat(EnvelopeReader.read(sink(factory.read(key(1), row(1, "a"), context(1)))).operation()).contains(Operation.READ);
        assertThat(EnvelopeReader.read(sink(factory.truncate(context(4)))).action()).isEqualTo(ChangeAction.TRUNCATE);
    }

    @Test
    void aTombstoneIsReadWithItsKey() {
        SourceRecord delete = factory.delete(key(9), row(9, "x"), context(3));

        DecodedChange change = EnvelopeReader.read(sink(factory.tombstone(delete)));

        assertThat(change.action()).isEqualTo(ChangeAction.TOMBSTONE);
        assertThat(change.shape()).isEqualTo(DecodedChange.Shape.TOMBSTONE);
        assertThat(change.key()).isEqualTo(key(9));
        assertThat(change.position()).isEmpty();
        assertThat(change.operation()).isEmpty();
    }

    @Test
    void debeziumMysqlEventsGetAPositionFromFilePosAndRow() {
        Struct source = debeziumMysqlSource("mysql-bin.000042", 1_000, 3);

        DecodedChange change = EnvelopeReader.read(sink(debeziumEnvelope(source, "u", row(1, "a"), row(1, "b"))));

        assertThat(change.position()).hasValue(SourcePosition.mysql(42, 1_000, Long.MAX_VALUE, 3));
        assertThat(SourcePosition.mysqlOffset(change.requirePosition())).isEqualTo(1_003);
        assertThat(SourcePosition.mysqlFileNumber(change.requirePosition())).isEqualTo(42);
    }

    @Test
    void debeziumMysqlPositionsIncreaseAlongTheBinlog() {
        long first = position(debeziumMysqlSource("mysql-bin.000042", 1_000, 0));
        long secondRow = position(debeziumMysqlSource("mysql-bin.000042", 1_000, 1));
        long nextFile = position(debeziumMysqlSource("mysql-bin.000043", 4, 0));

        assertThat(first).isLessThan(secondRow).isLessThan(nextFile);
    }

    @Test
    void aDebeziumMysqlFileNameWithoutNumberIsAClearError() {
        Struct source = debeziumMysqlSource("binlog", 1_000, 0);

        assertThatThrownBy(() -> EnvelopeReader.read(sink(debeziumEnvelope(source, "c", null, row(1, "a")))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Record at topic inventory.shop.orders partition 2 offset 1234")
                .hasMessageContaining("file=binlog pos=1000 row=0")
                .hasMessageContaining("does not end in a numeric extension");
    }

    @Test
    void debeziumPostgresEventsOrderTransactionsByTheLastCommitLsnOfTheSequence() {
        long earlierTransaction = position(debeziumPostgresSource(5_000, "[\"4000\",\"5000\"]"));
        long laterTransactionWithLowerChangeLsn = position(debeziumPostgresSource(4_900, "[\"4800\",\"4900\"]"));

        assertThat(earlierTransaction).isEqualTo(SourcePosition.postgres(4_000, 0));
        assertThat(laterTransactionWithLowerChangeLsn).isGreaterThan(earlierTransaction);
    }

    @Test
    void debeziumPostgresEventsWithoutLastCommitFallBackToTheirLsn() {
        assertThat(position(debeziumPostgresSource(5_000, "[null,\"5000\"]"))).isEqualTo(SourcePosition.postgres(5_000, 0));
        assertThat(position(debeziumPostgresSource(5_000, null))).isEqualTo(SourcePosition.postgres(5_000, 0));
    }

    @Test
    void aDebeziumPostgresSequenceThatIsNotAnArrayIsAClearError() {
        Struct source = debeziumPostgresSource(5_000, "5000");

        assertThatThrownBy(() -> EnvelopeReader.read(sink(debeziumEnvelope(source, "c", null, row(1, "a")))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("lsn=5000 sequence=5000: sequence is not a JSON array");
    }

    @Test
    void anEnvelopeWithoutAnyPositionFieldHasNone() {
        Schema sourceSchema = SchemaBuilder.struct().name("x.Source").field("db", Schema.STRING_SCHEMA).build();
        Struct source = new Struct(sourceSchema).put("db", "shop");

        DecodedChange change = EnvelopeReader.read(sink(debeziumEnvelope(source, "c", null, row(1, "a"))));

        assertThat(change.position()).isEmpty();
        assertThatThrownBy(change::requirePosition).isInstanceOf(DataException.class)
                .hasMessageStartingWith("Record at topic inventory.shop.orders partition 2 offset 1234 (envelope, action UPSERT) "
                        + "carries no source position");
    }

    @Test
    void aFlatRowIsAnUpsertWithoutOperation() {
        DecodedChange change = EnvelopeReader.read(sink(flatRecord(flatRow(1, null, null), new ConnectHeaders())));

        assertThat(change.shape()).isEqualTo(DecodedChange.Shape.FLAT);
        assertThat(change.action()).isEqualTo(ChangeAction.UPSERT);
        assertThat(change.operation()).isEmpty();
        assertThat(change.after().getInt64("id")).isEqualTo(1);
        assertThat(change.position()).hasValue(77);
    }

    @Test
    void aFlatRowMarkedDeletedIsADeleteOfItsRow() {
        DecodedChange change = EnvelopeReader.read(sink(flatRecord(flatRow(1, "u", "true"), new ConnectHeaders())));

        assertThat(change.action()).isEqualTo(ChangeAction.DELETE);
        assertThat(change.before().getInt64("id")).isEqualTo(1);
        assertThat(change.after()).isNull();
    }

    @Test
    void aFlatRowTakesItsOperationFromAHeaderWhenThereIsNoField() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("__op", "d");

        DecodedChange change = EnvelopeReader.read(sink(flatRecord(flatRow(1, null, null), headers)));

        assertThat(change.operation()).contains(Operation.DELETE);
        assertThat(change.action()).isEqualTo(ChangeAction.DELETE);
    }

    @Test
    void aFlatRowWithDebeziumMysqlFieldsGetsAPosition() {
        Schema schema = SchemaBuilder.struct().name("flat.Value").field("id", Schema.INT64_SCHEMA)
                .field("__file", Schema.STRING_SCHEMA).field("__pos", Schema.INT64_SCHEMA).build();
        Struct value = new Struct(schema).put("id", 1L).put("__file", "mysql-bin.000007").put("__pos", 500L);

        DecodedChange change = EnvelopeReader.read(new SinkRecord(TOPIC, 0, KEY, key(1), schema, value, 5));

        assertThat(change.position()).hasValue(SourcePosition.mysql(7, 500, Long.MAX_VALUE, 0));
    }

    @Test
    void anUnknownFlatOperationIsAClearError() {
        assertThatThrownBy(() -> EnvelopeReader.read(sink(flatRecord(flatRow(1, "x", null), new ConnectHeaders()))))
                .isInstanceOf(DataException.class)
                .hasMessage("Record at topic inventory.shop.orders partition 2 offset 1234 has __op='x'; expected one of r, c, u, d, t");
    }

    @Test
    void aSchemalessMapValueIsRejectedWithTheConverterFix() {
        SinkRecord record = new SinkRecord(TOPIC, 2, null, Map.of("id", 1), null, Map.of("id", 1, "op", "c"), 1234);

        assertThatThrownBy(() -> EnvelopeReader.read(record))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("Record at topic inventory.shop.orders partition 2 offset 1234 is not a change event: "
                        + "its value is a ")
                .hasMessageContaining("without a Connect schema; if the topic holds JSON, set value.converter.schemas.enable=true");
    }

    @Test
    void aStringValueIsRejectedNamingItsType() {
        SinkRecord record = new SinkRecord(TOPIC, 0, null, null, Schema.STRING_SCHEMA, "{\"op\":\"c\"}", 8);

        assertThatThrownBy(() -> EnvelopeReader.read(record))
                .hasMessageContaining("offset 8 is not a change event: its value is a java.lang.String; the value converter must "
                        + "produce a Struct");
    }

    @Test
    void aStructNamedEnvelopeWithoutEnvelopeFieldsIsRejected() {
        Schema schema = SchemaBuilder.struct().name("x.Envelope").field("payload", Schema.STRING_SCHEMA).build();
        SinkRecord record = new SinkRecord(TOPIC, 0, null, null, schema, new Struct(schema).put("payload", "p"), 9);

        assertThatThrownBy(() -> EnvelopeReader.read(record))
                .hasMessageContaining("its value is a struct named x.Envelope without the envelope fields 'op' and "
                        + "'before'/'after' (fields: [payload])");
    }

    @Test
    void anUnknownOperationCodeIsRejected() {
        assertThatThrownBy(() -> EnvelopeReader.read(sink(debeziumEnvelope(debeziumMysqlSource("mysql-bin.000001", 4, 0), "m",
                null, row(1, "a")))))
                .isInstanceOf(DataException.class)
                .hasMessage("Record at topic inventory.shop.orders partition 2 offset 1234: unknown operation code 'm'; "
                        + "expected one of r, c, u, d, t");
    }

    @Test
    void anUpdateWithoutAfterIsRejected() {
        assertThatThrownBy(() -> EnvelopeReader.read(sink(debeziumEnvelope(debeziumMysqlSource("mysql-bin.000001", 4, 0), "u",
                row(1, "a"), null))))
                .hasMessage("Record at topic inventory.shop.orders partition 2 offset 1234 is an envelope with op 'u' "
                        + "but a null 'after' row");
    }

    @Test
    void coordinatesOfASourceRecordHaveNoOffset() {
        assertThat(RecordCoordinates.of(factory.create(key(1), row(1, "a"), context(1))))
                .hasToString("topic inventory.shop.orders");
    }

    private long position(Struct source) {
        return EnvelopeReader.read(sink(debeziumEnvelope(source, "c", null, row(1, "a")))).requirePosition();
    }

    private static SinkRecord sink(SourceRecord record) {
        return new SinkRecord(record.topic(), 2, record.keySchema(), record.key(), record.valueSchema(), record.value(), 1234,
                null, null, record.headers());
    }

    private static Struct debeziumMysqlSource(String file, long pos, int row) {
        Schema schema = SchemaBuilder.struct().name("io.debezium.connector.mysql.Source")
                .field("version", Schema.STRING_SCHEMA).field("connector", Schema.STRING_SCHEMA).field("db", Schema.STRING_SCHEMA)
                .field("file", Schema.STRING_SCHEMA).field("pos", Schema.INT64_SCHEMA).field("row", Schema.INT32_SCHEMA).build();
        return new Struct(schema).put("version", "3.3.1.Final").put("connector", "mysql").put("db", "shop")
                .put("file", file).put("pos", pos).put("row", row);
    }

    private static Struct debeziumPostgresSource(long lsn, String sequence) {
        Schema schema = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
                .field("connector", Schema.STRING_SCHEMA).field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
                .field("txId", Schema.OPTIONAL_INT64_SCHEMA).field("lsn", Schema.OPTIONAL_INT64_SCHEMA).build();
        return new Struct(schema).put("connector", "postgresql").put("sequence", sequence).put("txId", 700L).put("lsn", lsn);
    }

    private static SourceRecord debeziumEnvelope(Struct source, String op, Struct before, Struct after) {
        Schema schema = SchemaBuilder.struct().name(TOPIC + ".Envelope")
                .field("before", ROW).field("after", ROW).field("source", source.schema())
                .field("op", Schema.STRING_SCHEMA).field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();
        Struct value = new Struct(schema).put("before", before).put("after", after).put("source", source).put("op", op);
        return new SourceRecord(Map.of(), Map.of(), TOPIC, null, KEY, key(1), schema, value);
    }

    private static final Schema FLAT = SchemaBuilder.struct().name(TOPIC + ".Value")
            .field("id", Schema.INT64_SCHEMA).field("__op", Schema.OPTIONAL_STRING_SCHEMA)
            .field("__deleted", Schema.OPTIONAL_STRING_SCHEMA).field("__source_position", Schema.OPTIONAL_INT64_SCHEMA).build();

    private static Struct flatRow(long id, String op, String deleted) {
        return new Struct(FLAT).put("id", id).put("__op", op).put("__deleted", deleted).put("__source_position", 77L);
    }

    private static SourceRecord flatRecord(Struct value, ConnectHeaders headers) {
        return new SourceRecord(Map.of(), Map.of(), TOPIC, null, KEY, key(value.getInt64("id")), FLAT, value, null, headers);
    }
}
