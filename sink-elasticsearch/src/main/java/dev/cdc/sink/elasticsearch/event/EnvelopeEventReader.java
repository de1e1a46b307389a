package dev.cdc.sink.elasticsearch.event;

import dev.cdc.core.position.SourcePosition;
import dev.cdc.sink.elasticsearch.BadRecordException;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Reads our and Debezium's change-event envelopes {@code {before, after, source, op, ts_ms}}.
 * The position is {@code source.position} (our events); for Debezium's events it is computed from
 * {@code source.file}/{@code pos}/{@code row} (MySQL) or {@code source.lsn} (PostgreSQL, where the
 * change LSN is only an approximation of commit order; see {@link SourcePosition}).
 */
public final class EnvelopeEventReader implements ChangeEventReader {
    @Override
    public ChangeEvent read(SinkRecord record) {
        if (!(record.value() instanceof Struct envelope)) {
            throw new BadRecordException("the value is not a change-event struct but "
                    + record.value().getClass().getSimpleName()
                    + "; use a converter with schemas (JSON with schemas.enable=true, or Avro), or record.format=flat");
        }
        if (envelope.schema().field("op") == null) {
            throw new BadRecordException("the value has no 'op' field, so it is not a change event; for unwrapped rows set record.format=flat");
        }
        Operation op = Operation.of(envelope.getString("op"));
        Struct source = (Struct) Structs.get(envelope, "source");
        TableRef table = TableRef.of(record.topic(), Structs.string(source, "db"), Structs.string(source, "schema"),
                Structs.string(source, "table"));
        long position = position(source);
        if (!op.writesRow()) {
            return new ChangeEvent(op, table, position, null, null);
        }
        Object after = Structs.get(envelope, "after");
        if (!(after instanceof Struct row)) {
            throw new BadRecordException("op " + op.code() + " has no 'after' row");
        }
        return new ChangeEvent(op, table, position, row.schema(), row);
    }

    static long position(Struct source) {
        if (source == null) {
            throw new BadRecordException("the change event has no 'source' block, so it has no source position");
        }
        Object position = Structs.get(source, "position");
        if (position instanceof Number number) {
            return number.longValue();
        }
        String file = Structs.string(source, "file");
        Object pos = Structs.get(source, "pos");
        if (file != null && pos instanceof Number eventStart) {
            Object row = Structs.get(source, "row");
            long rowIndex = row instanceof Number n ? n.longValue() : 0;
            try {
                return SourcePosition.mysql(SourcePosition.binlogFileNumber(file), eventStart.longValue(), Long.MAX_VALUE, rowIndex);
            } catch (IllegalArgumentException e) {
                throw new BadRecordException("source position file=" + file + " pos=" + pos + " row=" + row + ": " + e.getMessage(), e);
            }
        }
        Object lsn = Structs.get(source, "lsn");
        if (lsn instanceof Number number) {
            try {
                return SourcePosition.postgres(number.longValue(), 0);
            } catch (IllegalArgumentException e) {
                throw new BadRecordException("source position lsn=" + lsn + ": " + e.getMessage(), e);
            }
        }
        throw new BadRecordException("the source block has no 'position', no binlog 'file'/'pos' and no 'lsn'");
    }
}
