package dev.cdc.core.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans the chunks of a table from its key range; pure, no database access.
 * <ul>
 *   <li>{@link #evenly}: a single integral key column whose values are dense enough: boundaries
 *   every {@code chunkSize} key values between the smallest and largest key (Flink CDC's "evenly
 *   distributed" split);</li>
 *   <li>{@link #fromSplitPoints}: any key, boundaries found by the source (e.g. by
 *   {@code SELECT key ... WHERE key >= ? ORDER BY key LIMIT 1 OFFSET chunkSize}).</li>
 * </ul>
 * The first chunk starts unbounded and the last ends unbounded, so rows inserted below the smallest
 * or above the largest key while the snapshot runs are still read (or left to the stream).
 */
public final class ChunkPlanner {
    /** Most chunks {@link #evenly} plans; sparser keys should be split by querying boundaries. */
    public static final int MAX_EVEN_CHUNKS = 1_000_000;

    private ChunkPlanner() {
    }

    /**
     * Chunks of {@code chunkSize} key values covering {@code [minKey, maxKey]}.
     *
     * @throws IllegalArgumentException when {@code chunkSize < 1}, {@code maxKey < minKey}, or the
     *                                  range needs more than {@value #MAX_EVEN_CHUNKS} chunks
     */
    public static List<Chunk> evenly(long minKey, long maxKey, long chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " must be at least 1");
        }
        if (maxKey < minKey) {
            throw new IllegalArgumentException("largest key " + maxKey + " is below smallest key " + minKey);
        }
        long span = Math.subtractExact(maxKey, minKey);
        long chunks = span / chunkSize + 1;
        if (chunks > MAX_EVEN_CHUNKS) {
            throw new IllegalArgumentException("keys " + minKey + ".." + maxKey + " in chunks of " + chunkSize + " key values give "
                    + chunks + " chunks, more than " + MAX_EVEN_CHUNKS + "; the keys are too sparse to split evenly, "
                    + "split by querying boundaries instead (fromSplitPoints)");
        }
        List<List<Object>> splitPoints = new ArrayList<>();
        for (long i = 1; i < chunks; i++) {
            splitPoints.add(List.of(minKey + i * chunkSize));
        }
        return fromSplitPoints(splitPoints);
    }

    /**
     * Chunks between consecutive split points: {@code [null, p1), [p1, p2), ..., [pn, null)}.
     *
     * @param splitPoints keys in ascending order, without duplicates; empty gives the whole table
     */
    public static List<Chunk> fromSplitPoints(List<List<Object>> splitPoints) {
        List<Chunk> chunks = new ArrayList<>(splitPoints.size() + 1);
        Chunk chunk = Chunk.first(splitPoints.isEmpty() ? null : splitPoints.get(0));
        chunks.add(chunk);
        for (int i = 1; i <= splitPoints.size(); i++) {
            chunk = chunk.next(i < splitPoints.size() ? splitPoints.get(i) : null);
            chunks.add(chunk);
        }
        return List.copyOf(chunks);
    }
}
