package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The DDL that makes a target table fit the records, in order, and notes for the log (differences
 * the sink leaves alone).
 */
public record EvolutionPlan(List<String> statements, List<String> notes) {
    public EvolutionPlan {
        statements = List.copyOf(requireNonNull(statements, "statements is null"));
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
