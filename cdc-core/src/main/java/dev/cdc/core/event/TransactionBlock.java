package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The envelope's {@code transaction} block, as Debezium's ({@code event.block}, version 1).
 *
 * @param id                  the transaction id (MySQL: the GTID or {@code file:pos} of BEGIN; Postgres: {@code txId:lsn})
 * @param totalOrder          position of the event among all events of the transaction, from 1
 * @param dataCollectionOrder position of the event among the events of its table in the transaction, from 1
 */
public record TransactionBlock(String id, long totalOrder, long dataCollectionOrder) {
    public static final String ID = "id";
    public static final String TOTAL_ORDER = "total_order";
    public static final String DATA_COLLECTION_ORDER = "data_collection_order";

    /** The schema of the block; optional, since events outside a transaction (snapshot reads) have none. */
    public static final Schema SCHEMA = SchemaBuilder.struct().optional()
            .name("event.block")
            .version(1)
            .field(ID, Schema.STRING_SCHEMA)
            .field(TOTAL_ORDER, Schema.INT64_SCHEMA)
            .field(DATA_COLLECTION_ORDER, Schema.INT64_SCHEMA)
            .build();

    public TransactionBlock {
        requireNonNull(id, "id is null");
        if (totalOrder < 1 || dataCollectionOrder < 1 || dataCollectionOrder > totalOrder) {
            throw new IllegalArgumentException("transaction " + id + ": orders start at 1 and data_collection_order ("
                    + dataCollectionOrder + ") cannot exceed total_order (" + totalOrder + ")");
        }
    }

    public Struct toStruct() {
        return new Struct(SCHEMA).put(ID, id).put(TOTAL_ORDER, totalOrder).put(DATA_COLLECTION_ORDER, dataCollectionOrder);
    }

    /** The block of a struct read from a record. */
    public static TransactionBlock fromStruct(Struct struct) {
        return new TransactionBlock(struct.getString(ID), struct.getInt64(TOTAL_ORDER), struct.getInt64(DATA_COLLECTION_ORDER));
    }
}
