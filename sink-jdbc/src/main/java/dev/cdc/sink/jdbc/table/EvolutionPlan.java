package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The DDL that makes a target table fit the records, in order, notes for the log (differences
 * the sink leaves alone), and the type conversions among the statements.
 */
public record EvolutionPlan(List<String> statements, List<String> notes, List<Conversion> conversions) {
    public EvolutionPlan {
        statements = List.copyOf(requireNonNull(statements, "statements is null"));
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
        conversions = List.copyOf(requireNonNull(conversions, "conversions is null"));
    }

    /**
     * A column converted to a type that is not a widening.
     *
     * @param column    the column as it was before (its type is the one converted from)
     * @param statement the converting statement
     */
    public record Conversion(TargetColumn column, String statement) {
        public Conversion {
            requireNonNull(column, "column is null");
            requireNonNull(statement, "statement is null");
        }
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
