package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * The {@code source} block of one event: a struct whose schema the source module made with
 * {@link SourceInfoSchema} and whose values it filled (usually starting from
 * {@link CommonSourceFields#newStruct(Schema)}). Checked once here: every required field is set and
 * the int64 field {@code position} is present. Immutable as long as the struct is not changed after.
 */
public final class SourceInfo {
    private final Struct struct;
    private final long position;

    private SourceInfo(Struct struct, long position) {
        this.struct = struct;
        this.position = position;
    }

    /**
     * Wraps a filled source struct.
     *
     * @throws DataException when the struct has no int64 {@code position} or a required field is null
     */
    public static SourceInfo of(Struct struct) {
        requireNonNull(struct, "struct is null");
        Field field = struct.schema().field(SourceInfoSchema.POSITION);
        if (field == null || field.schema().type() != Schema.Type.INT64) {
            throw new DataException("source struct of schema " + struct.schema().name() + " has no int64 field '"
                    + SourceInfoSchema.POSITION + "'; build its schema with SourceInfoSchema");
        }
        struct.validate();
        return new SourceInfo(struct, struct.getInt64(SourceInfoSchema.POSITION));
    }

    public Struct struct() {
        return struct;
    }

    public Schema schema() {
        return struct.schema();
    }

    /** The {@link dev.cdc.core.position.SourcePosition} of the event. */
    public long position() {
        return position;
    }
}
