package dev.cdc.source.postgres.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.cdc.source.postgres.replication.PgOutputMessage.Begin;
import dev.cdc.source.postgres.replication.PgOutputMessage.Commit;
import dev.cdc.source.postgres.replication.PgOutputMessage.Delete;
import dev.cdc.source.postgres.replication.PgOutputMessage.LogicalMessage;
import dev.cdc.source.postgres.replication.PgOutputMessage.Relation;
import dev.cdc.source.postgres.replication.PgOutputMessage.Truncate;
import dev.cdc.source.postgres.replication.PgOutputMessage.Update;

/** Messages written byte by byte as the protocol documentation describes them. */
class PgOutputDecoderTest {
    private final PgOutputDecoder decoder = new PgOutputDecoder();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    private PgOutputMessage decode() {
        return decoder.decode(ByteBuffer.wrap(bytes.toByteArray()));
    }

    private void string(String value) throws IOException {
        out.write(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    @Test
    void beginCarriesTheCommitLsnAndUnixTime() throws IOException {
        out.write('B');
        out.writeLong(0x16_B374_D848L);
        out.writeLong(1_000_000L); // one second after 2000-01-01
        out.writeInt(0xFFFF_FFFE); // xids are unsigned

        Begin begin = (Begin) decode();

        assertThat(begin.finalLsn()).isEqualTo(0x16_B374_D848L);
        assertThat(begin.commitTimeMicros()).isEqualTo(946_684_801_000_000L);
        assertThat(begin.transactionId()).isEqualTo(4_294_967_294L);
    }

    @Test
    void commit() throws IOException {
        out.write('C');
        out.write(0);
        out.writeLong(100);
        out.writeLong(180);
        out.writeLong(0);

        assertThat(decode()).isEqualTo(new Commit(0, 100, 180, 946_684_800_000_000L));
    }

    @Test
    void relationWithKeyFlagsAndPgCatalogNamespace() throws IOException {
        out.write('R');
        out.writeInt(16384);
        string("");
        string("orders");
        out.write('f');
        out.writeShort(2);
        out.write(1);
        string("id");
        out.writeInt(23);
        out.writeInt(-1);
        out.write(0);
        string("name");
        out.writeInt(1043);
        out.writeInt(24);

        Relation relation = (Relation) decode();

        assertThat(relation.namespace()).isEqualTo("pg_catalog");
        assertThat(relation.replicaIdentity()).isEqualTo('f');
        assertThat(relation.columns()).containsExactly(new PgOutputMessage.RelationColumn(true, "id", 23, -1),
                new PgOutputMessage.RelationColumn(false, "name", 1043, 24));
    }

    @Test
    void updateWithOldRowNullAndUnchangedToast() throws IOException {
        out.write('U');
        out.writeInt(16384);
        out.write('O');
        tuple("1", null, "old");
        out.write('N');
        out.writeShort(3);
        text("1");
        out.write('n');
        out.write('u');

        Update update = (Update) decode();

        assertThat(update.oldIsKeyOnly()).isFalse();
        assertThat(update.oldTuple().text(2)).isEqualTo("old");
        assertThat(update.newTuple().kind(1)).isEqualTo(TupleData.Kind.NULL);
        assertThat(update.newTuple().kind(2)).isEqualTo(TupleData.Kind.UNCHANGED_TOAST);
    }

    @Test
    void updateWithoutOldTuple() throws IOException {
        out.write('U');
        out.writeInt(7);
        out.write('N');
        tuple("é");

        Update update = (Update) decode();

        assertThat(update.oldTuple()).isNull();
        assertThat(update.newTuple().text(0)).isEqualTo("é");
    }

    @Test
    void deleteWithKey() throws IOException {
        out.write('D');
        out.writeInt(7);
        out.write('K');
        tuple("42", null);

        Delete delete = (Delete) decode();

        assertThat(delete.oldIsKeyOnly()).isTrue();
        assertThat(delete.oldTuple().text(0)).isEqualTo("42");
    }

    @Test
    void truncateAndMessage() throws IOException {
        out.write('T');
        out.writeInt(2);
        out.write(1);
        out.writeInt(10);
        out.writeInt(11);
        assertThat(decode()).isEqualTo(new Truncate(1, java.util.List.of(10, 11)));

        bytes.reset();
        out.write('M');
        out.write(0);
        out.writeLong(555);
        string("cdc-heartbeat");
        out.writeInt(2);
        out.write(new byte[] {1, 2});
        LogicalMessage message = (LogicalMessage) decode();
        assertThat(message.transactional()).isFalse();
        assertThat(message.lsn()).isEqualTo(555);
        assertThat(message.prefix()).isEqualTo("cdc-heartbeat");
        assertThat(message.content()).containsExactly(1, 2);
    }

    @Test
    void unknownAndTruncatedMessagesAreRefused() throws IOException {
        out.write('S');
        assertThatThrownBy(this::decode).hasMessageContaining("unknown pgoutput message type 'S'");
        bytes.reset();
        out.write('B');
        out.writeLong(1);
        assertThatThrownBy(this::decode).hasMessageContaining("pgoutput message 'B' ends early");
    }

    private void tuple(String... values) throws IOException {
        out.writeShort(values.length);
        for (String value : values) {
            if (value == null) {
                out.write('n');
            } else {
                text(value);
            }
        }
    }

    private void text(String value) throws IOException {
        byte[] data = value.getBytes(StandardCharsets.UTF_8);
        out.write('t');
        out.writeInt(data.length);
        out.write(data);
    }

    @Test
    void lsnText() {
        assertThat(Lsn.format(0x16_B374_D848L)).isEqualTo("16/B374D848");
        assertThat(Lsn.parse("16/B374D848")).isEqualTo(0x16_B374_D848L);
        assertThat(Lsn.parse("0/0")).isZero();
        assertThatThrownBy(() -> Lsn.parse("16")).hasMessageContaining("is not an LSN such as 16/B374D848");
    }
}
