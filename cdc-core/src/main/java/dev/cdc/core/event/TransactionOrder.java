package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers the events of the current transaction for {@link TransactionBlock}s: call
 * {@link #begin(String)} at BEGIN, {@link #next(String)} for each change event, {@link #end()} at
 * COMMIT. Not thread-safe: owned by the log-reader thread.
 */
public final class TransactionOrder {
    private final Map<String, Long> perDataCollection = new HashMap<>();
    private String transactionId;
    private long total;

    /** Starts a transaction; a transaction still open is forgotten (its COMMIT was not seen). */
    public void begin(String id) {
        transactionId = requireNonNull(id, "id is null");
        total = 0;
        perDataCollection.clear();
    }

    /**
     * The block of the next event of the transaction.
     *
     * @param dataCollection the table, e.g. {@code inventory.orders}
     * @throws IllegalStateException outside a transaction
     */
    public TransactionBlock next(String dataCollection) {
        requireNonNull(dataCollection, "dataCollection is null");
        if (transactionId == null) {
            throw new IllegalStateException("change event for " + dataCollection + " outside a transaction: begin() was not called");
        }
        total++;
        long inCollection = perDataCollection.merge(dataCollection, 1L, Long::sum);
        return new TransactionBlock(transactionId, total, inCollection);
    }

    /** Ends the transaction. */
    public void end() {
        transactionId = null;
        perDataCollection.clear();
    }

    /** The id of the open transaction. */
    public Optional<String> current() {
        return Optional.ofNullable(transactionId);
    }
}
