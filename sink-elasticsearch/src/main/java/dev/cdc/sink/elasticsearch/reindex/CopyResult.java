package dev.cdc.sink.elasticsearch.reindex;

/**
 * What a copy did.
 *
 * @param copied        documents written to the new index
 * @param superseded    documents the task had already written there with the same or a newer position
 * @param rejected      documents the new mapping refused even after conversion (left out, logged)
 * @param droppedValues field values that could not be converted to the new type (left out)
 * @param unkeyed       documents without the new key's columns (delete tombstones), left out of a re-keying copy
 */
public record CopyResult(long copied, long superseded, long rejected, long droppedValues, long unkeyed) {
    @Override
    public String toString() {
        return copied + " copied, " + superseded + " already newer, " + rejected + " rejected, " + droppedValues
                + " values not convertible and left out" + (unkeyed > 0 ? ", " + unkeyed + " without the new key columns left out" : "");
    }

    /** Counts on the copier thread; read by progress logs on the same thread. */
    static final class Counter {
        private long read;
        private long copied;
        private long superseded;
        private long rejected;
        private long dropped;
        private long unkeyed;

        void read(int documents) {
            read += documents;
        }

        long read() {
            return read;
        }

        void copied() {
            copied++;
        }

        void superseded() {
            superseded++;
        }

        long rejected() {
            return ++rejected;
        }

        void dropped(int values) {
            dropped += values;
        }

        void unkeyed() {
            unkeyed++;
        }

        CopyResult result() {
            return new CopyResult(copied, superseded, rejected, dropped, unkeyed);
        }
    }
}
