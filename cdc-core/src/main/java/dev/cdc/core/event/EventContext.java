package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an event comes from: the Connect source partition and offset to commit with it, its
 * {@link SourceInfo} block and its transaction block (null outside a transaction, e.g. for
 * snapshot reads). The maps are copied, so the reader may reuse its own.
 */
public record EventContext(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset, SourceInfo source,
        TransactionBlock transaction) {

    public EventContext {
        sourcePartition = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(sourcePartition, "sourcePartition is null")));
        sourceOffset = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(sourceOffset, "sourceOffset is null")));
        requireNonNull(source, "source is null");
    }

    /** A context outside a transaction. */
    public static EventContext of(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset, SourceInfo source) {
        return new EventContext(sourcePartition, sourceOffset, source, null);
    }
}
