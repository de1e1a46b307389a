package dev.cdc.sink.jdbc.write;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.jdbc.record.SinkChange;
import dev.cdc.sink.jdbc.table.TableBinding;

/** A change waiting to be written, with the binding of its table. */
public record PendingChange(SinkChange change, TableBinding binding) {
    public PendingChange {
        requireNonNull(change, "change is null");
        requireNonNull(binding, "binding is null");
    }
}
