package dev.cdc.core.event;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

import org.apache.kafka.connect.errors.DataException;

import dev.cdc.core.position.SourcePosition;

/**
 * Finds the source position of a record from named fields (of a source block, or of a flat row):
 * <ol>
 *   <li>{@code position}: ours, used as is;</li>
 *   <li>{@code file}, {@code pos}, {@code row} (Debezium MySQL: binlog file, start of the event, row
 *   in the event): {@code SourcePosition.mysql(fileNumber(file), pos, Long.MAX_VALUE, row)}, i.e.
 *   {@code pos + row} in the file, since the next event's start is not in the record;</li>
 *   <li>{@code lsn} (Debezium Postgres): with {@code sequence = ["<lastCommitLsn>","<lsn>"]} whose first
 *   element is set, {@code SourcePosition.postgres(lastCommitLsn, 0)}: the commit LSN of the
 *   transaction before orders transactions in delivery order, and the changes of one transaction
 *   share a position (sinks keep the last by arrival); otherwise {@code SourcePosition.postgres(lsn, 0)},
 *   which orders changes by their own LSN and can be wrong for interleaved transactions.</li>
 * </ol>
 */
final class PositionResolver {
    private PositionResolver() {
    }

    /**
     * @param field returns the value of a field by name, or null when absent
     * @param where the record, for messages
     * @throws DataException when a field exists but cannot be read as a position
     */
    static OptionalLong resolve(Function<String, Object> field, RecordCoordinates where) {
        Object position = field.apply(SourceInfoSchema.POSITION);
        if (position != null) {
            long value = number(position, SourceInfoSchema.POSITION, where);
            if (value < 0) {
                throw new DataException("Record at " + where + " has a negative source position " + value);
            }
            return OptionalLong.of(value);
        }
        Object file = field.apply("file");
        Object pos = field.apply("pos");
        if (file != null && pos != null) {
            return OptionalLong.of(mysql(file, pos, field.apply("row"), where));
        }
        Object lsn = field.apply("lsn");
        if (lsn != null) {
            return OptionalLong.of(postgres(lsn, field.apply("sequence"), where));
        }
        return OptionalLong.empty();
    }

    private static long mysql(Object file, Object pos, Object row, RecordCoordinates where) {
        try {
            long fileNumber = SourcePosition.binlogFileNumber(file.toString());
            long rowIndex = row == null ? 0 : number(row, "row", where);
            return SourcePosition.mysql(fileNumber, number(pos, "pos", where), Long.MAX_VALUE, rowIndex);
        } catch (IllegalArgumentException e) {
            throw new DataException("Record at " + where + ": cannot derive a source position from Debezium MySQL file=" + file
                    + " pos=" + pos + " row=" + row + ": " + e.getMessage(), e);
        }
    }

    private static long postgres(Object lsn, Object sequence, RecordCoordinates where) {
        try {
            Long lastCommitLsn = sequence == null ? null : firstOfSequence(sequence.toString());
            return lastCommitLsn != null
                    ? SourcePosition.postgres(lastCommitLsn, 0)
                    : SourcePosition.postgres(number(lsn, "lsn", where), 0);
        } catch (IllegalArgumentException e) {
            throw new DataException("Record at " + where + ": cannot derive a source position from Debezium Postgres lsn=" + lsn
                    + " sequence=" + sequence + ": " + e.getMessage(), e);
        }
    }

    /** The first element of Debezium's {@code sequence}, a JSON array of two strings or nulls. */
    static Long firstOfSequence(String sequence) {
        String trimmed = sequence.trim();
        if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
            throw new IllegalArgumentException("sequence is not a JSON array");
        }
        List<String> elements = new ArrayList<>();
        for (String element : trimmed.substring(1, trimmed.length() - 1).split(",", -1)) {
            elements.add(element.trim().replace("\"", ""));
        }
        String first = elements.get(0);
        if (first.isEmpty() || first.equals("null")) {
            return null;
        }
        return Long.parseLong(first);
    }

    private static long number(Object value, String name, RecordCoordinates where) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new DataException("Record at " + where + ": field '" + name + "' is a " + value.getClass().getSimpleName()
                + " (" + value + "), expected a number");
    }
}
