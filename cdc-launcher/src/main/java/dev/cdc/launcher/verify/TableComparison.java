package dev.cdc.launcher.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdc.launcher.elasticsearch.ElasticsearchHttp;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares one table with its index, row by row and column by column, in primary-key chunks.
 *
 * <ol>
 *   <li>Each chunk of rows is read in key order and its documents fetched by {@code _id}
 *       ({@code _mget}); a missing document or a differing column makes the key a suspect.</li>
 *   <li>When the index holds more live documents than matched rows, its ids are scrolled and
 *       those whose row does not exist are suspects too.</li>
 *   <li>Suspects are checked again, row and document both re-read, up to {@code recheckRounds}
 *       times {@code recheckPause} apart: a change still in flight settles, a real difference
 *       stays and is reported.</li>
 * </ol>
 */
public final class TableComparison {
    private final SourceRows rows;
    private final ElasticsearchHttp elasticsearch;
    private final TableInfo table;
    private final String index;
    private final int chunkSize;
    private final int recheckRounds;
    private final Duration recheckPause;

    public TableComparison(java.sql.Connection connection, ElasticsearchHttp elasticsearch, TableInfo table, String index,
                           int chunkSize, int recheckRounds, Duration recheckPause) {
        this.rows = new SourceRows(connection, table);
        this.elasticsearch = requireNonNull(elasticsearch, "elasticsearch is null");
        this.table = requireNonNull(table, "table is null");
        this.index = requireNonNull(index, "index is null");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.recheckRounds = recheckRounds;
        this.recheckPause = requireNonNull(recheckPause, "recheckPause is null");
    }

    public TableResult run() throws SQLException, IOException, InterruptedException {
        if (table.primaryKey().isEmpty()) {
            long count = rows.count();
            long docs = elasticsearch.count(index, "{\"match_all\":{}}").orElse(0L);
            return new TableResult(table.qualifiedName(), index, count, docs, 0, 0, 0, List.of(), List.of(), List.of(),
                    "no primary key: compared by count only");
        }
        Map<String, List<String>> suspects = new LinkedHashMap<>();
        long rowsInSource = 0;
        long matched = 0;
        List<String> afterKey = null;
        while (true) {
            List<SourceRows.Row> chunk = rows.chunk(afterKey, chunkSize);
            if (chunk.isEmpty()) {
                break;
            }
            rowsInSource += chunk.size();
            Map<String, SourceRows.Row> byId = new LinkedHashMap<>();
            for (SourceRows.Row row : chunk) {
                byId.put(DocumentIds.encode(table, row.key()), row);
            }
            Map<String, JsonNode> documents = elasticsearch.multiGet(index, byId.keySet());
            for (Map.Entry<String, SourceRows.Row> entry : byId.entrySet()) {
                JsonNode document = documents.get(entry.getKey());
                if (document != null) {
                    matched++;
                }
                if (difference(entry.getValue(), document).isPresent()) {
                    suspects.put(entry.getKey(), entry.getValue().key());
                }
            }
            afterKey = chunk.get(chunk.size() - 1).key();
        }
        long docsInTarget = elasticsearch.count(index, "{\"match_all\":{}}").orElse(0L);
        if (docsInTarget > matched) {
            collectExtraSuspects(suspects);
        }
        return settle(suspects, rowsInSource, docsInTarget);
    }

    private void collectExtraSuspects(Map<String, List<String>> suspects) throws IOException {
        elasticsearch.forEachIdPage(index, chunkSize, ids -> {
            for (String id : ids) {
                try {
                    List<String> key = DocumentIds.decode(table, id);
                    if (rows.byKey(key).isEmpty()) {
                        suspects.put(id, key);
                    }
                } catch (SQLException | IllegalArgumentException e) {
                    suspects.put(id, null);
                }
            }
        });
    }

    private TableResult settle(Map<String, List<String>> suspects, long rowsInSource, long docsInTarget)
            throws SQLException, IOException, InterruptedException {
        Map<String, String> verdicts = recheck(suspects);
        for (int round = 1; round < recheckRounds && !verdicts.isEmpty(); round++) {
            Thread.sleep(recheckPause.toMillis());
            Map<String, List<String>> remaining = new LinkedHashMap<>();
            verdicts.keySet().forEach(id -> remaining.put(id, suspects.get(id)));
            verdicts = recheck(remaining);
        }
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> different = new ArrayList<>();
        verdicts.forEach((id, verdict) -> {
            if (verdict.equals("missing")) {
                missing.add(id);
            } else if (verdict.equals("extra")) {
                extra.add(id);
            } else {
                different.add(id + " (" + verdict + ")");
            }
        });
        if (recheckRounds > 1 && !verdicts.isEmpty()) {
            // counts drift while writers run: take them again after the rechecks
            rowsInSource = rows.count();
            docsInTarget = elasticsearch.count(index, "{\"match_all\":{}}").orElse(0L);
        }
        return new TableResult(table.qualifiedName(), index, rowsInSource, docsInTarget, missing.size(), extra.size(), different.size(),
                examples(missing), examples(extra), examples(different), null);
    }

    /** Re-reads each suspect: id to "missing", "extra" or the first differing column; settled ones are left out. */
    private Map<String, String> recheck(Map<String, List<String>> suspects) throws SQLException, IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(suspects.keySet());
        for (int from = 0; from < ids.size(); from += chunkSize) {
            List<String> page = ids.subList(from, Math.min(ids.size(), from + chunkSize));
            Map<String, JsonNode> documents = elasticsearch.multiGet(index, page);
            for (String id : page) {
                List<String> key = suspects.get(id);
                Optional<SourceRows.Row> row = key == null ? Optional.empty() : rows.byKey(key);
                JsonNode document = documents.get(id);
                if (row.isEmpty()) {
                    if (document != null) {
                        verdicts.put(id, "extra");
                    }
                } else if (document == null) {
                    verdicts.put(id, "missing");
                } else {
                    difference(row.get(), document).ifPresent(column -> verdicts.put(id, column));
                }
            }
        }
        return verdicts;
    }

    /** The first column whose values differ, as "column: source=... target=...", or empty when equal. */
    private Optional<String> difference(SourceRows.Row row, JsonNode document) {
        if (document == null) {
            return Optional.of("missing");
        }
        for (ColumnInfo column : table.columns()) {
            String expected = ValueNormalizer.source(column, row.values().get(column.name()));
            String actual;
            try {
                actual = ValueNormalizer.document(column, document.get(column.name()));
            } catch (RuntimeException e) {
                actual = "<unreadable: " + document.get(column.name()) + ">";
            }
            if (!Objects.equals(expected, actual)) {
                return Optional.of(column.name() + ": source=" + abbreviate(expected) + " target=" + abbreviate(actual));
            }
        }
        return Optional.empty();
    }

    private static List<String> examples(List<String> all) {
        Set<String> first = new LinkedHashSet<>(all.subList(0, Math.min(all.size(), TableResult.EXAMPLES)));
        return List.copyOf(first);
    }

    private static String abbreviate(String value) {
        return value == null || value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
