package dev.cdc.source.mysql.binlog;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;

/** Reads temporal cells off a rows event with {@link TemporalDecoding}; shared by the row deserializers. */
final class TemporalCells {
    private TemporalCells() {
    }

    static Serializable date(ByteArrayInputStream input) throws IOException {
        return TemporalDecoding.date(input.readInteger(3));
    }

    static Serializable time2(int meta, ByteArrayInputStream input) throws IOException {
        return TemporalDecoding.time2(meta, input.read(3 + TemporalDecoding.fractionBytes(meta)));
    }

    static Serializable datetime2(int meta, ByteArrayInputStream input) throws IOException {
        return TemporalDecoding.datetime2(meta, input.read(5 + TemporalDecoding.fractionBytes(meta)));
    }
}
