package dev.cdc.launcher.verify;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What verify found for one table: rows in the source, live documents in the index, and the
 * keys missing from the index, extra in it, or different, with up to {@link #EXAMPLES} examples each.
 */
public record TableResult(String table, String index, long rowsInSource, long docsInTarget, long missing, long extra,
                          long different, List<String> missingExamples, List<String> extraExamples, List<String> differentExamples,
                          String note) {
    public static final int EXAMPLES = 10;

    public TableResult {
        requireNonNull(table, "table is null");
        requireNonNull(index, "index is null");
        missingExamples = List.copyOf(missingExamples);
        extraExamples = List.copyOf(extraExamples);
        differentExamples = List.copyOf(differentExamples);
    }

    public boolean matches() {
        return missing == 0 && extra == 0 && different == 0 && rowsInSource == docsInTarget && note == null;
    }
}
