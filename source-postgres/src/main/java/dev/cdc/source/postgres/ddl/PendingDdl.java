package dev.cdc.source.postgres.ddl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.ColumnRename;

/**
 * The DDL messages of one table received since its last Relation message, waiting to be paired
 * with the next one (the table's next change), which shows the schema after them. Renames chain:
 * {@code a -> b} then {@code b -> c} is {@code a -> c}. Not thread-safe (reader thread).
 */
public final class PendingDdl {
    private final List<String> statements = new ArrayList<>();
    /** Current name by original name. */
    private final Map<String, String> renamed = new LinkedHashMap<>();

    /** Takes one message of the table. */
    public void add(DdlMessage message) {
        requireNonNull(message, "message is null");
        if (statements.isEmpty() || !statements.get(statements.size() - 1).equals(message.ddl())) {
            statements.add(message.ddl());
        }
        message.column()
                .flatMap(newName -> RenameColumnParser.find(message.ddl(), newName))
                .ifPresent(this::rename);
    }

    private void rename(ColumnRename rename) {
        String original = renamed.entrySet().stream().filter(entry -> entry.getValue().equals(rename.from())).map(Map.Entry::getKey)
                .findFirst().orElse(rename.from());
        renamed.put(original, rename.to());
    }

    /** The statements, separated by {@code ;} and a new line, as one DDL text; empty when none. */
    public Optional<String> ddl() {
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(";\n", statements.stream().map(PendingDdl::withoutTrailingSemicolon).toList()));
    }

    /**
     * The renames that hold between two versions: from a column of {@code before} to a column of
     * {@code after}, neither renamed to itself (a later statement may have dropped the column again).
     */
    public List<ColumnRename> renames(TableSchema before, TableSchema after) {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        return renamed.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(entry.getValue()))
                .filter(entry -> before.column(entry.getKey()).isPresent() && after.column(entry.getValue()).isPresent())
                .map(entry -> new ColumnRename(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static String withoutTrailingSemicolon(String statement) {
        String trimmed = statement.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
    }
}
